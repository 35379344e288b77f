namespace Aria.Billing.Plans.Queue;

/// <summary>The kinds of plan change that can be queued (spec: release-6.50.txt, Future Plan Changes, DEV-6103).</summary>
public enum PlanChangeKind
{
    /// <summary>Assign a plan, which creates a plan instance.</summary>
    Assign = 0,

    /// <summary>Remove a plan, which cancels the plan instance.</summary>
    Remove = 1,

    /// <summary>Replace the plan of an instance.</summary>
    Replace = 2,

    /// <summary>Change the number of plan units.</summary>
    Units = 3,

    /// <summary>Change the plan instance status (queued as "days until status change").</summary>
    Status = 4,

    /// <summary>Change the rate schedule of the plan instance (API only).</summary>
    RateSchedule = 5,
}
