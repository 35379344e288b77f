namespace Aria.Billing.Plans;

/// <summary>One side of a proration quote, with every factor that produced it.</summary>
/// <param name="FullPeriodAmount">The full recurring amount for one period (rate per unit × units), unrounded.</param>
/// <param name="Period">The billing period prorated.</param>
/// <param name="DaysRemaining">Days from the start of the prorated span (inclusive) to the period end (exclusive).</param>
/// <param name="Amount">FullPeriodAmount × DaysRemaining ÷ Period.Days, rounded once to the minor unit; zero when not prorated.</param>
/// <param name="Applied">Whether the policy produced this side (a credit under "charges only" is not applied).</param>
/// <param name="LineType">The line the side becomes: a service credit for the old plan's unused days, a recurring charge for the new plan's.</param>
public readonly record struct ProratedAmount(Money FullPeriodAmount, BillingPeriod Period, int DaysRemaining, Money Amount, bool Applied, LineType LineType)
{
    /// <summary>The fraction of the period prorated: DaysRemaining ÷ Period.Days.</summary>
    public decimal Fraction => (decimal)DaysRemaining / Period.Days;

    /// <inheritdoc />
    public override string ToString() => Applied
        ? $"{FullPeriodAmount} × {DaysRemaining}/{Period.Days} days of {Period} = {Amount}"
        : $"not prorated ({Amount})";
}
