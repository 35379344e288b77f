using Aria.Billing.Internal;

namespace Aria.Billing;

/// <summary>The length of a recurring billing period in whole months (1 monthly, 3 quarterly, 12 yearly …).</summary>
public readonly record struct BillingInterval
{
    /// <summary>The longest interval accepted: 120 months.</summary>
    public const int MaxMonths = 120;

    private BillingInterval(int months) => Months = months;

    /// <summary>The number of months in one period.</summary>
    public int Months { get; }

    /// <summary>One month.</summary>
    public static BillingInterval Monthly => new(1);

    /// <summary>Three months.</summary>
    public static BillingInterval Quarterly => new(3);

    /// <summary>Six months.</summary>
    public static BillingInterval SemiAnnual => new(6);

    /// <summary>Twelve months.</summary>
    public static BillingInterval Annual => new(12);

    /// <summary>An interval of <paramref name="months"/> months.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is outside [1-120].</exception>
    public static BillingInterval FromMonths(int months) => new(Guard.InRange(months, 1, MaxMonths));

    /// <summary>
    /// The fewest days any period of this interval can have (28 for monthly, 89 for quarterly, 365 for yearly):
    /// the spec bounds bill lag days by this figure minus one.
    /// </summary>
    public int MinimumDays
    {
        get
        {
            EnsureDefined();

            // The shortest run of Months consecutive months over eight years of start months (leap and common Februaries).
            var shortest = int.MaxValue;
            for (var start = 2000 * 12; start < 2008 * 12; start++)
            {
                var end = start + Months;
                shortest = Math.Min(shortest, CivilDays.DayNumber(end / 12, (end % 12) + 1, 1) - CivilDays.DayNumber(start / 12, (start % 12) + 1, 1));
            }

            return shortest;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Months == 1 ? "1 month" : $"{Months} months";

    internal void EnsureDefined()
    {
        if (Months == 0)
        {
            throw new InvalidOperationException("This BillingInterval is the default value; use BillingInterval.FromMonths.");
        }
    }
}
