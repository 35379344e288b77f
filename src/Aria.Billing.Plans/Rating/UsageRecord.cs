namespace Aria.Billing.Plans.Rating;

/// <summary>
/// One usage record to rate: its billable units (fractional and negative allowed) and, for a pre-rated record, the rate
/// or amount it arrived with (spec: release-6.50.txt, "Additional Support for Negative Usage - API": units, rate, amt).
/// </summary>
/// <param name="Units">The billable units; negative units reduce the units accumulated in the period.</param>
/// <param name="PreRatedRate">The rate of a pre-rated record, if any.</param>
/// <param name="PreRatedAmount">The amount of a pre-rated record, if any (otherwise units × rate).</param>
public readonly record struct UsageRecord(decimal Units, decimal? PreRatedRate = null, decimal? PreRatedAmount = null)
{
    /// <summary>Whether the record arrived with its own rate or amount.</summary>
    public bool IsPreRated => PreRatedRate.HasValue || PreRatedAmount.HasValue;

    /// <summary>The amount of a pre-rated record: its amount, else units × rate.</summary>
    internal decimal PreRatedValue => PreRatedAmount ?? (Units * PreRatedRate!.Value);
}
