using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans.Tests.Queue;

// spec: release-6.50.txt, "Future Plan Changes (DEV-6103)": View Queued Plan Changes (Delete cascades to child, grandchild
// … assignments) and Queuing Restrictions (parent inactive on the effective date).
public sealed class PlanHierarchyTests
{
    private static LocalDate D(int month, int day) => new(2025, month, day);

    private static PlanInstanceNumber N(long n) => new(n);

    private static PlanChange Queued(long instance, PlanChangeKind kind, LocalDate date, long? parent = null, Guid? parentChange = null, PlanInstanceStatus? status = null, PlanChangeState state = PlanChangeState.Queued) => new()
    {
        Id = Guid.NewGuid(), Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = N(instance),
        ParentInstance = parent is { } p ? N(p) : null, PlanKind = parent is null ? PlanKind.Master : PlanKind.Supplemental,
        Kind = kind, Timing = PlanChangeTiming.Dated, EffectiveDate = date, ParentChangeId = parentChange,
        NewStatus = status is { } s ? (int)s : null, QueuedAt = Instant.FromUtc(2025, 1, 31, 0, 0), QueuedBy = "csr", State = state,
    };

    private static PlanInstanceSnapshot Snapshot(long instance, long? parent = null) => new()
    {
        Instance = N(instance), Parent = parent is { } p ? N(p) : null, PlanKind = parent is null ? PlanKind.Master : PlanKind.Supplemental,
        ActiveFrom = new LocalDate(2024, 6, 15),
    };

    [Fact]
    public void PendingAssign_OnlyAQueuedAssignmentOfTheInstance()
    {
        var units = Queued(10, PlanChangeKind.Units, D(2, 3));
        var executed = Queued(11, PlanChangeKind.Assign, D(2, 3), parent: 10, state: PlanChangeState.Executed);
        var assign = Queued(12, PlanChangeKind.Assign, D(2, 4), parent: 10);
        var hierarchy = new PlanHierarchy([units, executed, assign]);

        Assert.Null(hierarchy.PendingAssign(N(10)));
        Assert.Null(hierarchy.PendingAssign(N(11)));
        Assert.Same(assign, hierarchy.PendingAssign(N(12)));
    }

    [Fact]
    public void Ancestors_WalkThroughSnapshotsAndQueuedAssignments_NearestFirst_UntilNeitherKnowsTheNext()
    {
        var child = Queued(12, PlanChangeKind.Assign, D(2, 4), parent: 11);
        var hierarchy = new PlanHierarchy([child], new Dictionary<PlanInstanceNumber, PlanInstanceSnapshot> { [N(11)] = Snapshot(11, 10), [N(10)] = Snapshot(10, 99) });

        var ancestors = hierarchy.Ancestors(N(12));

        Assert.Equal([N(12), N(11), N(10)], ancestors.Select(a => a.Instance));
        Assert.Same(child, ancestors[0].PendingAssign);
        Assert.Null(ancestors[0].Snapshot);
        Assert.Equal(N(10), ancestors[2].Snapshot!.Instance);
        Assert.Empty(hierarchy.Ancestors(null));
    }

    [Fact]
    public void Ancestors_CycleInTheData_StopsAtTheMaximumDepth()
    {
        var hierarchy = new PlanHierarchy([], new Dictionary<PlanInstanceNumber, PlanInstanceSnapshot> { [N(1)] = Snapshot(1, 2), [N(2)] = Snapshot(2, 1) });

        Assert.Equal(PlanHierarchy.MaxDepth, hierarchy.Ancestors(N(1)).Count);
    }

    // spec: release-6.50.txt, View Queued Plan Changes, Delete: "Deleting a queued plan assignment automatically deletes all
    // child, grandchild, etc. plan assignments under the one being deleted."
    [Fact]
    public void Descendants_ChildrenThenGrandchildren_NotTheChangeItselfNorOthers()
    {
        var master = Queued(10, PlanChangeKind.Assign, D(2, 22));
        var child = Queued(11, PlanChangeKind.Assign, D(2, 22), parent: 10, parentChange: master.Id);
        var sibling = Queued(13, PlanChangeKind.Assign, D(2, 23), parent: 10, parentChange: master.Id);
        var grandchild = Queued(12, PlanChangeKind.Assign, D(2, 25), parent: 11, parentChange: child.Id);
        var other = Queued(20, PlanChangeKind.Units, D(2, 22));
        var hierarchy = new PlanHierarchy([master, child, sibling, grandchild, other]);

        Assert.Equal([child.Id, sibling.Id, grandchild.Id], hierarchy.Descendants(master.Id).Select(c => c.Id));
        Assert.Equal([grandchild.Id], hierarchy.Descendants(child.Id).Select(c => c.Id));
        Assert.Empty(hierarchy.Descendants(other.Id));
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "all queued plan changes for this plan instance and all child plan
    // instances are automatically deleted from the queue."
    [Fact]
    public void ChangesInInstanceTree_TheInstanceAndEveryInstanceQueuedUnderIt_InQueueOrder()
    {
        var units = Queued(11, PlanChangeKind.Units, D(2, 3), parent: 10);
        var master = Queued(10, PlanChangeKind.Units, D(2, 4));
        var grandchild = Queued(12, PlanChangeKind.Assign, D(2, 5), parent: 11);
        var greatGrandchild = Queued(14, PlanChangeKind.Assign, D(2, 6), parent: 12);
        var elsewhere = Queued(13, PlanChangeKind.Assign, D(2, 7), parent: 10);
        var hierarchy = new PlanHierarchy([units, master, grandchild, greatGrandchild, elsewhere]);

        Assert.Equal([units.Id, grandchild.Id, greatGrandchild.Id], hierarchy.ChangesInInstanceTree(N(11)).Select(c => c.Id));
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "at the time of the effective date, the parent plan will have a status of
    // "Suspended", "Terminated" or "Canceled"".
    [Fact]
    public void ParentStoppedBy_TheEarliestStoppingStatusChangeOfAnAncestorOnOrBeforeTheDate()
    {
        var terminate = Queued(10, PlanChangeKind.Status, D(2, 20), status: PlanInstanceStatus.Terminated);
        var suspend = Queued(11, PlanChangeKind.Status, D(2, 10), parent: 10, status: PlanInstanceStatus.Suspended);
        var activate = Queued(10, PlanChangeKind.Status, D(2, 5), status: PlanInstanceStatus.Active);
        var unrelated = Queued(20, PlanChangeKind.Status, D(2, 2), status: PlanInstanceStatus.Cancelled);
        var hierarchy = new PlanHierarchy([unrelated, activate, suspend, terminate]);
        IReadOnlyList<PlanAncestor> ancestors = [new(N(11), Snapshot(11, 10), null), new(N(10), Snapshot(10), null)];

        Assert.Same(suspend, hierarchy.ParentStoppedBy(ancestors, D(3, 1)));
        Assert.Same(suspend, hierarchy.ParentStoppedBy(ancestors, D(2, 10)));
        Assert.Null(hierarchy.ParentStoppedBy(ancestors, D(2, 9)));
        Assert.Same(terminate, hierarchy.ParentStoppedBy([ancestors[1]], D(3, 1)));
    }

    // spec: release-6.50.txt, "Future Plan Changes (DEV-6103)": a removal "cancels the plan instance" (Remove a plan), and
    // Queuing Restrictions: the children of a "Canceled" parent do not take effect.
    [Fact]
    public void ParentStoppedBy_AQueuedRemovalOfAnAncestor_StopsItFromItsDate()
    {
        var remove = Queued(10, PlanChangeKind.Remove, D(2, 20));
        var hierarchy = new PlanHierarchy([remove]);
        IReadOnlyList<PlanAncestor> ancestors = [new(N(11), Snapshot(11, 10), null), new(N(10), Snapshot(10), null)];

        Assert.Same(remove, hierarchy.ParentStoppedBy(ancestors, D(2, 20)));
        Assert.Same(remove, hierarchy.ParentStoppedBy(ancestors, D(3, 1)));
        Assert.Null(hierarchy.ParentStoppedBy(ancestors, D(2, 19)));
    }

    // spec: release-6.50.txt, Queuing Restrictions: what counts is the parent's status "at the time of the effective date": a
    // suspension lifted by a reactivation queued before that date does not stop it; a termination is not lifted.
    [Fact]
    public void ParentStoppedBy_AQueuedReactivation_CancelsAnEarlierSuspension_ButNotATerminationOrARemoval()
    {
        var suspend = Queued(10, PlanChangeKind.Status, D(2, 10), status: PlanInstanceStatus.Suspended);
        var reactivate = Queued(10, PlanChangeKind.Status, D(2, 15), status: PlanInstanceStatus.Active);
        var suspendAgain = Queued(10, PlanChangeKind.Status, D(2, 25), status: PlanInstanceStatus.Suspended);
        var hierarchy = new PlanHierarchy([suspend, reactivate, suspendAgain]);
        IReadOnlyList<PlanAncestor> master = [new(N(10), Snapshot(10), null)];

        Assert.Same(suspend, hierarchy.ParentStoppedBy(master, D(2, 14)));
        Assert.Null(hierarchy.ParentStoppedBy(master, D(2, 15)));
        Assert.Null(hierarchy.ParentStoppedBy(master, D(2, 24)));
        Assert.Same(suspendAgain, hierarchy.ParentStoppedBy(master, D(3, 1)));

        var terminate = Queued(10, PlanChangeKind.Status, D(2, 10), status: PlanInstanceStatus.Terminated);
        var remove = Queued(20, PlanChangeKind.Remove, D(2, 10));
        var reactivateRemoved = Queued(20, PlanChangeKind.Status, D(2, 15), status: PlanInstanceStatus.Active);
        var final = new PlanHierarchy([terminate, reactivate, remove, reactivateRemoved]);
        Assert.Same(terminate, final.ParentStoppedBy(master, D(3, 1)));
        Assert.Same(remove, final.ParentStoppedBy([new(N(20), Snapshot(20), null)], D(3, 1)));
    }

    [Fact]
    public async Task LoadSnapshotsAsync_TheInstanceAndItsAncestors_ThroughQueuedAssignments()
    {
        var directory = new QueueFixture.FakeDirectory();
        directory.Set(Snapshot(10));
        directory.Set(Snapshot(30));
        var child = Queued(11, PlanChangeKind.Assign, D(2, 4), parent: 10);

        var snapshots = await PlanHierarchy.LoadSnapshotsAsync(directory, QueueFixture.Client, N(12), [child, Queued(12, PlanChangeKind.Assign, D(2, 5), parent: 11)], CancellationToken.None);

        Assert.Equal([N(10)], snapshots.Keys);
        Assert.Empty(await PlanHierarchy.LoadSnapshotsAsync(directory, QueueFixture.Client, null, [], CancellationToken.None));
    }

    [Fact]
    public async Task MasterOfAsync_WalksUpToTheMasterPlanInstance()
    {
        var directory = new QueueFixture.FakeDirectory();
        directory.Set(Snapshot(10));
        directory.Set(Snapshot(11, 10));
        var grandchild = Queued(12, PlanChangeKind.Units, D(2, 4), parent: 11);
        var master = Queued(10, PlanChangeKind.Units, D(2, 4));
        var orphan = Queued(21, PlanChangeKind.Units, D(2, 4), parent: 20);

        Assert.Equal(N(10), (await PlanHierarchy.MasterOfAsync(directory, grandchild, CancellationToken.None))!.Instance);
        Assert.Equal(N(10), (await PlanHierarchy.MasterOfAsync(directory, master, CancellationToken.None))!.Instance);
        Assert.Null(await PlanHierarchy.MasterOfAsync(directory, orphan, CancellationToken.None));
    }
}
