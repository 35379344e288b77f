using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Discards one batch of an operation in one set-based update; records in flight in a reprocess (or changed meanwhile) are
/// left to it. DISCARDED is final.
/// </summary>
internal sealed class SyncDiscardBatch(ISyncRecordStore records, IClock clock)
{
    /// <summary>The operation with the batch's discarded records counted as processed and succeeded.</summary>
    internal async Task<SyncOperation> RunAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, CancellationToken cancellationToken)
    {
        var attempt = new SyncAttempt(clock.GetCurrentInstant(), "discard", SyncStatus.Discarded, null, null, operation.Tag);
        var ids = batch.Where(r => r.InFlightOperation is null).Select(r => r.Id).ToArray();
        var discarded = ids.Length == 0 ? [] : await records.DiscardAsync(operation.Client, operation.Domain, ids, attempt, cancellationToken).ConfigureAwait(false);
        SyncTelemetry.Discarded.Add(discarded.Count);
        return operation with { Processed = operation.Processed + discarded.Count, Succeeded = operation.Succeeded + discarded.Count };
    }
}
