namespace Aria.Billing.Sync;

/// <summary>Where a bulk operation is.</summary>
public enum SyncOperationState
{
    /// <summary>Recorded and running (or stopped by a crash: resume it).</summary>
    Running = 0,

    /// <summary>Done.</summary>
    Completed = 1,

    /// <summary>Cancelled by the caller; what it did stays done.</summary>
    Cancelled = 2,
}
