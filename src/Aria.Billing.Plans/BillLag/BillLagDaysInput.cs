using System.Globalization;

namespace Aria.Billing.Plans;

/// <summary>A <c>bill_lag_days</c> input: nothing, a whole number of days, or the erase indicator <c>~</c>.</summary>
public readonly record struct BillLagDaysInput
{
    private BillLagDaysInput(BillLagDaysInputKind kind, int days)
    {
        Kind = kind;
        Days = days;
    }

    /// <summary>What the input asks for.</summary>
    public BillLagDaysInputKind Kind { get; }

    /// <summary>The days when <see cref="Kind"/> is <see cref="BillLagDaysInputKind.Value"/>; 0 otherwise.</summary>
    public int Days { get; }

    /// <summary>Whether something (a value or <c>~</c>) was passed.</summary>
    public bool IsGiven => Kind != BillLagDaysInputKind.NotGiven;

    /// <summary>No input.</summary>
    public static BillLagDaysInput NotGiven => default;

    /// <summary>The erase indicator <c>~</c>.</summary>
    public static BillLagDaysInput Erase => new(BillLagDaysInputKind.Erase, 0);

    /// <summary>A number of days (negative: invoice before the bill date).</summary>
    public static BillLagDaysInput Of(int days) => new(BillLagDaysInputKind.Value, days);

    /// <summary>Parses the API text: blank, <c>~</c>, or a whole number; anything else is INVALID_BILL_LAG_DAYS.</summary>
    public static AriaResult<BillLagDaysInput> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NotGiven;
        }

        var trimmed = text.Trim();
        if (trimmed == "~")
        {
            return Erase;
        }

        return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days)
            ? Of(days)
            : new AriaError(
                PlanErrorCodes.InvalidBillLagDays,
                $"bill_lag_days '{Internal.InputParser.Shorten(trimmed)}' is not a whole number of days or the erase indicator '~'.",
                "bill_lag_days");
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        BillLagDaysInputKind.Value => Days.ToString(CultureInfo.InvariantCulture),
        BillLagDaysInputKind.Erase => "~",
        _ => "(not given)",
    };
}
