using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Discards one batch of an operation in one set-based update; records in flight in a reprocess (or changed meanwhile) are
/// left to it, and so are records that turned ERROR after the discard was requested: the operator saw (and counted) the
/// scope as it was then, so a record failing later is left for the next look (counted as skipped). DISCARDED is final.
/// </summary>
internal sealed class SyncDiscardBatch(ISyncRecordStore records, IClock clock)
{
    /// <summary>
    /// The operation with the batch's discarded records counted as processed and succeeded, and those that erred after the
    /// request as skipped.
    /// </summary>
    internal async Task<SyncOperation> RunAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, CancellationToken cancellationToken)
    {
        var attempt = new SyncAttempt(clock.GetCurrentInstant(), "discard", SyncStatus.Discarded, null, null, operation.Tag);
        var seen = batch.Where(r => r.InFlightOperation is null && ErredBy(r, operation.RequestedAt)).Select(r => r.Id).ToArray();
        var later = batch.Count(r => r.InFlightOperation is null && !ErredBy(r, operation.RequestedAt));
        var discarded = seen.Length == 0 ? [] : await records.DiscardAsync(operation.Client, operation.Domain, seen, attempt, cancellationToken).ConfigureAwait(false);
        SyncTelemetry.Discarded.Add(discarded.Count);
        return operation with
        {
            Processed = operation.Processed + discarded.Count + later,
            Succeeded = operation.Succeeded + discarded.Count,
            Skipped = operation.Skipped + later,
        };
    }

    /// <summary>Whether the record was in ERROR when the discard was requested: its last attempt is no later than the request.</summary>
    private static bool ErredBy(SyncRecord record, Instant requestedAt) => record.Attempts.Count == 0 || record.Attempts[^1].At <= requestedAt;
}
