using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans.Tests.Queue;

// spec: release-6.50.txt, "Queuing Restrictions" (several requests for one plan instance: by effective date in the UI text,
// the latest in the API text; a parent's state voids its children) and "Invoicing Interactions". DESIGN.md §4 "Plan-change queue".
public sealed class DueChangeProcessorTests
{
    private static LocalDate D(int month, int day) => new(2025, month, day);

    private static PlanChange Change(long instance, PlanChangeKind kind, LocalDate date, int queuedMinute = 0) => new()
    {
        Id = Guid.NewGuid(), Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = new PlanInstanceNumber(instance),
        Kind = kind, Timing = PlanChangeTiming.Dated, EffectiveDate = date, QueuedAt = Instant.FromUtc(2025, 1, 1, 0, queuedMinute), QueuedBy = "csr",
    };

    private static DueChangeProcessor Processor(QueueFixture f, QueueOrdering ordering = QueueOrdering.EffectiveDateOrder) =>
        new(f.Store, f.Directory, new PlanChangeExecutor(f.Store, f.Applier, f.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), f.Clock, DateTimeZone.Utc,
            new PlanChangeQueueOptions { Ordering = ordering, ProcessorId = "node-1" });

    // spec: release-6.50.txt, "Future Plan Changes - API (DEV-6103)", Queuing Restrictions: "the one with the latest effective date is processed."
    [Fact]
    public void Superseded_LatestPerInstanceAndKindWins_ByDateThenQueueTime()
    {
        var early = Change(10, PlanChangeKind.Units, D(2, 3));
        var late = Change(10, PlanChangeKind.Units, D(2, 5));
        var lateQueuedLater = Change(10, PlanChangeKind.Units, D(2, 5), queuedMinute: 5);
        var otherKind = Change(10, PlanChangeKind.Replace, D(2, 1));
        var otherInstance = Change(20, PlanChangeKind.Units, D(2, 1));

        var losers = DueChangeProcessor.Superseded([lateQueuedLater, early, late, otherKind, otherInstance]);

        Assert.Equal(new[] { early.Id, late.Id }.Order(), losers.Keys.Order());
        Assert.All(losers.Values, winner => Assert.Equal(lateQueuedLater.Id, winner));
    }

    [Fact]
    public void Superseded_OneChangePerInstanceAndKind_NothingLoses()
    {
        Assert.Empty(DueChangeProcessor.Superseded([Change(10, PlanChangeKind.Units, D(2, 3)), Change(10, PlanChangeKind.Status, D(2, 3))]));
    }

    [Fact]
    public async Task ProcessDueAsync_NothingDue_ReportsNothing_AndAppliesNothing()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        await f.QueueAsync(10, PlanChangeKind.Units, D(2, 10));

        var report = await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 9), CancellationToken.None);

        Assert.Empty(report.Executed);
        Assert.Empty(report.Failed);
        Assert.Empty(report.Deleted);
        Assert.Empty(report.InvoiceGroups);
        Assert.Empty(report.InvoiceAdjustments);
        Assert.Empty(f.Applier.Applied);
    }

    // spec: release-6.50.txt, View Queued Plan Changes, Delete: deleting a queued assignment deletes the changes under it.
    [Fact]
    public async Task ProcessDueAsync_ChildOfAParentChangeDeletedMeanwhile_IsDeletedNotApplied()
    {
        var f = new QueueFixture(D(2, 1));
        var master = (await f.QueueAsync(10, PlanChangeKind.Assign, D(2, 5), planKind: PlanKind.Master)).Value;
        var child = (await f.QueueAsync(11, PlanChangeKind.Assign, D(2, 6), parent: 10)).Value;
        await f.Store.UpdateAsync(master with { State = PlanChangeState.Deleted, Reason = "by hand" }, master.Version); // no cascade

        var report = await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 6), CancellationToken.None);

        var deleted = Assert.Single(report.Deleted);
        Assert.Equal((child.Id, $"parent change {master.Id} was deleted", "system"), (deleted.Id, deleted.Reason, deleted.ClosedBy));
        Assert.Empty(f.Applier.Applied);
    }

    // spec: release-6.50.txt, "Future Plan Changes - API (DEV-6103)", Queuing Restrictions: "all queued plan changes for this
    // plan instance and all child plan instances are automatically deleted from the queue."
    [Fact]
    public async Task ProcessDueAsync_ParentStopped_VoidsTheDueChange_AndEveryQueuedChangeOfItsInstanceTree()
    {
        var f = new QueueFixture(D(2, 1));
        var master = f.AddMaster(10, new LocalDate(2024, 6, 15));
        f.AddSupplemental(11, 10, new LocalDate(2024, 6, 15));
        var due = (await f.QueueAsync(11, PlanChangeKind.Units, D(2, 3))).Value;
        var later = (await f.QueueAsync(11, PlanChangeKind.Units, D(3, 3))).Value;
        var grandchild = (await f.QueueAsync(12, PlanChangeKind.Assign, D(3, 4), parent: 11)).Value;
        f.Directory.Set(master with { Status = PlanInstanceStatus.Suspended });

        var report = await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 3), CancellationToken.None);

        Assert.Equal([due.Id, later.Id, grandchild.Id], report.Deleted.Select(c => c.Id));
        Assert.All(report.Deleted, c => Assert.StartsWith("voided: parent plan instance 10 is Suspended on 2025-02-03", c.Reason, StringComparison.Ordinal));
        Assert.Empty(f.Applier.Applied);
    }
}
