namespace Aria.Billing.Storage;

/// <summary>The columns of <c>plan_change</c> a row is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum PlanChangeColumn
{
    Id,
    Client,
    AccountNo,
    InstanceNo,
    ParentInstanceNo,
    PlanKind,
    Kind,
    Timing,
    EffectiveDate,
    ParentChangeId,
    NewPlanNo,
    Units,
    NewStatus,
    RateSchedule,
    BillingGroup,
    QueuedAt,
    QueuedBy,
    State,
    ClosedAt,
    ClosedBy,
    Reason,
    LastError,
    Attempts,
    ClaimedBy,
    ClaimExpiresAt,
    Version,
}
