using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Reprocesses and discards ERROR records by scope (all, summary row, error-summary row, record; optionally one account) in
/// batches, with progress, cancellation and crash-safe resume: the operation is recorded before work starts, each batch is
/// marked in flight (one set-based update) before its handlers run, one node at a time runs an operation (a lease in the
/// store), and a resumed operation never runs the handler twice for a record. Discard is one set-based update per batch.
/// DISCARDED is final.
/// Reprocessing takes prerequisites first (usage types and services before plans, accounts before plan instances, master
/// before supplemental), so one "reprocess all" clears what would otherwise take several passes.
/// </summary>
public sealed class SyncReprocessor
{
    private static readonly ConcurrentDictionary<(string Runner, Guid Operation), byte> RunningHere = new();
    private readonly ISyncRecordStore _store;
    private readonly ISyncOperationStore _operations;
    private readonly ISyncRecordHandler _handler;
    private readonly IClock _clock;
    private readonly SyncOptions _options;
    private readonly ILogger _logger;
    private readonly SyncScopePlan _plan;

    /// <summary>A reprocessor over the stores of the records and of the operations, with the host's handler.</summary>
    public SyncReprocessor(
        ISyncRecordStore store, ISyncOperationStore operations, ISyncRecordHandler handler, IClock clock, SyncOptions? options = null, ILogger<SyncReprocessor>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _operations = operations ?? throw new ArgumentNullException(nameof(operations));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SyncOptions();
        if (_options.BatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.BatchSize, "BatchSize should be in range [1-10000]");
        }

        if (string.IsNullOrWhiteSpace(_options.RunnerId) || _options.OperationLease < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("RunnerId must not be empty and OperationLease should be at least 1 second.", nameof(options));
        }

        _plan = new SyncScopePlan(_store, _options);
    }

    /// <summary>Reprocesses the ERROR records of <paramref name="scope"/>: records the operation, then runs it.</summary>
    public async Task<AriaResult<SyncOperation>> ReprocessAsync(
        ClientNumber client, SyncDomain domain, SyncScope scope, string actor, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = await StartAsync(client, domain, SyncOperationKind.Reprocess, scope, actor, cancellationToken).ConfigureAwait(false);
        return started.IsFailure ? started : await RunAsync(client, started.Value.Id, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Discards the ERROR records of <paramref name="scope"/> for good: records the operation, then runs it.</summary>
    public async Task<AriaResult<SyncOperation>> DiscardAsync(
        ClientNumber client, SyncDomain domain, SyncScope scope, string actor, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = await StartAsync(client, domain, SyncOperationKind.Discard, scope, actor, cancellationToken).ConfigureAwait(false);
        return started.IsFailure ? started : await RunAsync(client, started.Value.Id, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an operation without running it. A record scope is checked first: an unknown id is SYNC_EVENT_IS_NOT_FOUND, a
    /// record that is not ERROR (COMPLETE, IGNORED, DISCARDED …) is SYNC_EVENT_NOT_VALID_FOR_ERROR_PROCESS. A running
    /// operation on an overlapping scope is SYNC_OPERATION_IN_PROGRESS.
    /// </summary>
    public async Task<AriaResult<SyncOperation>> StartAsync(
        ClientNumber client, SyncDomain domain, SyncOperationKind kind, SyncScope scope, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (scope.Level == SyncScopeLevel.Record)
        {
            var record = await _store.GetAsync(client, scope.RecordId!.Value, cancellationToken).ConfigureAwait(false);
            if (record is null || record.Domain != domain)
            {
                return Refuse(SyncErrorCodes.SyncEventIsNotFound, $"No sync record {scope.RecordId} exists in the {domain} log.");
            }

            if (record.Status != SyncStatus.Error)
            {
                return Refuse(SyncErrorCodes.SyncEventNotValidForErrorProcess, $"Sync record {record.Id} is {record.Status.ToString().ToUpperInvariant()}: only ERROR records can be {(kind == SyncOperationKind.Reprocess ? "reprocessed" : "discarded")}.");
            }
        }

        var operation = new SyncOperation
        {
            Id = Guid.NewGuid(),
            Client = client,
            Domain = domain,
            Kind = kind,
            Scope = scope,
            RequestedBy = actor,
            RequestedAt = _clock.GetCurrentInstant(),
        };
        if (await _operations.TryStartOperationAsync(operation, cancellationToken).ConfigureAwait(false))
        {
            SyncLogMessages.OperationStarted(_logger, kind, operation.Id, domain, scope.Level, actor);
            return operation;
        }

        return Refuse(SyncErrorCodes.SyncOperationInProgress, $"A reprocess or discard of an overlapping scope is already running in the {domain} log; wait for it to finish.");
    }

    /// <summary>
    /// Runs (or, after a crash, resumes) a recorded operation. Records this operation already took are not taken again; a
    /// record caught mid-way by a crash is left ERROR and counted as skipped rather than run a second time (the counts of
    /// the batch a crash interrupted are not recovered; its records are). Cancelling stops between records and keeps what
    /// was done. The operation is leased to <see cref="SyncOptions.RunnerId"/>: while another runner holds a live lease,
    /// or if this one loses it (it expired and another node took over), the answer is SYNC_OPERATION_IN_PROGRESS.
    /// </summary>
    public async Task<AriaResult<SyncOperation>> RunAsync(ClientNumber client, Guid operationId, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var operation = await _operations.GetOperationAsync(client, operationId, cancellationToken).ConfigureAwait(false);
        if (operation is null)
        {
            return Refuse(SyncErrorCodes.SyncOperationNotFound, $"No sync operation {operationId} for client {client}.");
        }

        if (operation.State != SyncOperationState.Running)
        {
            return operation;
        }

        // The store's lease keeps other runners out; this keeps out a second run under the same runner id in this process.
        if (!RunningHere.TryAdd((_options.RunnerId, operation.Id), 0))
        {
            return Refuse(SyncErrorCodes.SyncOperationInProgress, $"Sync operation {operation.Id} is already running on this node.");
        }

        try
        {
            return await RunHeldAsync(operation, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            RunningHere.TryRemove((_options.RunnerId, operation.Id), out _);
        }
    }

    private async Task<AriaResult<SyncOperation>> RunHeldAsync(SyncOperation operation, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var client = operation.Client;
        var run = new RunState();
        if (!await HoldLeaseAsync(operation, run, cancellationToken).ConfigureAwait(false))
        {
            return Refuse(SyncErrorCodes.SyncOperationInProgress, $"Sync operation {operation.Id} is being run by another node; that node finishes it.");
        }

        using var activity = SyncTelemetry.Source.StartActivity("sync.operation");
        activity?.SetTag("aria.sync.operation", operation.Kind.ToString());
        activity?.SetTag("aria.sync.domain", operation.Domain.ToString());
        activity?.SetTag("aria.sync.scope", operation.Scope.Level.ToString());

        var total = await _plan.CountAsync(operation, cancellationToken).ConfigureAwait(false) + operation.Processed;
        foreach (var unit in await _plan.UnitsAsync(operation, cancellationToken).ConfigureAwait(false))
        {
            for (long after = 0; ;)
            {
                if (!await HoldLeaseAsync(operation, run, cancellationToken).ConfigureAwait(false))
                {
                    return LeaseLost(operation);
                }

                var batch = await _store.ListErrorsAsync(client, operation.Domain, unit, after, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                after = batch[^1].Id;
                if (!cancellationToken.IsCancellationRequested)
                {
                    operation = operation.Kind == SyncOperationKind.Discard
                        ? await DiscardBatchAsync(operation, batch, cancellationToken).ConfigureAwait(false)
                        : await ReprocessBatchAsync(operation, batch, run, cancellationToken).ConfigureAwait(false);
                    if (run.LeaseLost)
                    {
                        return LeaseLost(operation);
                    }
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    operation = operation with { State = SyncOperationState.Cancelled, FinishedAt = _clock.GetCurrentInstant() };
                    await _operations.SaveOperationAsync(operation, CancellationToken.None).ConfigureAwait(false);
                    SyncLogMessages.OperationEnded(_logger, operation.Id, operation.State, operation.Processed, operation.Succeeded, operation.Failed, operation.Skipped);
                    return operation;
                }

                await _operations.SaveOperationAsync(operation, cancellationToken).ConfigureAwait(false);
                progress?.Report(new SyncProgress(operation.Processed, operation.Succeeded, operation.Failed, Math.Max(0, total - operation.Processed)));
                if (unit.Level == SyncScopeLevel.Record)
                {
                    break;
                }
            }
        }

        operation = operation with { State = SyncOperationState.Completed, FinishedAt = _clock.GetCurrentInstant() };
        await _operations.SaveOperationAsync(operation, cancellationToken).ConfigureAwait(false);
        SyncLogMessages.OperationEnded(_logger, operation.Id, operation.State, operation.Processed, operation.Succeeded, operation.Failed, operation.Skipped);
        progress?.Report(new SyncProgress(operation.Processed, operation.Succeeded, operation.Failed, 0));
        return operation;
    }

    /// <summary>
    /// Runs to the end every operation of the client and domain still marked running — the ones a crash or a stop left
    /// behind — oldest first. Call it when a node starts; records an operation already took are not taken again.
    /// </summary>
    /// <returns>The operations as they ended.</returns>
    public async Task<IReadOnlyList<SyncOperation>> ResumeAsync(
        ClientNumber client, SyncDomain domain, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var resumed = new List<SyncOperation>();
        foreach (var operation in await _operations.ListRunningOperationsAsync(client, domain, cancellationToken).ConfigureAwait(false))
        {
            var ended = await RunAsync(client, operation.Id, progress, cancellationToken).ConfigureAwait(false);
            resumed.Add(ended.IsSuccess ? ended.Value : operation);
        }

        return resumed;
    }

    /// <summary>
    /// Discards a batch in one set-based update; records in flight in a reprocess (or changed meanwhile) are left to it.
    /// </summary>
    private async Task<SyncOperation> DiscardBatchAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, CancellationToken cancellationToken)
    {
        var attempt = new SyncAttempt(_clock.GetCurrentInstant(), "discard", SyncStatus.Discarded, null, null, operation.Tag);
        var ids = batch.Where(r => r.InFlightOperation is null).Select(r => r.Id).ToArray();
        var discarded = ids.Length == 0 ? [] : await _store.DiscardAsync(operation.Client, operation.Domain, ids, attempt, cancellationToken).ConfigureAwait(false);
        SyncTelemetry.Discarded.Add(discarded.Count);
        return operation with { Processed = operation.Processed + discarded.Count, Succeeded = operation.Succeeded + discarded.Count };
    }

    /// <summary>
    /// Reprocesses a batch: marks the records it may take in flight with one set-based update per holder, then runs their
    /// handlers one at a time in id order, each outcome written before the next handler starts. So after a crash the
    /// records still in flight in this operation are the unrun tail of one batch, and only the first of them may have had
    /// its handler run: that one is left ERROR (noted, skipped), the rest run. A cancellation releases what it left unrun.
    /// </summary>
    private async Task<SyncOperation> ReprocessBatchAsync(SyncOperation operation, IReadOnlyList<SyncRecord> batch, RunState run, CancellationToken cancellationToken)
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
                if (run.UncertainSeen)
                {
                    toRun.Add(record); // after the uncertain one: marked by a run that crashed before reaching it
                    continue;
                }

                run.UncertainSeen = true;
                operation = await NoteInterruptedAsync(operation, record, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var holder = record.InFlightOperation ?? Guid.Empty;
            if (holder != Guid.Empty)
            {
                if (!holderRunning.TryGetValue(holder, out var running))
                {
                    holderRunning[holder] = running =
                        (await _operations.GetOperationAsync(operation.Client, holder, cancellationToken).ConfigureAwait(false))?.State == SyncOperationState.Running;
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
            toRun.AddRange(await _store.MarkInFlightAsync(
                operation.Client, operation.Domain, ids, holder == Guid.Empty ? null : holder, operation.Id, cancellationToken).ConfigureAwait(false));
        }

        toRun.Sort((a, b) => a.Id.CompareTo(b.Id));
        for (var i = 0; i < toRun.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                var unrun = toRun.Skip(i).Select(r => r.Id).ToArray();
                await _store.MarkInFlightAsync(operation.Client, operation.Domain, unrun, operation.Id, null, CancellationToken.None).ConfigureAwait(false);
                break;
            }

            if (!await HoldLeaseAsync(operation, run, cancellationToken).ConfigureAwait(false))
            {
                break; // another node has taken the operation over: what this one marked and did not run is its now
            }

            var record = toRun[i];
            var outcome = await SyncOutcomes.RunAsync(_handler, record, cancellationToken).ConfigureAwait(false);
            var done = SyncOutcomes.Apply(record, outcome, "reprocess", operation.Tag, _clock.GetCurrentInstant());
            await _store.UpdateAsync(done, record.Version, cancellationToken).ConfigureAwait(false);
            SyncTelemetry.Reprocessed.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Status == SyncStatus.Error ? "error" : "complete"));
            operation = outcome.Status == SyncStatus.Error
                ? operation with { Processed = operation.Processed + 1, Failed = operation.Failed + 1 }
                : operation with { Processed = operation.Processed + 1, Succeeded = operation.Succeeded + 1 };
        }

        return operation;
    }

    /// <summary>Takes or renews the operation's lease when half of it has passed; false when another node holds it.</summary>
    private async Task<bool> HoldLeaseAsync(SyncOperation operation, RunState run, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        if (now < run.RenewAt)
        {
            return true;
        }

        var lease = Duration.FromTimeSpan(_options.OperationLease);
        if (!await _operations.TryLeaseOperationAsync(operation.Client, operation.Id, _options.RunnerId, now, now + lease, cancellationToken).ConfigureAwait(false))
        {
            run.LeaseLost = true;
            return false;
        }

        run.RenewAt = now + (lease / 2);
        return true;
    }

    private AriaError LeaseLost(SyncOperation operation)
    {
        SyncLogMessages.OperationTakenOver(_logger, operation.Id, _options.RunnerId);
        return Refuse(SyncErrorCodes.SyncOperationInProgress, $"Sync operation {operation.Id} was taken over by another node (this one's lease expired); that node finishes it.");
    }

    /// <summary>A crash hit while this record's handler may have run: leave it ERROR, note it, never run it again here.</summary>
    private async Task<SyncOperation> NoteInterruptedAsync(SyncOperation operation, SyncRecord record, CancellationToken cancellationToken)
    {
        var noted = record with
        {
            InFlightOperation = null,
            Attempts = [.. record.Attempts, new SyncAttempt(_clock.GetCurrentInstant(), "interrupted", record.Status, record.ErrorCode, record.ErrorMessage, operation.Tag)],
        };
        if (await _store.UpdateAsync(noted, record.Version, cancellationToken).ConfigureAwait(false) is null)
        {
            return operation;
        }

        SyncTelemetry.Reprocessed.Add(1, new KeyValuePair<string, object?>("outcome", "interrupted"));
        SyncLogMessages.RecordInterrupted(_logger, record.Id, operation.Id);
        return operation with { Processed = operation.Processed + 1, Skipped = operation.Skipped + 1 };
    }

    private static AriaError Refuse(AriaErrorCode code, string message) => new(code, message, "scope");

    /// <summary>One run of an operation: when its lease is due for renewal, whether it was lost, and whether the run has met
    /// the record a crash may have caught mid-way.</summary>
    private sealed class RunState
    {
        public Instant RenewAt { get; set; } = Instant.MinValue;

        public bool LeaseLost { get; set; }

        public bool UncertainSeen { get; set; }
    }
}
