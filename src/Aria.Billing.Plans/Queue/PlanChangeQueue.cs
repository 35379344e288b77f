using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The queue of future plan changes (spec: release-6.50.txt, "Future Plan Changes" and its API; DESIGN.md §4 "Plan-change
/// queue"): queue with the spec's restrictions, list, execute now, change date, delete with cascade, and process what is
/// due — each change applied at most once, through the host's <see cref="IPlanChangeApplier"/>, never half-applied.
/// </summary>
public sealed class PlanChangeQueue
{
    private const string System = "system";
    private const int MaxHierarchyDepth = 16;

    private readonly IPlanChangeStore _store;
    private readonly IPlanInstanceDirectory _directory;
    private readonly IPlanChangeApplier _applier;
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;
    private readonly PlanChangeQueueOptions _options;
    private readonly ILogger _logger;

    /// <summary>A queue over a store, the billing system's plan instances and the host's applier.</summary>
    /// <param name="store">Where changes live.</param>
    /// <param name="directory">The plan instances (status, parent, dunning, cycle).</param>
    /// <param name="applier">Applies a change in the billing system.</param>
    /// <param name="clock">The clock ("now" and, in <paramref name="zone"/>, "today").</param>
    /// <param name="zone">The client's time zone.</param>
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
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _applier = applier ?? throw new ArgumentNullException(nameof(applier));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _options = options ?? new PlanChangeQueueOptions();
        if (_options.BatchSize < 1 || _options.ClaimLease <= Duration.Zero || string.IsNullOrWhiteSpace(_options.ProcessorId))
        {
            throw new ArgumentException("PlanChangeQueueOptions: BatchSize should be at least 1, ClaimLease positive and ProcessorId set.", nameof(options));
        }

    }

    private LocalDate Today => _clock.GetCurrentInstant().InZone(_zone).Date;

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

        var today = Today;
        var open = await OpenChangesAsync(request.Client, request.Account, cancellationToken).ConfigureAwait(false);
        var errors = new List<AriaError>();

        var snapshot = request.Kind == PlanChangeKind.Assign
            ? null
            : await _directory.GetAsync(request.Client, request.Instance, cancellationToken).ConfigureAwait(false);
        var ownAssign = PendingAssign(open, request.Instance);
        if (request.Kind != PlanChangeKind.Assign && snapshot is null && ownAssign is null)
        {
            return Error(PlanChangeQueueErrorCodes.InstanceNotFound, $"Plan instance {request.Instance} does not exist and is not queued for assignment.", "plan_instance_no");
        }

        var planKind = request.Kind == PlanChangeKind.Assign ? request.PlanKind : snapshot?.PlanKind ?? ownAssign!.PlanKind;
        var parent = request.Kind == PlanChangeKind.Assign ? request.ParentInstance : snapshot?.Parent ?? ownAssign?.ParentInstance;
        if (planKind == PlanKind.Supplemental && parent is null)
        {
            return Error(PlanChangeQueueErrorCodes.InvalidRequest, "A supplemental plan instance needs its parent plan instance.", "parent_plan_instance_no");
        }

        var ancestors = await AncestorsAsync(request.Client, parent, open, cancellationToken).ConfigureAwait(false);
        var master = planKind == PlanKind.Master ? snapshot : ancestors.LastOrDefault()?.Snapshot;
        var (timing, date) = EffectiveDate(request, planKind, master, today, errors);

        if (request.Kind is PlanChangeKind.Replace or PlanChangeKind.Remove && snapshot is { IsStopped: true })
        {
            errors.Add(new AriaError(
                PlanChangeQueueErrorCodes.InstanceStatusBlocksQueue,
                $"Plan instance {request.Instance} is {snapshot.Status}: it cannot be queued for replacement or removal.",
                "plan_instance_no"));
        }

        if (ancestors.FirstOrDefault(a => a.Snapshot is { IsStopped: true }) is { } stopped)
        {
            errors.Add(new AriaError(
                PlanChangeQueueErrorCodes.ParentStatusBlocksQueue,
                $"Parent plan instance {stopped.Instance} is {stopped.Snapshot!.Status}: its child plans cannot be queued.",
                "parent_plan_instance_no"));
        }

        if (parent is not null && ancestors.Count == 0)
        {
            errors.Add(new AriaError(
                PlanChangeQueueErrorCodes.InstanceNotFound,
                $"Parent plan instance {parent} does not exist and is not queued for assignment.",
                "parent_plan_instance_no"));
        }

        Guid? parentChangeId = ownAssign?.Id;
        if (date is { } on)
        {
            if (ownAssign is not null && on < ownAssign.EffectiveDate)
            {
                errors.Add(ChildBeforeParent(on, ownAssign));
            }

            foreach (var ancestor in ancestors)
            {
                if (ancestor.PendingAssign is { } pending)
                {
                    parentChangeId ??= pending.Id;
                    if (on < pending.EffectiveDate)
                    {
                        errors.Add(ChildBeforeParent(on, pending));
                    }
                }
                else if (ancestor.Snapshot is { } existing && existing.ActiveFrom > on)
                {
                    errors.Add(new AriaError(
                        ancestor.Snapshot.PlanKind == PlanKind.Master ? PlanChangeQueueErrorCodes.NoValidMasterOnDate : PlanChangeQueueErrorCodes.ChildBeforeParent,
                        $"Plan instance {ancestor.Instance} is active only from {existing.ActiveFrom:uuuu-MM-dd}; a change under it cannot take effect on {on:uuuu-MM-dd}.",
                        "effective_date"));
                }
            }

            if (request.Kind == PlanChangeKind.Replace && master is not null && DunningBlocks(master, on))
            {
                errors.Add(new AriaError(
                    PlanChangeQueueErrorCodes.DunningBlocksReplace,
                    $"Plan instance {master.Instance} is in dunning ({master.Dunning}) now or on {on:uuuu-MM-dd}: it cannot be replaced.",
                    "plan_instance_no"));
            }
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<PlanChange>(errors);
        }

        var change = new PlanChange
        {
            Id = request.Id,
            Client = request.Client,
            Account = request.Account,
            Instance = request.Instance,
            ParentInstance = parent,
            PlanKind = planKind,
            Kind = request.Kind,
            Timing = timing,
            EffectiveDate = date!.Value,
            ParentChangeId = parentChangeId,
            NewPlan = request.NewPlan,
            Units = request.Units,
            NewStatus = request.NewStatus is { } status ? (int)status : null,
            RateSchedule = request.RateSchedule,
            BillingGroup = master?.BillingGroup,
            QueuedAt = _clock.GetCurrentInstant(),
            QueuedBy = actor,
        };

        if (StopsOnDate(open, ancestors, change.EffectiveDate) is { } stop)
        {
            var warning = new AriaWarning(
                PlanChangeQueueWarningCodes.ParentInactiveOnDate,
                $"Parent plan instance {stop.Instance} will be {(PlanInstanceStatus)stop.NewStatus!.Value} on {stop.EffectiveDate:uuuu-MM-dd}: this change on {change.EffectiveDate:uuuu-MM-dd} cannot take effect.");
            if (!request.Proceed)
            {
                return AriaResult.Failure<PlanChange>(
                    [new AriaError(PlanChangeQueueErrorCodes.ProceedRequired, warning.Message + " Queue it again with proceed to record it as void; the queued changes of the instance and its children are then deleted.", "proceed")],
                    [warning]);
            }

            var reason = $"voided on queuing: parent plan instance {stop.Instance} becomes {(PlanInstanceStatus)stop.NewStatus!.Value} on {stop.EffectiveDate:uuuu-MM-dd}";
            var voided = change with { State = PlanChangeState.Deleted, ClosedAt = change.QueuedAt, ClosedBy = actor, Reason = reason };
            await _store.AddAsync(voided, cancellationToken).ConfigureAwait(false);
            await DeleteInstanceTreeAsync(open, request.Instance, actor, reason, cancellationToken).ConfigureAwait(false);
            return AriaResult.Success(voided, [warning]);
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

    /// <summary>Whether "execute now" is offered for <paramref name="change"/>: dated, not a status change, and top-most pending.</summary>
    public async Task<bool> CanExecuteNowAsync(PlanChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await ExecuteRefusalAsync(change, cancellationToken).ConfigureAwait(false) is null;
    }

    /// <summary>Applies a queued change now: only dated changes (not anniversary, not status) of the top-most pending assignment.</summary>
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

        var now = _clock.GetCurrentInstant();
        var claimed = await _store.UpdateAsync(change with { ClaimedBy = actor, ClaimExpiresAt = now + _options.ClaimLease }, change.Version, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return ChangedMeanwhile(id);
        }

        var (applied, error) = await ApplyAsync(claimed, actor, keepLeaseOnFailure: false, cancellationToken).ConfigureAwait(false);
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

        if (newDate <= Today)
        {
            return Error(PlanChangeQueueErrorCodes.EffectiveDateNotInFuture, $"The Effective Date must be in the future: {newDate:uuuu-MM-dd} is not after today ({Today:uuuu-MM-dd}).", "effective_date");
        }

        var open = await OpenChangesAsync(client, change.Account, cancellationToken).ConfigureAwait(false);
        if (change.ParentChangeId is { } parentId && open.FirstOrDefault(c => c.Id == parentId) is { } parent && newDate < parent.EffectiveDate)
        {
            return AriaResult.Failure<PlanChange>(ChildBeforeParent(newDate, parent));
        }

        if (change.ParentInstance is { } parentInstance
            && await _directory.GetAsync(client, parentInstance, cancellationToken).ConfigureAwait(false) is { } parentSnapshot
            && PendingAssign(open, parentInstance) is null
            && newDate < parentSnapshot.ActiveFrom)
        {
            return Error(PlanChangeQueueErrorCodes.ChildBeforeParent, $"The date must be on or after the parent plan instance's active date {parentSnapshot.ActiveFrom:uuuu-MM-dd}.", "effective_date");
        }

        if (Descendants(open, change.Id).FirstOrDefault(d => d.EffectiveDate < newDate) is { } child)
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
        var first = await CloseAsDeletedAsync(change, actor, $"deleted by {actor}", cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return ChangedMeanwhile(id);
        }

        deleted.Add(first);
        foreach (var descendant in Descendants(open, change.Id))
        {
            if (await CloseAsDeletedAsync(descendant, actor, $"parent change {change.Id} deleted", cancellationToken).ConfigureAwait(false) is { } gone)
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
    public async Task<ProcessDueReport> ProcessDueAsync(ClientNumber client, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        using var activity = PlansTelemetry.Source.StartActivity("plans.process_due");
        activity?.SetTag("aria.client", client.Value);
        var executed = new List<PlanChange>();
        var failed = new List<ProcessedChange>();
        var deleted = new List<PlanChange>();
        var adjustments = new List<InvoiceAdjustment>();
        var owner = _options.ProcessorId;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _clock.GetCurrentInstant();
            var claimed = await _store.ClaimDueAsync(client, asOf, owner, now, now + _options.ClaimLease, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                break;
            }

            var superseded = _options.Ordering == QueueOrdering.LatestWins ? Superseded(claimed) : [];

            // Passes over the batch until none makes progress: a child claimed with its parent waits for the parent's
            // pass, whatever order the claim returned them in.
            var waiting = claimed.ToList();
            for (var progress = true; progress && waiting.Count > 0;)
            {
                progress = false;
                foreach (var claim in waiting.ToArray())
                {
                    var current = await _store.GetAsync(client, claim.Id, cancellationToken).ConfigureAwait(false);
                    if (current is null || current.State != PlanChangeState.Queued || current.ClaimedBy != owner)
                    {
                        waiting.Remove(claim); // closed by a cascade earlier in this run
                        continue;
                    }

                    if (superseded.TryGetValue(current.Id, out var winner))
                    {
                        await CloseAndCollectAsync(current, $"superseded by change {winner} (latest wins)", deleted, cancellationToken).ConfigureAwait(false);
                        waiting.Remove(claim);
                        progress = true;
                        continue;
                    }

                    var (waits, outcome) = await ProcessOneAsync(current, deleted, cancellationToken).ConfigureAwait(false);
                    if (waits)
                    {
                        continue; // its parent is still queued; it keeps its lease
                    }

                    waiting.Remove(claim);
                    progress = true;
                    if (outcome is null)
                    {
                        continue;
                    }

                    if (outcome.Error is not null)
                    {
                        failed.Add(outcome);
                        continue;
                    }

                    executed.Add(outcome.Change);
                    if (await AdjustmentAsync(outcome.Change, cancellationToken).ConfigureAwait(false) is { } adjustment)
                    {
                        adjustments.Add(adjustment);
                    }
                }
            }
        }

        var groups = executed
            .Where(c => c.BillingGroup is not null)
            .GroupBy(c => c.BillingGroup!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(c => c.Id).ToArray(), StringComparer.Ordinal);
        return new ProcessDueReport(executed, failed, deleted, groups, adjustments);
    }

    private async Task<(bool Waits, ProcessedChange? Outcome)> ProcessOneAsync(PlanChange change, List<PlanChange> deleted, CancellationToken cancellationToken)
    {
        if (change.ParentChangeId is { } parentId)
        {
            var parent = await _store.GetAsync(change.Client, parentId, cancellationToken).ConfigureAwait(false);
            if (parent is { State: PlanChangeState.Queued })
            {
                return (true, null); // waits, under its lease, for its parent to execute
            }

            if (parent is { State: PlanChangeState.Deleted })
            {
                await CloseAndCollectAsync(change, $"parent change {parentId} was deleted", deleted, cancellationToken).ConfigureAwait(false);
                return (false, null);
            }
        }

        if (change.ParentInstance is { } parentInstance
            && await _directory.GetAsync(change.Client, parentInstance, cancellationToken).ConfigureAwait(false) is { IsStopped: true } stoppedParent)
        {
            var reason = $"voided: parent plan instance {parentInstance} is {stoppedParent.Status} on {change.EffectiveDate:uuuu-MM-dd}";
            var open = await OpenChangesAsync(change.Client, change.Account, cancellationToken).ConfigureAwait(false);
            await CloseAndCollectAsync(change, reason, deleted, cancellationToken).ConfigureAwait(false);
            deleted.AddRange(await DeleteInstanceTreeAsync(open, change.Instance, System, reason, cancellationToken).ConfigureAwait(false));
            return (false, null);
        }

        if (change.Kind == PlanChangeKind.Replace
            && await MasterOfAsync(change, cancellationToken).ConfigureAwait(false) is { Dunning: not DunningState.None } inDunning
            && !(inDunning.DunningSince is { } since && change.QueuedAt.InZone(_zone).Date < since))
        {
            await CloseAndCollectAsync(change, $"blocked: plan instance {inDunning.Instance} is in dunning ({inDunning.Dunning})", deleted, cancellationToken).ConfigureAwait(false);
            return (false, null);
        }

        var (applied, error) = await ApplyAsync(change, System, keepLeaseOnFailure: true, cancellationToken).ConfigureAwait(false);
        return (false, applied is null ? null : new ProcessedChange(applied, error));
    }

    private async Task<(PlanChange? Change, AriaError? Error)> ApplyAsync(PlanChange claimed, string actor, bool keepLeaseOnFailure, CancellationToken cancellationToken)
    {
        AriaError? error;
        try
        {
            error = await _applier.ApplyAsync(claimed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = new AriaError(AriaErrorCodes.UnexpectedError, $"Applying change {claimed.Id} failed: {ex.Message}");
        }

        var now = _clock.GetCurrentInstant();
        var outcome = error is null
            ? claimed with { State = PlanChangeState.Executed, ClosedAt = now, ClosedBy = actor, Attempts = claimed.Attempts + 1, ClaimedBy = null, ClaimExpiresAt = null, LastError = null }
            : claimed with
            {
                Attempts = claimed.Attempts + 1,
                LastError = error.ToString(),
                ClaimedBy = keepLeaseOnFailure ? claimed.ClaimedBy : null,
                ClaimExpiresAt = keepLeaseOnFailure ? claimed.ClaimExpiresAt : null,
            };
        var stored = await _store.UpdateAsync(outcome, claimed.Version, cancellationToken).ConfigureAwait(false);
        (error is null ? PlansTelemetry.ChangesApplied : PlansTelemetry.ChangesFailed).Add(1, new KeyValuePair<string, object?>("kind", claimed.Kind.ToString()));
        if (error is null)
        {
            PlansLogMessages.ChangeApplied(_logger, claimed.Id, claimed.Kind, claimed.Instance, actor);
        }
        else
        {
            PlansLogMessages.ChangeFailed(_logger, claimed.Id, error.ToString());
        }

        return (stored, error);
    }

    private async Task<InvoiceAdjustment?> AdjustmentAsync(PlanChange change, CancellationToken cancellationToken)
    {
        if (change.Kind == PlanChangeKind.Status
            || await MasterOfAsync(change, cancellationToken).ConfigureAwait(false) is not { BillLagDays: < 0, Cycle: { } cycle } master)
        {
            return null;
        }

        // With negative bill lag the period's invoice was generated before the period began, so a change inside the period
        // comes after its invoice: void it and invoice the new plan from the effective date to the period end.
        var period = cycle.PeriodContaining(change.EffectiveDate);
        return new InvoiceAdjustment(change.Id, master.Instance, period, change.EffectiveDate, period.End);
    }

    private async Task<PlanInstanceSnapshot?> MasterOfAsync(PlanChange change, CancellationToken cancellationToken)
    {
        var instance = change.PlanKind == PlanKind.Master ? change.Instance : change.ParentInstance;
        for (var depth = 0; instance is { } current && depth < MaxHierarchyDepth; depth++)
        {
            var snapshot = await _directory.GetAsync(change.Client, current, cancellationToken).ConfigureAwait(false);
            if (snapshot is null || snapshot.PlanKind == PlanKind.Master)
            {
                return snapshot;
            }

            instance = snapshot.Parent;
        }

        return null;
    }

    private (PlanChangeTiming Timing, LocalDate? Date) EffectiveDate(
        QueuePlanChangeRequest request, PlanKind planKind, PlanInstanceSnapshot? master, LocalDate today, List<AriaError> errors)
    {
        if (request.Kind == PlanChangeKind.Status)
        {
            if (request.NewStatus is null || request.DaysUntilStatusChange is not >= 0)
            {
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.InvalidRequest, "A status change needs the new status and the days until the status change (0 or more).", "days_until_status_change"));
                return (PlanChangeTiming.Dated, null);
            }

            var days = request.DaysUntilStatusChange.Value;
            return (days == 0 ? PlanChangeTiming.Immediate : PlanChangeTiming.Dated, today.PlusDays(days));
        }

        switch (request.Timing)
        {
            case PlanChangeTiming.Immediate:
                return (PlanChangeTiming.Immediate, today);
            case PlanChangeTiming.Dated when request.EffectiveDate is not { } date:
                errors.Add(new AriaError(AriaErrorCodes.MissingRequiredParameter, "Missing input: effective_date is required for a change queued for a date.", "effective_date"));
                return (PlanChangeTiming.Dated, null);
            case PlanChangeTiming.Dated when request.EffectiveDate <= today:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.EffectiveDateNotInFuture, $"The Effective Date must be in the future: {request.EffectiveDate:uuuu-MM-dd} is not after today ({today:uuuu-MM-dd}).", "effective_date"));
                return (PlanChangeTiming.Dated, null);
            case PlanChangeTiming.Dated:
                return (PlanChangeTiming.Dated, request.EffectiveDate);
            case PlanChangeTiming.Anniversary when request.Kind == PlanChangeKind.Assign && planKind == PlanKind.Master:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.AnniversaryNotAvailable, "On Anniversary is not available when assigning a master plan.", "timing"));
                return (PlanChangeTiming.Anniversary, null);
            case PlanChangeTiming.Anniversary when master?.Cycle is { } cycle:
                return (PlanChangeTiming.Anniversary, cycle.NextBillDateAfter(today));
            case PlanChangeTiming.Anniversary:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.NoValidMasterOnDate, "The anniversary needs the master plan instance's billing cycle, which is not known.", "timing"));
                return (PlanChangeTiming.Anniversary, null);
            default:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.InvalidRequest, $"Unknown timing {(int)request.Timing}.", "timing"));
                return (request.Timing, null);
        }
    }

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

    private async Task<IReadOnlyList<Ancestor>> AncestorsAsync(ClientNumber client, PlanInstanceNumber? parent, IReadOnlyList<PlanChange> open, CancellationToken cancellationToken)
    {
        var ancestors = new List<Ancestor>();
        for (var instance = parent; instance is { } current && ancestors.Count < MaxHierarchyDepth;)
        {
            var snapshot = await _directory.GetAsync(client, current, cancellationToken).ConfigureAwait(false);
            var pending = PendingAssign(open, current);
            if (snapshot is null && pending is null)
            {
                break;
            }

            ancestors.Add(new Ancestor(current, snapshot, pending));
            instance = snapshot?.Parent ?? pending?.ParentInstance;
        }

        return ancestors;
    }

    private static PlanChange? StopsOnDate(IReadOnlyList<PlanChange> open, IReadOnlyList<Ancestor> ancestors, LocalDate date) =>
        open.Where(c => c.Kind == PlanChangeKind.Status && c.EffectiveDate <= date && c.NewStatus is (int)PlanInstanceStatus.Suspended or (int)PlanInstanceStatus.Terminated or (int)PlanInstanceStatus.Cancelled)
            .Where(c => ancestors.Any(a => a.Instance == c.Instance))
            .OrderBy(c => c.EffectiveDate)
            .FirstOrDefault();

    private static bool DunningBlocks(PlanInstanceSnapshot master, LocalDate date) =>
        master.Dunning != DunningState.None || master.DunningExpectedFrom <= date;

    private static PlanChange? PendingAssign(IReadOnlyList<PlanChange> open, PlanInstanceNumber instance) =>
        open.FirstOrDefault(c => c.Instance == instance && c.Kind == PlanChangeKind.Assign && c.State == PlanChangeState.Queued);

    private static IEnumerable<PlanChange> Descendants(IReadOnlyList<PlanChange> open, Guid id)
    {
        var frontier = new Queue<Guid>([id]);
        var seen = new HashSet<Guid> { id };
        while (frontier.TryDequeue(out var current))
        {
            foreach (var child in open.Where(c => c.ParentChangeId == current && seen.Add(c.Id)))
            {
                frontier.Enqueue(child.Id);
                yield return child;
            }
        }
    }

    private async Task<IReadOnlyList<PlanChange>> DeleteInstanceTreeAsync(
        IReadOnlyList<PlanChange> open, PlanInstanceNumber root, string actor, string reason, CancellationToken cancellationToken)
    {
        var instances = new HashSet<PlanInstanceNumber> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var change in open.Where(c => c.ParentInstance is { } p && instances.Contains(p)))
            {
                grew |= instances.Add(change.Instance);
            }
        }

        var deleted = new List<PlanChange>();
        foreach (var change in open.Where(c => instances.Contains(c.Instance)))
        {
            var fresh = await _store.GetAsync(change.Client, change.Id, cancellationToken).ConfigureAwait(false);
            if (fresh is { State: PlanChangeState.Queued } && await CloseAsDeletedAsync(fresh, actor, reason, cancellationToken).ConfigureAwait(false) is { } gone)
            {
                deleted.Add(gone);
            }
        }

        return deleted;
    }

    private async Task CloseAndCollectAsync(PlanChange change, string reason, List<PlanChange> deleted, CancellationToken cancellationToken)
    {
        if (await CloseAsDeletedAsync(change, System, reason, cancellationToken).ConfigureAwait(false) is { } gone)
        {
            deleted.Add(gone);
        }
    }

    private async Task<PlanChange?> CloseAsDeletedAsync(PlanChange change, string actor, string reason, CancellationToken cancellationToken)
    {
        var deleted = await _store.UpdateAsync(
            change with { State = PlanChangeState.Deleted, ClosedAt = _clock.GetCurrentInstant(), ClosedBy = actor, Reason = reason, ClaimedBy = null, ClaimExpiresAt = null },
            change.Version,
            cancellationToken).ConfigureAwait(false);
        if (deleted is not null)
        {
            PlansLogMessages.ChangeDeleted(_logger, change.Id, actor, reason);
        }

        return deleted;
    }

    private static Dictionary<Guid, Guid> Superseded(IReadOnlyList<PlanChange> claimed)
    {
        var losers = new Dictionary<Guid, Guid>();
        foreach (var group in claimed.GroupBy(c => (c.Instance, c.Kind)).Where(g => g.Count() > 1))
        {
            var latest = group.OrderByDescending(c => c.EffectiveDate).ThenByDescending(c => c.QueuedAt).First();
            foreach (var loser in group.Where(c => c.Id != latest.Id))
            {
                losers[loser.Id] = latest.Id;
            }
        }

        return losers;
    }

    private static AriaError ChildBeforeParent(LocalDate date, PlanChange parent) => new(
        PlanChangeQueueErrorCodes.ChildBeforeParent,
        $"The effective date {date:uuuu-MM-dd} must be on or after {parent.EffectiveDate:uuuu-MM-dd}, the date of the queued assignment of plan instance {parent.Instance}.",
        "effective_date");

    private static AriaError Error(AriaErrorCode code, string message, string input) => new(code, message, input);

    private static AriaError ChangedMeanwhile(Guid id) =>
        Error(PlanChangeQueueErrorCodes.ConcurrentUpdate, $"Change {id} changed meanwhile; read it again.", "queued_change_id");

    private sealed record Ancestor(PlanInstanceNumber Instance, PlanInstanceSnapshot? Snapshot, PlanChange? PendingAssign);
}
