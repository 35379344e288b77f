using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Reprocesses the batches of one run of an operation. A batch: the records it may take are marked in flight with one
/// set-based update per holder, then their handlers run one at a time in id order, the outcomes written every
/// <see cref="SyncOptions.OutcomeWriteBatch"/> records (one set-based compare-and-swap update; with 1, each outcome before
/// the next handler starts). So after a crash the records still in flight in the operation are the unwritten tail of one
/// batch, and only its first <see cref="SyncOptions.OutcomeWriteBatch"/> records may have had their handler run: the run that
/// meets them leaves them ERROR (noted, skipped) and runs the rest. A cancellation writes what ran and releases what it
/// left unrun; a lost lease leaves it to the node that took the operation over.
/// </summary>
internal sealed class SyncReprocessBatch(
    ISyncRecordStore records, ISyncOperationStore operations, ISyncRecordHandler handler, IClock clock, ILogger logger, SyncOperationLease lease, int writeEvery = 1)
{
    /// <summary>How many records still in flight in this operation this run may still meet that a crash may have caught mid-way.</summary>
    private readonly int _writeEvery = writeEvery;
    private int _uncertainLeft = writeEvery;

    /// <summary>The operation with the batch's outcomes counted.</summary>
    internal async Task<SyncOperation> RunAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, CancellationToken cancellationToken)
    {
        (operation, var toRun) = await TakeAsync(operation, batch, cancellationToken).ConfigureAwait(false);
        var done = new List<(SyncRecord Updated, long ExpectedVersion)>(Math.Min(_writeEvery, toRun.Count));
        for (var i = 0; i < toRun.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await WriteAsync(done, CancellationToken.None).ConfigureAwait(false);
                var unrun = toRun.Skip(i).Select(r => r.Id).ToArray();
                await records.MarkInFlightAsync(operation.Client, operation.Domain, unrun, operation.Id, null, CancellationToken.None).ConfigureAwait(false);
                break;
            }

            if (!await lease.HoldAsync(cancellationToken).ConfigureAwait(false))
            {
                break; // another node has taken the operation over: what this one marked and did not write is its now
            }

            var record = toRun[i];
            var outcome = await SyncOutcomes.RunAsync(handler, record, cancellationToken).ConfigureAwait(false);
            done.Add((SyncOutcomes.Apply(record, outcome, "reprocess", operation.Tag, clock.GetCurrentInstant()), record.Version));
            SyncTelemetry.Reprocessed.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Status == SyncStatus.Error ? "error" : "complete"));
            operation = outcome.Status == SyncStatus.Error
                ? operation with { Processed = operation.Processed + 1, Failed = operation.Failed + 1 }
                : operation with { Processed = operation.Processed + 1, Succeeded = operation.Succeeded + 1 };
            if (done.Count >= _writeEvery || i == toRun.Count - 1)
            {
                await WriteAsync(done, cancellationToken).ConfigureAwait(false);
            }
        }

        return operation;
    }

    /// <summary>Writes the outcomes gathered (each a compare-and-swap on the version the record was marked with), then forgets them.</summary>
    private async Task WriteAsync(List<(SyncRecord Updated, long ExpectedVersion)> done, CancellationToken cancellationToken)
    {
        if (done.Count == 1)
        {
            await records.UpdateAsync(done[0].Updated, done[0].ExpectedVersion, cancellationToken).ConfigureAwait(false);
        }
        else if (done.Count > 1)
        {
            await records.UpdateManyAsync(done, cancellationToken).ConfigureAwait(false);
        }

        done.Clear();
    }

    /// <summary>
    /// The records of the batch this operation runs now, marked in flight in it, by id: not those it took before a crash,
    /// nor those another running operation holds; the one a crash may have caught mid-way is noted instead.
    /// </summary>
    private async Task<(SyncOperation Operation, List<SyncRecord> ToRun)> TakeAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, CancellationToken cancellationToken)
    {
        var toRun = new List<SyncRecord>();
        var toMark = new Dictionary<Guid, List<long>>(); // by holder; Guid.Empty for none
        var holderRunning = new Dictionary<Guid, bool>();
        foreach (var record in batch)
        {
            if (record.Attempts.Any(a => a.By == operation.Tag))
            {
                continue; // taken by this operation before a crash: never twice
            }

            if (record.InFlightOperation == operation.Id)
            {
                if (_uncertainLeft == 0)
                {
                    toRun.Add(record); // after the uncertain ones: marked by a run that crashed before reaching it
                    continue;
                }

                _uncertainLeft--;
                operation = await NoteInterruptedAsync(operation, record, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var holder = record.InFlightOperation ?? Guid.Empty;
            if (holder != Guid.Empty)
            {
                if (!holderRunning.TryGetValue(holder, out var running))
                {
                    holderRunning[holder] = running =
                        (await operations.GetOperationAsync(operation.Client, holder, cancellationToken).ConfigureAwait(false))?.State == SyncOperationState.Running;
                }

                if (running)
                {
                    continue; // another running operation holds it (on this node or another): its to finish; never run twice
                }
            }

            if (!toMark.TryGetValue(holder, out var ids))
            {
                toMark[holder] = ids = [];
            }

            ids.Add(record.Id);
        }

        foreach (var (holder, ids) in toMark)
        {
            // Records changed since they were listed (discarded, taken elsewhere) are not marked: not this operation's to take.
            toRun.AddRange(await records.MarkInFlightAsync(
                operation.Client, operation.Domain, ids, holder == Guid.Empty ? null : holder, operation.Id, cancellationToken).ConfigureAwait(false));
        }

        toRun.Sort((a, b) => a.Id.CompareTo(b.Id));
        return (operation, toRun);
    }

    /// <summary>A crash hit while this record's handler may have run: leave it ERROR, note it, never run it again here.</summary>
    private async Task<SyncOperation> NoteInterruptedAsync(SyncOperation operation, SyncRecord record, CancellationToken cancellationToken)
    {
        var noted = record with
        {
            InFlightOperation = null,
            Attempts = [.. record.Attempts, new SyncAttempt(clock.GetCurrentInstant(), "interrupted", record.Status, record.ErrorCode, record.ErrorMessage, operation.Tag)],
        };
        if (await records.UpdateAsync(noted, record.Version, cancellationToken).ConfigureAwait(false) is null)
        {
            return operation;
        }

        SyncTelemetry.Reprocessed.Add(1, new KeyValuePair<string, object?>("outcome", "interrupted"));
        SyncLogMessages.RecordInterrupted(logger, record.Id, operation.Id);
        return operation with { Processed = operation.Processed + 1, Skipped = operation.Skipped + 1 };
    }
}
