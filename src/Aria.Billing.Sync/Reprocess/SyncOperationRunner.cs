using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Runs a recorded operation to its end, or resumes one a crash or a stop left running. One run at a time per runner id in
/// this process, and one node at a time (the operation's lease, held for the whole run); the scope's units in the order of
/// the <see cref="SyncScopePlan"/>, each listed in batches by id; the counts saved and progress reported after each batch;
/// the operation finished as completed, or as cancelled when the caller cancels it — unless the run is a host's (a
/// background worker, recovery): then a cancellation is the host stopping, and the operation stays running for the next
/// start to resume (issue #15 item 10: a SIGTERM used to end a resumed bulk reprocess as Cancelled, for good).
/// </summary>
internal sealed class SyncOperationRunner
{
    private static readonly ConcurrentDictionary<(string Runner, Guid Operation), byte> RunningHere = new();
    private readonly ISyncRecordStore _records;
    private readonly ISyncOperationStore _operations;
    private readonly ISyncRecordHandler _handler;
    private readonly IClock _clock;
    private readonly SyncOptions _options;
    private readonly SyncScopePlan _plan;
    private readonly SyncDiscardBatch _discard;
    private readonly ILogger _logger;

    /// <summary>A runner over the stores, with the host's handler and the plan that cuts and counts scopes.</summary>
    internal SyncOperationRunner(
        ISyncRecordStore records, ISyncOperationStore operations, ISyncRecordHandler handler, IClock clock, SyncOptions options, SyncScopePlan plan, ILogger logger)
    {
        _records = records;
        _operations = operations;
        _handler = handler;
        _clock = clock;
        _options = options;
        _plan = plan;
        _logger = logger;
        _discard = new SyncDiscardBatch(records, clock);
    }

    /// <summary>Runs, or resumes, the operation (see <see cref="SyncReprocessor.RunAsync"/>).</summary>
    internal async Task<AriaResult<SyncOperation>> RunAsync(
        ClientNumber client, Guid operationId, IProgress<SyncProgress>? progress, CancellationToken cancellationToken, bool cancelMeansStop = false)
    {
        var operation = await _operations.GetOperationAsync(client, operationId, cancellationToken).ConfigureAwait(false);
        if (operation is null)
        {
            return SyncOperationRefusal.Of(SyncErrorCodes.SyncOperationNotFound, $"No sync operation {operationId} for client {client}.");
        }

        if (operation.State != SyncOperationState.Running)
        {
            return operation;
        }

        // The store's lease keeps other runners out; this keeps out a second run under the same runner id in this process.
        if (!RunningHere.TryAdd((_options.RunnerId, operation.Id), 0))
        {
            return SyncOperationRefusal.Of(SyncErrorCodes.SyncOperationInProgress, $"Sync operation {operation.Id} is already running on this node.");
        }

        try
        {
            return await RunHeldAsync(operation, progress, cancellationToken, cancelMeansStop).ConfigureAwait(false);
        }
        finally
        {
            RunningHere.TryRemove((_options.RunnerId, operation.Id), out _);
        }
    }

    /// <summary>Runs to the end every operation of the client and domain still marked running, oldest first.</summary>
    internal async Task<IReadOnlyList<SyncOperation>> ResumeAsync(
        ClientNumber client, SyncDomain domain, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var resumed = new List<SyncOperation>();
        foreach (var operation in await _operations.ListRunningOperationsAsync(client, domain, cancellationToken).ConfigureAwait(false))
        {
            var ended = await RunAsync(client, operation.Id, progress, cancellationToken, cancelMeansStop: true).ConfigureAwait(false);
            resumed.Add(ended.IsSuccess ? ended.Value : operation);
        }

        return resumed;
    }

    private async Task<AriaResult<SyncOperation>> RunHeldAsync(
        SyncOperation operation, IProgress<SyncProgress>? progress, CancellationToken cancellationToken, bool cancelMeansStop)
    {
        var lease = new SyncOperationLease(_operations, _clock, _options, operation);
        if (!await lease.HoldAsync(cancellationToken).ConfigureAwait(false))
        {
            return SyncOperationRefusal.Of(SyncErrorCodes.SyncOperationInProgress, $"Sync operation {operation.Id} is being run by another node; that node finishes it.");
        }

        using var activity = SyncTelemetry.Source.StartActivity("sync.operation");
        activity?.SetTag("aria.sync.operation", operation.Kind.ToString());
        activity?.SetTag("aria.sync.domain", operation.Domain.ToString());
        activity?.SetTag("aria.sync.scope", operation.Scope.Level.ToString());

        var reprocess = operation.Kind == SyncOperationKind.Discard ? null : new SyncReprocessBatch(_records, _operations, _handler, _clock, _logger, lease, _options);
        var total = await _plan.CountAsync(operation, cancellationToken).ConfigureAwait(false) + operation.Processed;
        foreach (var unit in await _plan.UnitsAsync(operation, cancellationToken).ConfigureAwait(false))
        {
            for (long after = 0; ;)
            {
                if (!await lease.HoldAsync(cancellationToken).ConfigureAwait(false))
                {
                    return LeaseLost(operation);
                }

                var batch = await _records.ListErrorsAsync(operation.Client, operation.Domain, unit, after, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                after = batch[^1].Id;
                if (!cancellationToken.IsCancellationRequested)
                {
                    operation = reprocess is null
                        ? await _discard.RunAsync(operation, batch, cancellationToken).ConfigureAwait(false)
                        : await reprocess.RunAsync(operation, batch, cancellationToken).ConfigureAwait(false);
                    if (lease.Lost)
                    {
                        return LeaseLost(operation);
                    }
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return cancelMeansStop
                        ? await StopAsync(operation).ConfigureAwait(false)
                        : await EndAsync(operation, SyncOperationState.Cancelled, CancellationToken.None).ConfigureAwait(false);
                }

                await _operations.SaveOperationAsync(operation, cancellationToken).ConfigureAwait(false);
                progress?.Report(new SyncProgress(operation.Processed, operation.Succeeded, operation.Failed, Math.Max(0, total - operation.Processed)));
                if (unit.Level == SyncScopeLevel.Record)
                {
                    break;
                }
            }
        }

        operation = await EndAsync(operation, SyncOperationState.Completed, cancellationToken).ConfigureAwait(false);
        progress?.Report(new SyncProgress(operation.Processed, operation.Succeeded, operation.Failed, 0));
        return operation;
    }

    /// <summary>
    /// Leaves the operation running with what it did saved, and gives its lease back (it ends now), so that the next start
    /// of any node resumes it at once instead of after the lease.
    /// </summary>
    private async Task<SyncOperation> StopAsync(SyncOperation operation)
    {
        await _operations.SaveOperationAsync(operation, CancellationToken.None).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        await _operations.TryLeaseOperationAsync(operation.Client, operation.Id, _options.RunnerId, now, now, CancellationToken.None).ConfigureAwait(false);
        SyncLogMessages.OperationStopped(_logger, operation.Id, operation.Processed);
        return operation;
    }

    /// <summary>Finishes the operation in <paramref name="state"/>: saved with its end time, and logged.</summary>
    private async Task<SyncOperation> EndAsync(SyncOperation operation, SyncOperationState state, CancellationToken cancellationToken)
    {
        operation = operation with { State = state, FinishedAt = _clock.GetCurrentInstant() };
        await _operations.SaveOperationAsync(operation, cancellationToken).ConfigureAwait(false);
        SyncLogMessages.OperationEnded(_logger, operation.Id, operation.State, operation.Processed, operation.Succeeded, operation.Failed, operation.Skipped);
        return operation;
    }

    private AriaError LeaseLost(SyncOperation operation)
    {
        SyncLogMessages.OperationTakenOver(_logger, operation.Id, _options.RunnerId);
        return SyncOperationRefusal.Of(SyncErrorCodes.SyncOperationInProgress, $"Sync operation {operation.Id} was taken over by another node (this one's lease expired); that node finishes it.");
    }
}
