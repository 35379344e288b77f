namespace Aria.Billing.Plans.Queue;

/// <summary>
/// One level above a plan instance in its hierarchy: the instance, what the billing system says about it (if it exists
/// yet) and its queued assignment (if it is still to be created). At least one of the two is set.
/// </summary>
/// <param name="Instance">The ancestor plan instance.</param>
/// <param name="Snapshot">The billing system's view of it, or <see langword="null"/> when it does not exist yet.</param>
/// <param name="PendingAssign">Its queued assignment, if any.</param>
internal sealed record PlanAncestor(PlanInstanceNumber Instance, PlanInstanceSnapshot? Snapshot, PlanChange? PendingAssign);
