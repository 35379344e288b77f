namespace Aria.Billing.Plans.Queue;

/// <summary>What processing did to one change.</summary>
/// <param name="Change">The change after processing.</param>
/// <param name="Error">Why applying it failed (it stays queued), if it did.</param>
public sealed record ProcessedChange(PlanChange Change, AriaError? Error = null);
