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
/// <remarks>
/// A facade: <see cref="SyncOperationStarter"/> records an operation, <see cref="SyncOperationRunner"/> runs it under its
/// <see cref="SyncOperationLease"/> batch by batch (<see cref="SyncReprocessBatch"/>, <see cref="SyncDiscardBatch"/>), in
/// the order of the <see cref="SyncScopePlan"/>.
/// </remarks>
public sealed class SyncReprocessor
{
    private readonly SyncOptions _options;
    private readonly SyncOperationStarter _starter;
    private readonly SyncOperationRunner _runner;

    /// <summary>A reprocessor over the stores of the records and of the operations, with the host's handler.</summary>
    public SyncReprocessor(
        ISyncRecordStore store, ISyncOperationStore operations, ISyncRecordHandler handler, IClock clock, SyncOptions? options = null, ILogger<SyncReprocessor>? logger = null)
    {
        var log = logger ?? (ILogger)NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options ?? new SyncOptions();
        SyncOptions.Rules.ThrowIfInvalid(_options, nameof(options));

        _starter = new SyncOperationStarter(store, operations, clock, log);
        _runner = new SyncOperationRunner(store, operations, handler, clock, _options, new SyncScopePlan(store, _options), log);
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
        return await _starter.StartAsync(client, domain, kind, scope, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs (or, after a crash, resumes) a recorded operation. Records this operation already took are not taken again; a
    /// record caught mid-way by a crash is left ERROR and counted as skipped rather than run a second time (the counts of
    /// the batch a crash interrupted are not recovered; its records are). Cancelling stops between records and keeps what
    /// was done. The operation is leased to <see cref="SyncOptions.RunnerId"/>: while another runner holds a live lease,
    /// or if this one loses it (it expired and another node took over), the answer is SYNC_OPERATION_IN_PROGRESS.
    /// </summary>
    public Task<AriaResult<SyncOperation>> RunAsync(ClientNumber client, Guid operationId, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(client, operationId, progress, cancellationToken);

    /// <summary>
    /// Runs, or resumes, the operation on behalf of a host — a background worker, a recovery duty — rather than a caller:
    /// as <see cref="RunAsync"/>, except that a cancellation of <paramref name="stoppingToken"/> is the host stopping, not
    /// the operation being cancelled. It stops between records as a cancellation does, but stays running with its counts
    /// saved and its lease given back, so that the next start of any node resumes it at once.
    /// </summary>
    public Task<AriaResult<SyncOperation>> ContinueAsync(ClientNumber client, Guid operationId, CancellationToken stoppingToken) =>
        _runner.RunAsync(client, operationId, null, stoppingToken, cancelMeansStop: true);

    /// <summary>
    /// Runs to the end every operation of the client and domain still marked running — the ones a crash or a stop left
    /// behind — oldest first. Call it when a node starts; records an operation already took are not taken again. A
    /// cancellation stops them as <see cref="ContinueAsync"/> does (they stay running for the next start).
    /// </summary>
    /// <returns>The operations as they ended.</returns>
    public Task<IReadOnlyList<SyncOperation>> ResumeAsync(
        ClientNumber client, SyncDomain domain, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        _runner.ResumeAsync(client, domain, progress, cancellationToken);
}
