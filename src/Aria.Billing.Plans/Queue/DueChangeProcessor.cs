using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// Processes the changes that are due (spec: release-6.50.txt, "Queuing Restrictions" and "Invoicing Interactions";
/// DESIGN.md §4 "Plan-change queue"): claims them in batches under a lease, the first queued change of each plan instance
/// at a time, so that one instance's changes apply one at a time in effective-date order on any number of nodes (or only
/// the latest per instance and kind), applies parents before children, deletes what a stopped parent voids or dunning
/// blocks, and reports what was executed, failed and deleted, by billing group, with the invoice adjustments of negative
/// bill lag.
/// </summary>
internal sealed class DueChangeProcessor
{
    /// <summary>Who closes the changes the processor applies or deletes.</summary>
    internal const string SystemActor = "system";

    private readonly IPlanChangeStore _store;
    private readonly IPlanInstanceDirectory _directory;
    private readonly PlanChangeExecutor _executor;
    private readonly VoidingRules _voiding;
    private readonly IClock _clock;
    private readonly PlanChangeQueueOptions _options;

    /// <summary>A processor over a store and the billing system's plan instances; it closes changes through <paramref name="executor"/>.</summary>
    public DueChangeProcessor(
        IPlanChangeStore store, IPlanInstanceDirectory directory, PlanChangeExecutor executor, IClock clock, Func<ClientNumber, DateTimeZone> zoneOf, PlanChangeQueueOptions options)
    {
        _store = store;
        _directory = directory;
        _executor = executor;
        _voiding = new VoidingRules(store, directory, executor, zoneOf);
        _clock = clock;
        _options = options;
    }

    /// <summary>Applies every change of <paramref name="client"/> due on or before <paramref name="asOf"/> and reports the run.</summary>
    public async Task<ProcessDueReport> ProcessDueAsync(ClientNumber client, LocalDate asOf, CancellationToken cancellationToken)
    {
        using var activity = PlansTelemetry.Source.StartActivity("plans.process_due");
        activity?.SetTag("aria.client", client.Value);
        var executed = new List<PlanChange>();
        var failed = new List<ProcessedChange>();
        var deleted = new List<PlanChange>();
        var adjustments = new List<InvoiceAdjustment>();
        var masters = new Dictionary<Guid, PlanInstanceSnapshot>(); // the master of each executed change that prorates, looked up once
        var owner = _options.ProcessorId;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _clock.GetCurrentInstant();
            var claimed = await _store.ClaimDueAsync(client, asOf, owner, now, now + Duration.FromTimeSpan(_options.ClaimLease), _options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                break;
            }

            // The store hands out only the first queued change of each instance, so a later change of an instance is
            // claimed (here or on another node) only once this one is executed or deleted: a failed one keeps its lease
            // and holds the instance back until it succeeds or is deleted.
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

                    var ofInstance = await _store.ListAsync(
                        new PlanChangeQuery(client, current.Account, current.Instance, PlanChangeState.Queued), cancellationToken).ConfigureAwait(false);
                    if (ofInstance.Any(c => QueuedBefore(c, current)))
                    {
                        // An earlier change of the instance was queued (or moved) after the claim: it goes first. The lease
                        // is given back, so this one is claimed again as soon as the earlier one is closed.
                        await _store.UpdateAsync(current with { ClaimedBy = null, ClaimExpiresAt = null }, current.Version, cancellationToken).ConfigureAwait(false);
                        waiting.Remove(claim);
                        progress = true;
                        continue;
                    }

                    if (_options.Ordering == QueueOrdering.LatestWins
                        && Superseded([.. ofInstance.Where(c => c.EffectiveDate <= asOf)]).TryGetValue(current.Id, out var winner))
                    {
                        await DeleteAndCollectAsync(current, $"superseded by change {winner} (latest wins)", deleted, cancellationToken).ConfigureAwait(false);
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
                    if (outcome.Change.Kind != PlanChangeKind.Status
                        && await PlanHierarchy.MasterOfAsync(_directory, outcome.Change, cancellationToken).ConfigureAwait(false) is { } master)
                    {
                        masters[outcome.Change.Id] = master;
                        if (master is { BillLagDays: < 0, Cycle: { } cycle })
                        {
                            adjustments.AddRange(Adjustments(outcome.Change.Id, master.Instance, cycle, master.BillLagDays, outcome.Change.EffectiveDate));
                        }
                    }
                }
            }
        }

        return new ProcessDueReport(executed, failed, deleted, Invoices(executed, masters), adjustments);
    }

    /// <summary>
    /// With <see cref="QueueOrdering.LatestWins"/>: of several due changes of one kind on one instance, the ones that lose
    /// to the latest (by effective date, then queue time), each with the id of the one that wins.
    /// </summary>
    internal static Dictionary<Guid, Guid> Superseded(IReadOnlyList<PlanChange> due)
    {
        var losers = new Dictionary<Guid, Guid>();
        foreach (var group in due.GroupBy(c => (c.Instance, c.Kind)).Where(g => g.Count() > 1))
        {
            var latest = group.OrderByDescending(c => c.EffectiveDate).ThenByDescending(c => c.QueuedAt).First();
            foreach (var loser in group.Where(c => c.Id != latest.Id))
            {
                losers[loser.Id] = latest.Id;
            }
        }

        return losers;
    }

    /// <summary>
    /// Whether <paramref name="other"/> comes strictly before <paramref name="change"/> in queue order (effective date, then
    /// queue time). Ties on both are left to the store's order (by id), which is the one its claim follows.
    /// </summary>
    internal static bool QueuedBefore(PlanChange other, PlanChange change) =>
        other.EffectiveDate < change.EffectiveDate || (other.EffectiveDate == change.EffectiveDate && other.QueuedAt < change.QueuedAt);

    private async Task<(bool Waits, ProcessedChange? Outcome)> ProcessOneAsync(PlanChange change, List<PlanChange> deleted, CancellationToken cancellationToken)
    {
        if (change.ParentChangeId is { } parentId
            && await _store.GetAsync(change.Client, parentId, cancellationToken).ConfigureAwait(false) is { State: PlanChangeState.Queued })
        {
            return (true, null); // waits, under its lease, for its parent to execute
        }

        if (await _voiding.VoidIfRuledAsync(change, SystemActor, cancellationToken).ConfigureAwait(false) is { } voided)
        {
            deleted.AddRange(voided);
            return (false, null);
        }

        var (applied, error) = await _executor.ApplyAsync(change, SystemActor, keepLeaseOnFailure: true, cancellationToken).ConfigureAwait(false);
        return (false, applied is null ? null : new ProcessedChange(applied, error));
    }

    /// <summary>
    /// The invoice after the executed changes of each billing group, by group name: each master plan instance prorated from
    /// its earliest change date to the end of its own billing period (status changes do not prorate).
    /// </summary>
    private static IReadOnlyList<BillingGroupInvoice> Invoices(IReadOnlyList<PlanChange> executed, Dictionary<Guid, PlanInstanceSnapshot> masters)
    {
        var invoices = new List<BillingGroupInvoice>();
        foreach (var group in executed.Where(c => c.BillingGroup is not null).GroupBy(c => c.BillingGroup!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var spans = new Dictionary<PlanInstanceNumber, ProratedSpan>();
            foreach (var change in group) // status changes have no master here: they do not prorate
            {
                if (masters.GetValueOrDefault(change.Id) is not { Cycle: { } cycle } master)
                {
                    continue;
                }

                var span = new ProratedSpan(master.Instance, cycle.PeriodContaining(change.EffectiveDate), change.EffectiveDate);
                if (!spans.TryGetValue(master.Instance, out var earlier) || span.From < earlier.From)
                {
                    spans[master.Instance] = span;
                }
            }

            invoices.Add(new BillingGroupInvoice(group.Key, [.. group.Select(c => c.Id)], [.. spans.Values.OrderBy(s => s.Instance.Value)]));
        }

        return invoices;
    }

    /// <summary>
    /// The invoices a change on <paramref name="effectiveDate"/> voids under negative bill lag: every period whose invoice date
    /// (bill date + lag) is on or before the effective date while the period has not ended (as <see cref="InvoicePlanner"/>
    /// counts an invoice generated by a date). The period containing the date was invoiced before it began, so it is invoiced
    /// again from the effective date; with lag beyond one cycle the later periods already invoiced are invoiced again whole.
    /// </summary>
    internal static IReadOnlyList<InvoiceAdjustment> Adjustments(Guid changeId, PlanInstanceNumber instance, BillingCycle cycle, int billLagDays, LocalDate effectiveDate)
    {
        if (billLagDays >= 0)
        {
            return [];
        }

        var adjustments = new List<InvoiceAdjustment>();
        for (var period = cycle.PeriodContaining(effectiveDate); ; period = cycle.Next(period))
        {
            // Invoice date = start + lag <= effective date, in whole days without forming a date out of range.
            var invoicedBy = period.Start <= effectiveDate || (long)Period.DaysBetween(effectiveDate, period.Start) <= -(long)billLagDays;
            if (!invoicedBy)
            {
                break;
            }

            adjustments.Add(new InvoiceAdjustment(changeId, instance, period, period.Contains(effectiveDate) ? effectiveDate : period.Start, period.End));
            if (period.End.Year >= 9999)
            {
                break; // the end of the calendar: no later period to look at
            }
        }

        return adjustments;
    }

    private async Task DeleteAndCollectAsync(PlanChange change, string reason, List<PlanChange> deleted, CancellationToken cancellationToken)
    {
        if (await _executor.DeleteAsync(change, SystemActor, reason, cancellationToken).ConfigureAwait(false) is { } gone)
        {
            deleted.Add(gone);
        }
    }
}
