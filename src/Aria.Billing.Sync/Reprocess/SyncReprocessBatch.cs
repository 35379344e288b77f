using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Reprocesses the batches of one run of an operation, a group of records at a time: the group is marked in flight (one
/// set-based update per holder), its handlers run one at a time in id order, and its outcomes are written together (one
/// set-based compare-and-swap update). So after a crash the records still in flight in the operation are one group, the
/// only ones whose handlers may have run without their outcome being written: the run that meets them leaves them ERROR
/// (noted, skipped) and runs the rest. A group is as large as the handler's recent speed lets it be while it takes about
/// <see cref="SyncOptions.OutcomeWriteInterval"/> (the first of a run holds one record), and at most
/// <see cref="SyncOptions.OutcomeWriteBatch"/>. A cancellation writes what ran and releases what it left unrun; a lost lease
/// leaves the group to the node that took the operation over.
/// </summary>
internal sealed class SyncReprocessBatch(
    ISyncRecordStore records, ISyncOperationStore operations, ISyncRecordHandler handler, IClock clock, ILogger logger, SyncOperationLease lease, SyncOptions options)
{
    private readonly int _maxGroup = Math.Max(1, Math.Min(options.OutcomeWriteBatch, options.BatchSize));
    private int _group = 1;

    /// <summary>The operation with the batch's outcomes counted.</summary>
    internal async Task<SyncOperation> RunAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, CancellationToken cancellationToken)
    {
        (operation, var candidates) = await SortAsync(operation, batch, cancellationToken).ConfigureAwait(false);
        for (var next = 0; next < candidates.Count && !cancellationToken.IsCancellationRequested && !lease.Lost;)
        {
            var group = candidates.GetRange(next, Math.Min(_group, candidates.Count - next));
            next += group.Count;
            var started = clock.GetCurrentInstant();
            var marked = await MarkAsync(operation, group, cancellationToken).ConfigureAwait(false);
            (operation, var handled) = await HandleAsync(operation, marked, cancellationToken).ConfigureAwait(false);
            if (handled > 0)
            {
                Resize(clock.GetCurrentInstant() - started, handled);
            }
        }

        return operation;
    }

    /// <summary>
    /// Runs the handlers of a marked group and writes its outcomes; on a cancellation, writes what ran and releases the
    /// rest; on a lost lease, stops (the group is the new holder's). The operation counted, and how many handlers ran.
    /// </summary>
    private async Task<(SyncOperation Operation, int Handled)> HandleAsync(SyncOperation operation, List<SyncRecord> marked, CancellationToken cancellationToken)
    {
        var done = new List<(SyncRecord Updated, long ExpectedVersion)>(marked.Count);
        foreach (var record in marked)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await WriteAsync(done, CancellationToken.None).ConfigureAwait(false);
                var unrun = marked.Skip(done.Count).Select(r => r.Id).ToArray();
                await records.MarkInFlightAsync(operation.Client, operation.Domain, unrun, operation.Id, null, CancellationToken.None).ConfigureAwait(false);
                return (operation, done.Count);
            }

            if (!await lease.HoldAsync(cancellationToken).ConfigureAwait(false))
            {
                return (operation, done.Count); // another node has taken the operation over: what this one marked and did not write is its now
            }

            var outcome = await SyncOutcomes.RunAsync(handler, record, cancellationToken).ConfigureAwait(false);
            done.Add((SyncOutcomes.Apply(record, outcome, "reprocess", operation.Tag, clock.GetCurrentInstant()), record.Version));
            SyncTelemetry.Reprocessed.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Status == SyncStatus.Error ? "error" : "complete"));
            operation = outcome.Status == SyncStatus.Error
                ? operation with { Processed = operation.Processed + 1, Failed = operation.Failed + 1 }
                : operation with { Processed = operation.Processed + 1, Succeeded = operation.Succeeded + 1 };
        }

        var handled = done.Count;
        await WriteAsync(done, cancellationToken).ConfigureAwait(false);
        return (operation, handled);
    }

    /// <summary>The next group's size: as many records as the last group handled in <see cref="SyncOptions.OutcomeWriteInterval"/>, 1 to the most.</summary>
    private void Resize(Duration took, int handled)
    {
        var interval = Duration.FromTimeSpan(options.OutcomeWriteInterval);
        _group = took <= Duration.Zero || interval == Duration.Zero
            ? _maxGroup
            : (int)Math.Clamp(interval.TotalTicks * handled / took.TotalTicks, 1, _maxGroup);
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
    /// The records of the batch this operation may run, in id order: not those it took before a crash (never twice), nor
    /// those another running operation holds; those still in flight in it — the group a crash caught — are noted instead.
    /// </summary>
    private async Task<(SyncOperation Operation, List<SyncRecord> Candidates)> SortAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, CancellationToken cancellationToken)
    {
        var candidates = new List<SyncRecord>(batch.Count);
        var holderRunning = new Dictionary<Guid, bool>();
        foreach (var record in batch)
        {
            if (record.Attempts.Any(a => a.By == operation.Tag))
            {
                continue; // taken by this operation before a crash: never twice
            }

            if (record.InFlightOperation == operation.Id)
            {
                operation = await NoteInterruptedAsync(operation, record, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (record.InFlightOperation is { } holder)
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

            candidates.Add(record);
        }

        candidates.Sort((a, b) => a.Id.CompareTo(b.Id));
        return (operation, candidates);
    }

    /// <summary>
    /// Marks the group in flight in this operation, one set-based update per holder (a record left in flight by an operation
    /// no longer running is taken from it); records changed since they were listed (discarded, taken elsewhere) are not
    /// marked: not this operation's to take. The marked records, by id.
    /// </summary>
    private async Task<List<SyncRecord>> MarkAsync(SyncOperation operation, List<SyncRecord> group, CancellationToken cancellationToken)
    {
        var marked = new List<SyncRecord>(group.Count);
        foreach (var byHolder in group.GroupBy(r => r.InFlightOperation))
        {
            marked.AddRange(await records.MarkInFlightAsync(
                operation.Client, operation.Domain, [.. byHolder.Select(r => r.Id)], byHolder.Key, operation.Id, cancellationToken).ConfigureAwait(false));
        }

        marked.Sort((a, b) => a.Id.CompareTo(b.Id));
        return marked;
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
