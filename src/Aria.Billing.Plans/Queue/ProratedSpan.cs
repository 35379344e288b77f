namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The part of one master plan instance's billing period the invoice after its changes covers: from the earliest change
/// date in the period to the period's end, on the instance's own anniversary.
/// </summary>
/// <param name="Instance">The master plan instance.</param>
/// <param name="Period">Its billing period containing the change date.</param>
/// <param name="From">The first day prorated (the earliest change date of the instance in the period).</param>
public sealed record ProratedSpan(PlanInstanceNumber Instance, BillingPeriod Period, NodaTime.LocalDate From)
{
    /// <summary>The days prorated: from <see cref="From"/> to the period end (exclusive).</summary>
    public int Days => Period.DaysRemainingFrom(From);

    /// <summary>The share of the period prorated: <see cref="Days"/> ÷ the period's days; the quote of a recurring amount is this times the amount.</summary>
    public decimal Fraction => (decimal)Days / Period.Days;
}
