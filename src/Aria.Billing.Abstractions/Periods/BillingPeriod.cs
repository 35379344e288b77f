using NodaTime;

namespace Aria.Billing;

/// <summary>One recurring billing period: from a bill date (inclusive) to the next bill date (exclusive).</summary>
public readonly record struct BillingPeriod
{
    /// <summary>A period from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public BillingPeriod(LocalDate start, LocalDate end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"A billing period ends after it starts; got {start:uuuu-MM-dd} to {end:uuuu-MM-dd}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    private BillingPeriod(LocalDate start, LocalDate end, bool _)
    {
        Start = start;
        End = end;
    }

    /// <summary>The first day of the period (a bill date).</summary>
    public LocalDate Start { get; }

    /// <summary>The first day after the period (the next bill date); exclusive.</summary>
    public LocalDate End { get; }

    /// <summary>The last day of the period (the "bill-through" date).</summary>
    public LocalDate LastDay => End.PlusDays(-1);

    /// <summary>The number of days in the period.</summary>
    public int Days => CivilDays.DayNumber(End) - CivilDays.DayNumber(Start);

    /// <summary>Whether <paramref name="date"/> falls in the period.</summary>
    public bool Contains(LocalDate date)
    {
        var offset = OffsetOf(date);
        return offset >= 0 && offset < Days;
    }

    /// <summary>
    /// The number of days from the period start to <paramref name="date"/>: 0 on the start, <see cref="Days"/> on the end,
    /// negative before the start.
    /// </summary>
    public int OffsetOf(LocalDate date) => CivilDays.DayNumber(date) - CivilDays.DayNumber(Start);

    /// <summary>The number of days from <paramref name="date"/> (inclusive) to the end of the period.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the period.</exception>
    public int DaysRemainingFrom(LocalDate date)
    {
        var remaining = CivilDays.DayNumber(End) - CivilDays.DayNumber(date);
        if (remaining <= 0 || remaining > Days)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Date should be within [{Start:uuuu-MM-dd}-{End:uuuu-MM-dd})");
        }

        return remaining;
    }

    /// <summary>A period whose end the caller already knows to be after its start.</summary>
    internal static BillingPeriod Trusted(LocalDate start, LocalDate end) => new(start, end, true);

    /// <inheritdoc />
    public override string ToString() => $"[{Start:uuuu-MM-dd}, {End:uuuu-MM-dd})";
}
