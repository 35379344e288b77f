namespace Aria.Billing.Sync;

/// <summary>The progress of a bulk reprocess or discard.</summary>
/// <param name="Processed">Records taken so far.</param>
/// <param name="Succeeded">Records that ended COMPLETE (reprocess) or DISCARDED (discard).</param>
/// <param name="Failed">Records that ended ERROR again.</param>
/// <param name="Remaining">ERROR records of the scope not yet taken (an estimate while other writers run).</param>
public readonly record struct SyncProgress(long Processed, long Succeeded, long Failed, long Remaining);
