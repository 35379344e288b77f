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

    /// <summary>The first day of the period (a bill date).</summary>
    public LocalDate Start { get; }

    /// <summary>The first day after the period (the next bill date); exclusive.</summary>
    public LocalDate End { get; }

    /// <summary>The last day of the period (the "bill-through" date).</summary>
    public LocalDate LastDay => End.PlusDays(-1);

    /// <summary>The number of days in the period.</summary>
    public int Days => Period.DaysBetween(Start, End);

    /// <summary>Whether <paramref name="date"/> falls in the period.</summary>
    public bool Contains(LocalDate date) => date >= Start && date < End;

    /// <summary>The number of days from <paramref name="date"/> (inclusive) to the end of the period.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the period.</exception>
    public int DaysRemainingFrom(LocalDate date)
    {
        if (!Contains(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Date should be within [{Start:uuuu-MM-dd}-{End:uuuu-MM-dd})");
        }

        return Period.DaysBetween(date, End);
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Start:uuuu-MM-dd}, {End:uuuu-MM-dd})";
}
