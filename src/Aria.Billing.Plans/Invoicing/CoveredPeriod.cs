using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>The part of one billing period an invoice covers.</summary>
/// <param name="Period">The billing period.</param>
/// <param name="From">The first day covered: the period start, or a later service start for a partial first period.</param>
/// <param name="Amount">The recurring amount for the days covered, when the plan's rate was given; rounded once.</param>
public sealed record CoveredPeriod(BillingPeriod Period, LocalDate From, Money? Amount)
{
    /// <summary>The number of days covered.</summary>
    public int Days => Period.DaysRemainingFrom(From);

    /// <summary>The line the covered period becomes on the invoice: a recurring charge.</summary>
    public LineType LineType => LineType.RecurringCharge;

    /// <summary>Whether the whole period is covered.</summary>
    public bool IsFullPeriod => From == Period.Start;

    /// <inheritdoc />
    public override string ToString() =>
        (IsFullPeriod ? Period.ToString() : $"[{From:uuuu-MM-dd}, {Period.End:uuuu-MM-dd}) of {Period}")
        + (Amount is { } amount ? $" {amount}" : string.Empty);
}
