using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The queue of future plan changes (spec: release-6.50.txt, "Future Plan Changes" and its API; DESIGN.md §4 "Plan-change
/// queue"): queue with the spec's restrictions, list, execute now, change date, delete with cascade, and process what is
/// due — each change applied at most once, through the host's <see cref="IPlanChangeApplier"/>, never half-applied.
/// </summary>
/// <remarks>
/// A facade over the feature's collaborators, one job each: <c>QueuingRules</c> decides whether and when a request
/// can be queued (pure), <c>PlanHierarchy</c> answers the parent/child questions, <c>DueChangeProcessor</c>
/// processes what is due, and <c>PlanChangeExecutor</c> applies or deletes one change and records it in the history.
/// </remarks>
public sealed class PlanChangeQueue
{
    private readonly IPlanChangeStore _store;
    private readonly IPlanInstanceDirectory _directory;
    private readonly IClock _clock;
    private readonly Func<ClientNumber, DateTimeZone> _zoneOf;
    private readonly PlanChangeQueueOptions _options;
    private readonly PlanChangeExecutor _executor;
    private readonly VoidingRules _voiding;
    private readonly DueChangeProcessor _processor;

    /// <summary>A queue over a store, the billing system's plan instances and the host's applier, every client in one zone.</summary>
    /// <param name="store">Where changes live.</param>
    /// <param name="directory">The plan instances (status, parent, dunning, cycle).</param>
    /// <param name="applier">Applies a change in the billing system.</param>
    /// <param name="clock">The clock ("now" and, in <paramref name="zone"/>, "today").</param>
    /// <param name="zone">The clients' time zone.</param>
    /// <param name="options">Ordering, lease and batch size; defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where applied, failed and deleted changes are logged.</param>
    public PlanChangeQueue(
        IPlanChangeStore store,
        IPlanInstanceDirectory directory,
        IPlanChangeApplier applier,
        IClock clock,
        DateTimeZone zone,
        PlanChangeQueueOptions? options = null,
        ILogger<PlanChangeQueue>? logger = null)
        : this(store, directory, applier, clock, ZoneOf(zone ?? throw new ArgumentNullException(nameof(zone))), options, logger)
    {
    }

    /// <summary>A queue whose "today" for each client is the client's date in its own zone (<see cref="ClientTimeZones"/>).</summary>
    /// <param name="store">Where changes live.</param>
    /// <param name="directory">The plan instances (status, parent, dunning, cycle).</param>
    /// <param name="applier">Applies a change in the billing system.</param>
    /// <param name="clock">The clock ("now").</param>
    /// <param name="zones">Each client's time zone.</param>
    /// <param name="options">Ordering, lease and batch size; defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where applied, failed and deleted changes are logged.</param>
    public PlanChangeQueue(
        IPlanChangeStore store,
        IPlanInstanceDirectory directory,
        IPlanChangeApplier applier,
        IClock clock,
        ClientTimeZones zones,
        PlanChangeQueueOptions? options = null,
        ILogger<PlanChangeQueue>? logger = null)
        : this(store, directory, applier, clock, (zones ?? throw new ArgumentNullException(nameof(zones))).For, options, logger)
    {
    }

    private PlanChangeQueue(
        IPlanChangeStore store,
        IPlanInstanceDirectory directory,
        IPlanChangeApplier applier,
        IClock clock,
        Func<ClientNumber, DateTimeZone> zoneOf,
        PlanChangeQueueOptions? options,
        ILogger<PlanChangeQueue>? logger)
    {
        var log = logger ?? (ILogger)NullLogger.Instance;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        var apply = applier ?? throw new ArgumentNullException(nameof(applier));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _zoneOf = zoneOf;
        _options = PlanChangeQueueOptions.Rules.ThrowIfInvalid(options ?? new PlanChangeQueueOptions(), nameof(options));

        _executor = new PlanChangeExecutor(_store, apply, _clock, log);
        _voiding = new VoidingRules(_store, _directory, _executor, _zoneOf);
        _processor = new DueChangeProcessor(_store, _directory, _executor, _clock, _zoneOf, _options);
    }

    private static Func<ClientNumber, DateTimeZone> ZoneOf(DateTimeZone zone) => _ => zone;

    private LocalDate Today(ClientNumber client) => _clock.GetCurrentInstant().InZone(_zoneOf(client)).Date;

    /// <summary>
    /// Queues a change, or returns every restriction it breaks. Queuing the same id again returns the change already queued.
    /// A change whose parent will be suspended, terminated or cancelled on its date needs <see cref="QueuePlanChangeRequest.Proceed"/>.
    /// </summary>
    public async Task<AriaResult<PlanChange>> QueueAsync(QueuePlanChangeRequest request, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (await _store.GetAsync(request.Client, request.Id, cancellationToken).ConfigureAwait(false) is { } already)
        {
            return already;
        }

        var today = Today(request.Client);
        var open = await OpenChangesAsync(request.Client, request.Account, cancellationToken).ConfigureAwait(false);
        var snapshots = await PlanHierarchy.LoadSnapshotsAsync(_directory, request.Client, QueuingRules.LineageStart(request), open, cancellationToken).ConfigureAwait(false);
        var decision = QueuingRules.Decide(request, snapshots, open, today);
        if (decision.IsRefused)
        {
            return AriaResult.Failure<PlanChange>(decision.Errors, decision.Warnings);
        }

        var change = decision.ToChange(request, _clock.GetCurrentInstant(), actor);
        if (decision.VoidReason is { } reason)
        {
            await _store.AddAsync(change, cancellationToken).ConfigureAwait(false);
            var tree = new PlanHierarchy(open).ChangesInInstanceTree(request.Instance);
            await _executor.DeleteStillQueuedAsync(tree, actor, reason, cancellationToken).ConfigureAwait(false);
            return AriaResult.Success(change, decision.Warnings);
        }

        // Added, or queued meanwhile by a retry of the same request: either way the stored change is the answer.
        await _store.AddAsync(change, cancellationToken).ConfigureAwait(false);
        return (await _store.GetAsync(request.Client, request.Id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The queued changes of an account (and, with <paramref name="includeHistory"/>, the executed and deleted ones).</summary>
    public Task<IReadOnlyList<PlanChange>> ListAsync(
        ClientNumber client, AccountNumber account, PlanInstanceNumber? instance = null, bool includeHistory = false, CancellationToken cancellationToken = default) =>
        _store.ListAsync(
            includeHistory ? new PlanChangeQuery(client, account, instance) : new PlanChangeQuery(client, account, instance, PlanChangeState.Queued),
            cancellationToken);

    /// <summary>
    /// Whether "execute now" is offered for <paramref name="change"/>: dated, not a status change, top-most pending, and the
    /// first queued change of its plan instance.
    /// </summary>
    public async Task<bool> CanExecuteNowAsync(PlanChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await ExecuteRefusalAsync(change, cancellationToken).ConfigureAwait(false) is null;
    }

    /// <summary>
    /// Applies a queued change now: only dated changes (not anniversary, not status) of the top-most pending assignment, and
    /// only the first queued change of its plan instance. The rules of due processing void it as they would on its date: its
    /// parent change deleted, its parent plan instance suspended, terminated or cancelled (with every queued change of its
    /// instance tree), or a replacement blocked by dunning. A voided change is not applied: the result is the change as
    /// deleted, with the <see cref="PlanChangeQueueWarningCodes.ChangeVoided"/> warning giving the reason.
    /// </summary>
    public async Task<AriaResult<PlanChange>> ExecuteNowAsync(ClientNumber client, Guid id, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var found = await OpenChangeAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (found.IsFailure)
        {
            return found;
        }

        var change = found.Value;
        if (await ExecuteRefusalAsync(change, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return AriaResult.Failure<PlanChange>(refusal);
        }

        if (await _voiding.VoidIfRuledAsync(change, actor, cancellationToken).ConfigureAwait(false) is { } voided)
        {
            return voided.FirstOrDefault(c => c.Id == id) is { } gone
                ? AriaResult.Success(gone, [new AriaWarning(PlanChangeQueueWarningCodes.ChangeVoided, $"Change {id} was not applied but deleted: {gone.Reason}.")])
                : AriaResult.Failure<PlanChange>(ChangedMeanwhile(id));
        }

        var now = _clock.GetCurrentInstant();
        var claimed = await _store.UpdateAsync(change with { ClaimedBy = actor, ClaimExpiresAt = now + Duration.FromTimeSpan(_options.ClaimLease) }, change.Version, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return ChangedMeanwhile(id);
        }

        var (applied, error) = await _executor.ApplyAsync(claimed, actor, keepLeaseOnFailure: false, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return AriaResult.Failure<PlanChange>(error);
        }

        return applied is null
            ? Error(AriaErrorCodes.UnexpectedError, $"Change {id} was applied but its outcome could not be recorded; the lease protects it until {claimed.ClaimExpiresAt}.", "queued_change_id")
            : applied;
    }

    /// <summary>
    /// Moves a dated change to <paramref name="newDate"/> (after today; on or after its parent's date; not after any child's).
    /// </summary>
    public async Task<AriaResult<PlanChange>> ChangeDateAsync(ClientNumber client, Guid id, LocalDate newDate, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var found = await OpenChangeAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (found.IsFailure)
        {
            return found;
        }

        var change = found.Value;
        if (change.Timing != PlanChangeTiming.Dated)
        {
            return Error(PlanChangeQueueErrorCodes.ChangeDateNotAvailable, $"Change {id} is queued {(change.Timing == PlanChangeTiming.Anniversary ? "for the anniversary" : "immediately")}: only a change queued for a date can have its date changed.", "effective_date");
        }

        if (BusinessDates.Check(newDate, "effective_date", PlanChangeQueueErrorCodes.EffectiveDateNotInFuture) is { } outside)
        {
            return outside;
        }

        var today = Today(client);
        if (newDate <= today)
        {
            return Error(PlanChangeQueueErrorCodes.EffectiveDateNotInFuture, $"The Effective Date must be in the future: {newDate:uuuu-MM-dd} is not after today ({today:uuuu-MM-dd}).", "effective_date");
        }

        var open = await OpenChangesAsync(client, change.Account, cancellationToken).ConfigureAwait(false);
        var hierarchy = new PlanHierarchy(open);
        if (change.ParentChangeId is { } parentId && open.FirstOrDefault(c => c.Id == parentId) is { } parent && newDate < parent.EffectiveDate)
        {
            return AriaResult.Failure<PlanChange>(QueuingRules.ChildBeforeParent(newDate, parent));
        }

        if (change.ParentInstance is { } parentInstance
            && await _directory.GetAsync(client, parentInstance, cancellationToken).ConfigureAwait(false) is { } parentSnapshot
            && hierarchy.PendingAssign(parentInstance) is null
            && newDate < parentSnapshot.ActiveFrom)
        {
            return Error(PlanChangeQueueErrorCodes.ChildBeforeParent, $"The date must be on or after the parent plan instance's active date {parentSnapshot.ActiveFrom:uuuu-MM-dd}.", "effective_date");
        }

        if (hierarchy.Descendants(change.Id).FirstOrDefault(d => d.EffectiveDate < newDate) is { } child)
        {
            return Error(PlanChangeQueueErrorCodes.ChildBeforeParent, $"Change {child.Id} under this one takes effect on {child.EffectiveDate:uuuu-MM-dd}; this change cannot move after it to {newDate:uuuu-MM-dd}.", "effective_date");
        }

        var updated = await _store.UpdateAsync(change with { EffectiveDate = newDate }, change.Version, cancellationToken).ConfigureAwait(false);
        return updated is null
            ? ChangedMeanwhile(id)
            : updated;
    }

    /// <summary>Deletes a queued change and every change queued under it (children, grandchildren …); returns all deleted.</summary>
    public async Task<AriaResult<IReadOnlyList<PlanChange>>> DeleteAsync(ClientNumber client, Guid id, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var found = await OpenChangeAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (found.IsFailure)
        {
            return AriaResult.Failure<IReadOnlyList<PlanChange>>(found.Errors);
        }

        var change = found.Value;
        var open = await OpenChangesAsync(client, change.Account, cancellationToken).ConfigureAwait(false);
        var deleted = new List<PlanChange>();
        var first = await _executor.DeleteAsync(change, actor, $"deleted by {actor}", cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return ChangedMeanwhile(id);
        }

        deleted.Add(first);
        foreach (var descendant in new PlanHierarchy(open).Descendants(change.Id))
        {
            if (await _executor.DeleteAsync(descendant, actor, $"parent change {change.Id} deleted", cancellationToken).ConfigureAwait(false) is { } gone)
            {
                deleted.Add(gone);
            }
        }

        return deleted;
    }

    /// <summary>
    /// Applies every change of <paramref name="client"/> due on or before <paramref name="asOf"/>: by effective date (or only
    /// the latest per instance and kind), parents before children; deletes those a parent's state voids or dunning blocks.
    /// Changes are claimed with a lease, so concurrent processors apply each change once.
    /// </summary>
    public Task<ProcessDueReport> ProcessDueAsync(ClientNumber client, LocalDate asOf, CancellationToken cancellationToken = default) =>
        _processor.ProcessDueAsync(client, asOf, cancellationToken);

    private async Task<AriaError?> ExecuteRefusalAsync(PlanChange change, CancellationToken cancellationToken)
    {
        if (change.Timing != PlanChangeTiming.Dated || change.Kind == PlanChangeKind.Status)
        {
            return Error(
                PlanChangeQueueErrorCodes.ExecuteNotAvailable,
                $"Execute is available only for changes queued for a date, not for {(change.Kind == PlanChangeKind.Status ? "status changes" : change.Timing == PlanChangeTiming.Anniversary ? "anniversary changes" : "immediate changes")}.",
                "queued_change_id");
        }

        if (change.ParentChangeId is { } parentId
            && await _store.GetAsync(change.Client, parentId, cancellationToken).ConfigureAwait(false) is { State: PlanChangeState.Queued })
        {
            return Error(PlanChangeQueueErrorCodes.ExecuteNotAvailable, $"Execute is available only for the top-most pending assignment: change {parentId} above this one must execute first.", "queued_change_id");
        }

        // spec: release-6.50.txt, "Queuing Restrictions": "If multiple queue requests exist for one plan or plan instance, they
        // are processed chronologically by effective date" — executing a later one first would let the earlier one undo it.
        var ofInstance = await _store.ListAsync(new PlanChangeQuery(change.Client, change.Account, change.Instance, PlanChangeState.Queued), cancellationToken).ConfigureAwait(false);
        if (ofInstance.FirstOrDefault(c => DueChangeProcessor.QueuedBefore(c, change)) is { } earlier)
        {
            return Error(
                PlanChangeQueueErrorCodes.ExecuteNotAvailable,
                $"Execute is available only for the first queued change of plan instance {change.Instance}: change {earlier.Id} on {earlier.EffectiveDate:uuuu-MM-dd} must execute or be deleted first.",
                "queued_change_id");
        }

        return null;
    }

    private async Task<AriaResult<PlanChange>> OpenChangeAsync(ClientNumber client, Guid id, CancellationToken cancellationToken)
    {
        var change = await _store.GetAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (change is null)
        {
            return Error(PlanChangeQueueErrorCodes.NotFound, $"No queued plan change {id} for client {client}.", "queued_change_id");
        }

        if (change.State != PlanChangeState.Queued)
        {
            return Error(PlanChangeQueueErrorCodes.Closed, $"Change {id} was already {change.State.ToString().ToLowerInvariant()} ({change.ClosedAt}).", "queued_change_id");
        }

        return change.ClaimedBy is not null && change.ClaimExpiresAt > _clock.GetCurrentInstant() && change.LastError is null
            ? Error(PlanChangeQueueErrorCodes.ConcurrentUpdate, $"Change {id} is being applied by {change.ClaimedBy}; try again shortly.", "queued_change_id")
            : change;
    }

    private Task<IReadOnlyList<PlanChange>> OpenChangesAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken) =>
        _store.ListAsync(new PlanChangeQuery(client, account, null, PlanChangeState.Queued), cancellationToken);

    private static AriaError Error(AriaErrorCode code, string message, string input) => new(code, message, input);

    private static AriaError ChangedMeanwhile(Guid id) =>
        Error(PlanChangeQueueErrorCodes.ConcurrentUpdate, $"Change {id} changed meanwhile; read it again.", "queued_change_id");
}
