namespace Aria.Billing.Plans.Rating;

/// <summary>The units and amount of one tier in a period's rating.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Units">The units priced in this tier.</param>
/// <param name="Amount">Units × the tier's rate, unrounded.</param>
public readonly record struct TierUsage(RateTier Tier, decimal Units, decimal Amount);
