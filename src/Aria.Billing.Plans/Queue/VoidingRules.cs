using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The rules that delete a change instead of applying it, shared by due processing and execute-now so that both judge a
/// change alike (spec: release-6.50.txt, "Queuing Restrictions"; DESIGN.md §4 "Plan-change queue"): the queued assignment
/// it depends on was deleted; its parent plan instance is suspended, terminated or cancelled (the change and every queued
/// change of its instance tree are deleted); it replaces a plan instance whose master is in dunning, and was queued after
/// the dunning began.
/// </summary>
internal sealed class VoidingRules
{
    private readonly IPlanChangeStore _store;
    private readonly IPlanInstanceDirectory _directory;
    private readonly PlanChangeExecutor _executor;
    private readonly Func<ClientNumber, DateTimeZone> _zoneOf;

    /// <summary>Rules over a store and the billing system's plan instances; deletions go through <paramref name="executor"/>.</summary>
    public VoidingRules(IPlanChangeStore store, IPlanInstanceDirectory directory, PlanChangeExecutor executor, Func<ClientNumber, DateTimeZone> zoneOf)
    {
        _store = store;
        _directory = directory;
        _executor = executor;
        _zoneOf = zoneOf;
    }

    /// <summary>
    /// Deletes <paramref name="change"/> (as read) by <paramref name="actor"/> when a rule voids it, with what goes with it.
    /// </summary>
    /// <returns>
    /// <see langword="null"/> when no rule voids the change (it may be applied); otherwise the changes deleted, the change
    /// itself first unless it changed meanwhile.
    /// </returns>
    public async Task<IReadOnlyList<PlanChange>?> VoidIfRuledAsync(PlanChange change, string actor, CancellationToken cancellationToken)
    {
        var deleted = new List<PlanChange>();
        if (change.ParentChangeId is { } parentId
            && await _store.GetAsync(change.Client, parentId, cancellationToken).ConfigureAwait(false) is { State: PlanChangeState.Deleted })
        {
            await DeleteAsync(change, actor, $"parent change {parentId} was deleted", deleted, cancellationToken).ConfigureAwait(false);
            return deleted;
        }

        if (change.ParentInstance is { } parentInstance
            && await _directory.GetAsync(change.Client, parentInstance, cancellationToken).ConfigureAwait(false) is { IsStopped: true } stoppedParent)
        {
            var reason = $"voided: parent plan instance {parentInstance} is {stoppedParent.Status} on {change.EffectiveDate:uuuu-MM-dd}";
            var open = await _store.ListAsync(new PlanChangeQuery(change.Client, change.Account, null, PlanChangeState.Queued), cancellationToken).ConfigureAwait(false);
            await DeleteAsync(change, actor, reason, deleted, cancellationToken).ConfigureAwait(false);
            var tree = new PlanHierarchy(open).ChangesInInstanceTree(change.Instance);
            deleted.AddRange(await _executor.DeleteStillQueuedAsync(tree, actor, reason, cancellationToken).ConfigureAwait(false));
            return deleted;
        }

        if (change.Kind == PlanChangeKind.Replace
            && await PlanHierarchy.MasterOfAsync(_directory, change, cancellationToken).ConfigureAwait(false) is { Dunning: not DunningState.None } inDunning
            && !(inDunning.DunningSince is { } since && change.QueuedAt.InZone(_zoneOf(change.Client)).Date < since))
        {
            await DeleteAsync(change, actor, $"blocked: plan instance {inDunning.Instance} is in dunning ({inDunning.Dunning})", deleted, cancellationToken).ConfigureAwait(false);
            return deleted;
        }

        return null;
    }

    private async Task DeleteAsync(PlanChange change, string actor, string reason, List<PlanChange> deleted, CancellationToken cancellationToken)
    {
        if (await _executor.DeleteAsync(change, actor, reason, cancellationToken).ConfigureAwait(false) is { } gone)
        {
            deleted.Add(gone);
        }
    }
}
