namespace Aria.Billing.Jobs;

/// <summary>The status of a batch process (job), <c>batch_status_cd</c> of the audit log (spec: batch-process-audit-log.txt).</summary>
public enum BatchStatus
{
    /// <summary>0: in queue for processing.</summary>
    New = 0,

    /// <summary>1: currently running.</summary>
    Running = 1,

    /// <summary>2: completed successfully.</summary>
    Ok = 2,

    /// <summary>3: manually interrupted.</summary>
    Incomplete = 3,

    /// <summary>4: an error stopped the process before it completed.</summary>
    Error = 4,

    /// <summary>5: completed, but one or more records (work items) failed.</summary>
    Partial = 5,

    /// <summary>6: did not run because a batch it depends on ended in <see cref="Error"/>.</summary>
    Warning = 6,

    /// <summary>7: suspended manually.</summary>
    Suspended = 7,
}
