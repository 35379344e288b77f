namespace Aria.Billing.Plans.Queue;

/// <summary>Where a plan change is in its life: queued, or in the history as executed or deleted.</summary>
public enum PlanChangeState
{
    /// <summary>Waiting for its effective date (or for its parent to execute).</summary>
    Queued = 0,

    /// <summary>Applied; kept in the history with who and when.</summary>
    Executed = 1,

    /// <summary>Deleted by a person or by the system (voided, superseded, cascaded); kept in the history with the reason.</summary>
    Deleted = 2,
}
