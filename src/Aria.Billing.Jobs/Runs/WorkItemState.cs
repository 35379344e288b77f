namespace Aria.Billing.Jobs;

/// <summary>Where a work item of a job is.</summary>
public enum WorkItemState
{
    /// <summary>Not yet claimed.</summary>
    Pending = 0,

    /// <summary>Claimed by a worker (under a lease).</summary>
    Running = 1,

    /// <summary>Done successfully.</summary>
    Completed = 2,

    /// <summary>Done, unsuccessfully.</summary>
    Failed = 3,
}
