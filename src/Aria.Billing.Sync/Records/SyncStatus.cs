namespace Aria.Billing.Sync;

/// <summary>
/// The status of a sync activity record or aggregated usage record (spec: billing-sync-reprocess.txt, "Activity Log Status
/// Values", "Batch Status Values"). Shared by the sync log and usage aggregation.
/// </summary>
public enum SyncStatus
{
    /// <summary>The message was received and is waiting to be processed.</summary>
    Pending = 0,

    /// <summary>The message was processed successfully.</summary>
    Complete = 1,

    /// <summary>Processing failed; the record carries an error code and can be reprocessed or discarded.</summary>
    Error = 2,

    /// <summary>The message needs no processing.</summary>
    Ignored = 3,

    /// <summary>Reserved; does not appear in standard activity logs.</summary>
    Incomplete = 4,

    /// <summary>Discarded by an operator: final, never reprocessed, hidden from searches unless asked for.</summary>
    Discarded = 5,
}
