using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The plan hierarchy of one account as the queue sees it (spec: release-6.50.txt, "Queuing Restrictions"): the billing
/// system's snapshots of the instances involved and the account's queued changes, where a queued assignment stands in for
/// an instance that does not exist yet. Answers the parent/child questions — ancestors, descendants for cascading deletes,
/// whether a parent is inactive on a date — without I/O; <see cref="LoadSnapshotsAsync"/> and <see cref="MasterOfAsync"/>
/// are the two walks up the <see cref="IPlanInstanceDirectory"/>.
/// </summary>
internal sealed class PlanHierarchy
{
    /// <summary>How many levels a walk up the hierarchy goes at most (a guard against a cycle in the directory's data).</summary>
    internal const int MaxDepth = 16;

    private static readonly Dictionary<PlanInstanceNumber, PlanInstanceSnapshot> NoSnapshots = [];

    private readonly IReadOnlyList<PlanChange> _pending;
    private readonly IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot> _snapshots;

    /// <summary>A hierarchy over the queued changes of one account and the snapshots known of its instances.</summary>
    /// <param name="pending">The account's queued changes, by effective date then queue time (as the store lists them).</param>
    /// <param name="snapshots">The billing system's view of the instances involved; none when <see langword="null"/>.</param>
    public PlanHierarchy(IReadOnlyList<PlanChange> pending, IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot>? snapshots = null)
    {
        ArgumentNullException.ThrowIfNull(pending);
        _pending = pending;
        _snapshots = snapshots ?? NoSnapshots;
    }

    /// <summary>The billing system's view of <paramref name="instance"/>, or <see langword="null"/> when not known.</summary>
    public PlanInstanceSnapshot? Snapshot(PlanInstanceNumber instance) => _snapshots.GetValueOrDefault(instance);

    /// <summary>The queued assignment that creates <paramref name="instance"/>, if any.</summary>
    public PlanChange? PendingAssign(PlanInstanceNumber instance) =>
        _pending.FirstOrDefault(c => c.Instance == instance && c.Kind == PlanChangeKind.Assign && c.State == PlanChangeState.Queued);

    /// <summary>
    /// <paramref name="parent"/> and its ancestors, nearest first (the master plan instance last), as far as either a
    /// snapshot or a queued assignment knows them, at most <see cref="MaxDepth"/> levels.
    /// </summary>
    public IReadOnlyList<PlanAncestor> Ancestors(PlanInstanceNumber? parent)
    {
        var ancestors = new List<PlanAncestor>();
        for (var instance = parent; instance is { } current && ancestors.Count < MaxDepth;)
        {
            var snapshot = Snapshot(current);
            var pending = PendingAssign(current);
            if (snapshot is null && pending is null)
            {
                break;
            }

            ancestors.Add(new PlanAncestor(current, snapshot, pending));
            instance = snapshot?.Parent ?? pending?.ParentInstance;
        }

        return ancestors;
    }

    /// <summary>The queued changes under the change <paramref name="id"/> (children, grandchildren …), nearest first.</summary>
    public IEnumerable<PlanChange> Descendants(Guid id)
    {
        var frontier = new Queue<Guid>([id]);
        var seen = new HashSet<Guid> { id };
        while (frontier.TryDequeue(out var current))
        {
            foreach (var child in _pending.Where(c => c.ParentChangeId == current && seen.Add(c.Id)))
            {
                frontier.Enqueue(child.Id);
                yield return child;
            }
        }
    }

    /// <summary>
    /// The queued changes of <paramref name="root"/> and of every instance queued under it, in queue order: what a parent
    /// becoming inactive deletes.
    /// </summary>
    public IReadOnlyList<PlanChange> ChangesInInstanceTree(PlanInstanceNumber root)
    {
        var instances = new HashSet<PlanInstanceNumber> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var change in _pending.Where(c => c.ParentInstance is { } p && instances.Contains(p)))
            {
                grew |= instances.Add(change.Instance);
            }
        }

        return [.. _pending.Where(c => instances.Contains(c.Instance))];
    }

    /// <summary>
    /// The queued change that leaves one of <paramref name="ancestors"/> suspended, terminated or cancelled on
    /// <paramref name="date"/> (the earliest such among them): a status change to one of those states, or a removal (which
    /// cancels the instance), on or before the date. A later status change to any other status, still on or before the date,
    /// reactivates a suspended ancestor and cancels its suspension; a termination, cancellation or removal is final. The
    /// parent is then inactive on that date and a change under it cannot take effect.
    /// </summary>
    public PlanChange? ParentStoppedBy(IReadOnlyList<PlanAncestor> ancestors, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(ancestors);
        PlanChange? earliest = null;
        foreach (var ancestor in ancestors)
        {
            PlanChange? stoppedSince = null;
            var final = false;
            var events = _pending
                .Where(c => c.Instance == ancestor.Instance && c.EffectiveDate <= date && c.Kind is PlanChangeKind.Status or PlanChangeKind.Remove)
                .OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt);
            foreach (var change in events)
            {
                if (StopStatus(change) is { } stop)
                {
                    stoppedSince ??= change;
                    final |= stop != PlanInstanceStatus.Suspended;
                }
                else if (!final)
                {
                    stoppedSince = null; // reactivated
                }
            }

            if (stoppedSince is not null && (earliest is null || stoppedSince.EffectiveDate < earliest.EffectiveDate))
            {
                earliest = stoppedSince;
            }
        }

        return earliest;
    }

    /// <summary>
    /// The stopping status <paramref name="change"/> gives its instance: Cancelled for a removal, the new status of a status
    /// change to Suspended, Terminated or Cancelled; <see langword="null"/> for anything else.
    /// </summary>
    public static PlanInstanceStatus? StopStatus(PlanChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            PlanChangeKind.Remove => PlanInstanceStatus.Cancelled,
            PlanChangeKind.Status when change.NewStatus is (int)PlanInstanceStatus.Suspended or (int)PlanInstanceStatus.Terminated or (int)PlanInstanceStatus.Cancelled
                => (PlanInstanceStatus)change.NewStatus.Value,
            _ => null,
        };
    }

    /// <summary>
    /// Reads from <paramref name="directory"/> the snapshots of <paramref name="from"/> and of the instances above it (through
    /// a snapshot's parent, or the parent of a queued assignment in <paramref name="pending"/>), until neither knows the next.
    /// </summary>
    public static async Task<IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot>> LoadSnapshotsAsync(
        IPlanInstanceDirectory directory, ClientNumber client, PlanInstanceNumber? from, IReadOnlyList<PlanChange> pending, CancellationToken cancellationToken)
    {
        var hierarchy = new PlanHierarchy(pending);
        var snapshots = new Dictionary<PlanInstanceNumber, PlanInstanceSnapshot>();

        // The instance itself, then up to MaxDepth ancestors.
        for (var (instance, levels) = (from, 0); instance is { } current && levels <= MaxDepth; levels++)
        {
            var snapshot = await directory.GetAsync(client, current, cancellationToken).ConfigureAwait(false);
            var assign = hierarchy.PendingAssign(current);
            if (snapshot is null && assign is null)
            {
                break;
            }

            if (snapshot is not null)
            {
                snapshots[current] = snapshot;
            }

            instance = snapshot?.Parent ?? assign?.ParentInstance;
        }

        return snapshots;
    }

    /// <summary>The master plan instance above <paramref name="change"/>'s instance (or the instance itself), if the directory knows it.</summary>
    public static async Task<PlanInstanceSnapshot?> MasterOfAsync(IPlanInstanceDirectory directory, PlanChange change, CancellationToken cancellationToken)
    {
        var instance = change.PlanKind == PlanKind.Master ? change.Instance : change.ParentInstance;
        for (var depth = 0; instance is { } current && depth < MaxDepth; depth++)
        {
            var snapshot = await directory.GetAsync(change.Client, current, cancellationToken).ConfigureAwait(false);
            if (snapshot is null || snapshot.PlanKind == PlanKind.Master)
            {
                return snapshot;
            }

            instance = snapshot.Parent;
        }

        return null;
    }
}
