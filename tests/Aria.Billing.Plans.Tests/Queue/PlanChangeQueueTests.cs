using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans.Tests.Queue;

// spec: release-6.50.txt, "Future Plan Changes (DEV-6103)": View Queued Plan Changes, Queuing Restrictions, Invoicing Interactions.
public sealed class PlanChangeQueueTests
{
    private static LocalDate D(int month, int day) => new(2025, month, day);

    [Fact]
    public async Task SpecExample_MasterOn222_ChildAndGrandchildOnOrAfter_ExecuteOnlyAtTheTop_DeleteCascades()
    {
        // "Assume today's date is 2/1, and you queue a master plan to be assigned on 2/22."
        var f = new QueueFixture(D(2, 1));
        var master = (await f.QueueAsync(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master)).Value;

        // "... the effective date of the child plan must be on or after 2/22."
        var early = await f.QueueAsync(11, PlanChangeKind.Assign, D(2, 21), parent: 10);
        Assert.True(early.HasError(PlanChangeQueueErrorCodes.ChildBeforeParent));
        var child = (await f.QueueAsync(11, PlanChangeKind.Assign, D(2, 22), parent: 10)).Value;
        var grandchild = (await f.QueueAsync(12, PlanChangeKind.Assign, D(2, 25), parent: 11)).Value;
        Assert.Equal(master.Id, child.ParentChangeId);
        Assert.Equal(child.Id, grandchild.ParentChangeId);
        Assert.True((await f.QueueAsync(13, PlanChangeKind.Assign, D(2, 21), parent: 11)).HasError(PlanChangeQueueErrorCodes.ChildBeforeParent));

        // "The Execute link initially is available only for the top-most plan assignment."
        Assert.True(await f.Queue.CanExecuteNowAsync(master));
        Assert.False(await f.Queue.CanExecuteNowAsync(child));
        Assert.False(await f.Queue.CanExecuteNowAsync(grandchild));
        Assert.True((await f.Queue.ExecuteNowAsync(QueueFixture.Client, child.Id, "csr-ann")).HasError(PlanChangeQueueErrorCodes.ExecuteNotAvailable));

        var executed = await f.Queue.ExecuteNowAsync(QueueFixture.Client, master.Id, "csr-ann");
        Assert.Equal(PlanChangeState.Executed, executed.Value.State);
        Assert.Equal("csr-ann", executed.Value.ClosedBy);
        Assert.True(await f.Queue.CanExecuteNowAsync((await f.Store.GetAsync(QueueFixture.Client, child.Id))!));

        // "Deleting a queued plan assignment automatically deletes all child, grandchild, etc. plan assignments."
        var deleted = await f.Queue.DeleteAsync(QueueFixture.Client, child.Id, "csr-bob");
        Assert.Equal([child.Id, grandchild.Id], deleted.Value.Select(c => c.Id));
        Assert.Empty(await f.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account));

        var history = await f.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account, includeHistory: true);
        Assert.Equal(3, history.Count);
        var grandchildAfter = history.Single(c => c.Id == grandchild.Id);
        Assert.Equal(PlanChangeState.Deleted, grandchildAfter.State);
        Assert.Equal($"parent change {child.Id} deleted", grandchildAfter.Reason);
        Assert.Equal("csr-bob", grandchildAfter.ClosedBy);
        Assert.Equal(1, f.Applier.Applied[master.Id]);
        Assert.False(f.Applier.Applied.ContainsKey(child.Id));
    }

    [Fact]
    public async Task Queue_AnniversaryForMasterAssignment_IsRefused()
    {
        var f = new QueueFixture(D(2, 1));

        var result = await f.QueueAsync(10, PlanChangeKind.Assign, planKind: PlanKind.Master, timing: PlanChangeTiming.Anniversary);

        Assert.True(result.HasError(PlanChangeQueueErrorCodes.AnniversaryNotAvailable));
    }

    [Fact]
    public async Task Queue_AnniversaryForSupplemental_FallsOnTheMastersNextBillDate()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));

        var change = (await f.QueueAsync(11, PlanChangeKind.Assign, parent: 10, timing: PlanChangeTiming.Anniversary)).Value;

        Assert.Equal(D(2, 15), change.EffectiveDate);
        Assert.Equal(PlanChangeTiming.Anniversary, change.Timing);
        Assert.False(await f.Queue.CanExecuteNowAsync(change));
        Assert.True((await f.Queue.ChangeDateAsync(QueueFixture.Client, change.Id, D(3, 1), "csr")).HasError(PlanChangeQueueErrorCodes.ChangeDateNotAvailable));
    }

    [Theory]
    [InlineData(PlanInstanceStatus.Suspended)]
    [InlineData(PlanInstanceStatus.Terminated)]
    [InlineData(PlanInstanceStatus.Cancelled)]
    public async Task Queue_StoppedInstance_CannotBeReplacedOrRemovedNorGetChildren(PlanInstanceStatus status)
    {
        var f = new QueueFixture(D(2, 1));
        f.Directory.Set(f.AddMaster(10, new LocalDate(2024, 6, 15)) with { Status = status });

        Assert.True((await f.QueueAsync(10, PlanChangeKind.Replace, D(3, 1))).HasError(PlanChangeQueueErrorCodes.InstanceStatusBlocksQueue));
        Assert.True((await f.QueueAsync(10, PlanChangeKind.Remove, D(3, 1))).HasError(PlanChangeQueueErrorCodes.InstanceStatusBlocksQueue));
        Assert.True((await f.QueueAsync(11, PlanChangeKind.Assign, D(3, 1), parent: 10)).HasError(PlanChangeQueueErrorCodes.ParentStatusBlocksQueue));
    }

    [Fact]
    public async Task Queue_SupplementalBeforeItsMasterIsActive_NeedsAValidMaster()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, D(3, 1));

        Assert.True((await f.QueueAsync(11, PlanChangeKind.Assign, D(2, 20), parent: 10)).HasError(PlanChangeQueueErrorCodes.NoValidMasterOnDate));
        Assert.True((await f.QueueAsync(11, PlanChangeKind.Assign, D(3, 1), parent: 10)).IsSuccess);
        Assert.True((await f.QueueAsync(12, PlanChangeKind.Assign, D(3, 1), parent: 99)).HasError(PlanChangeQueueErrorCodes.InstanceNotFound));
    }

    [Fact]
    public async Task Queue_ReplaceDuringDunningNowOrAtTheDate_IsRefused()
    {
        var f = new QueueFixture(D(2, 1));
        var master = f.AddMaster(10, new LocalDate(2024, 6, 15));
        f.Directory.Set(master with { Dunning = DunningState.InProgress, DunningSince = D(1, 20) });
        Assert.True((await f.QueueAsync(10, PlanChangeKind.Replace, D(3, 1))).HasError(PlanChangeQueueErrorCodes.DunningBlocksReplace));

        f.Directory.Set(master with { DunningExpectedFrom = D(2, 20) });
        Assert.True((await f.QueueAsync(10, PlanChangeKind.Replace, D(3, 1))).HasError(PlanChangeQueueErrorCodes.DunningBlocksReplace));
        Assert.True((await f.QueueAsync(10, PlanChangeKind.Replace, D(2, 15))).IsSuccess);
    }

    [Fact]
    public async Task ProcessDue_ReplaceQueuedBeforeDunningBegan_IsExecuted_OtherwiseDeleted()
    {
        var f = new QueueFixture(D(2, 1));
        var master = f.AddMaster(10, new LocalDate(2024, 6, 15));
        var replace = (await f.QueueAsync(10, PlanChangeKind.Replace, D(2, 15))).Value;
        f.Directory.Set(master with { Dunning = DunningState.InProgress, DunningSince = D(2, 10) });
        f.Clock.Set(D(2, 15).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());

        var report = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 15));

        Assert.Equal([replace.Id], report.Executed.Select(c => c.Id));

        var g = new QueueFixture(D(2, 1));
        var other = g.AddMaster(10, new LocalDate(2024, 6, 15));
        var late = (await g.QueueAsync(10, PlanChangeKind.Replace, D(2, 15))).Value;
        g.Directory.Set(other with { Dunning = DunningState.Completed, DunningSince = D(1, 1) });
        var blocked = await g.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 15));
        Assert.Equal([late.Id], blocked.Deleted.Select(c => c.Id));
        Assert.StartsWith("blocked: plan instance 10 is in dunning", blocked.Deleted[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ParentSuspendedOnTheDate_NeedsProceed_ThenVoidsTheInstanceTree()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        f.AddSupplemental(11, 10, new LocalDate(2024, 6, 15));
        var units = (await f.QueueAsync(11, PlanChangeKind.Units, D(2, 10))).Value;
        var suspend = (await f.QueueAsync(10, PlanChangeKind.Status, status: PlanInstanceStatus.Suspended, daysUntil: 20)).Value;
        Assert.Equal(D(2, 21), suspend.EffectiveDate);

        var refused = await f.QueueAsync(11, PlanChangeKind.Units, D(3, 1));
        Assert.True(refused.HasError(PlanChangeQueueErrorCodes.ProceedRequired));
        Assert.Equal(PlanChangeQueueWarningCodes.ParentInactiveOnDate, Assert.Single(refused.Warnings).Code);

        var proceeded = await f.QueueAsync(11, PlanChangeKind.Units, D(3, 1), proceed: true);
        Assert.Equal(PlanChangeState.Deleted, proceeded.Value.State);
        Assert.Single(proceeded.Warnings);
        Assert.Equal(PlanChangeState.Deleted, (await f.Store.GetAsync(QueueFixture.Client, units.Id))!.State);
        Assert.Equal(PlanChangeState.Queued, (await f.Store.GetAsync(QueueFixture.Client, suspend.Id))!.State);
    }

    [Theory]
    [InlineData(QueueOrdering.EffectiveDateOrder, 2, 0)]
    [InlineData(QueueOrdering.LatestWins, 1, 1)]
    public async Task ProcessDue_SeveralChangesOnOneInstance(QueueOrdering ordering, int executed, int superseded)
    {
        var f = new QueueFixture(D(2, 1), new PlanChangeQueueOptions { Ordering = ordering });
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var later = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 5))).Value;
        var earlier = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 3))).Value;

        var report = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 6));

        Assert.Equal(executed, report.Executed.Count);
        Assert.Equal(superseded, report.Deleted.Count);
        Assert.Equal(ordering == QueueOrdering.EffectiveDateOrder ? [earlier.Id, later.Id] : [later.Id], f.Applier.Order);
    }

    [Fact]
    public async Task ProcessDue_FailedApply_StaysQueuedWithTheError_AndIsRetriedAfterTheLease()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var change = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 3))).Value;
        f.Applier.FailOnce.Add(change.Id);

        var first = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 3));
        var stored = (await f.Store.GetAsync(QueueFixture.Client, change.Id))!;
        Assert.Equal(change.Id, Assert.Single(first.Failed).Change.Id);
        Assert.Equal(PlanChangeState.Queued, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Contains("billing system unavailable", stored.LastError, StringComparison.Ordinal);

        Assert.Empty((await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 3))).Executed); // the lease still holds it
        f.Clock.Advance(Duration.FromMinutes(6));
        var retried = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 3));
        Assert.Equal(change.Id, Assert.Single(retried.Executed).Id);
        Assert.Equal(2, (await f.Store.GetAsync(QueueFixture.Client, change.Id))!.Attempts);
    }

    [Fact]
    public async Task ProcessDue_ParentFailsToApply_ChildWaitsForIt()
    {
        var f = new QueueFixture(D(2, 1));
        var master = (await f.QueueAsync(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master)).Value;
        var child = (await f.QueueAsync(11, PlanChangeKind.Assign, D(2, 22), parent: 10)).Value;
        f.Applier.FailOnce.Add(master.Id);
        f.Clock.Set(D(2, 22).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());

        var first = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 22));
        Assert.Empty(first.Executed);
        Assert.Equal(PlanChangeState.Queued, (await f.Store.GetAsync(QueueFixture.Client, child.Id))!.State);

        f.Clock.Advance(Duration.FromMinutes(6));
        var second = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 22));
        Assert.Equal([master.Id, child.Id], second.Executed.Select(c => c.Id));
        Assert.Equal([master.Id, child.Id], f.Applier.Order);
    }

    [Fact]
    public async Task ProcessDue_ParentStoppedByTheDate_VoidsTheChildChanges()
    {
        var f = new QueueFixture(D(2, 1));
        var master = f.AddMaster(10, new LocalDate(2024, 6, 15));
        f.AddSupplemental(11, 10, new LocalDate(2024, 6, 15));
        var change = (await f.QueueAsync(11, PlanChangeKind.Units, D(2, 3))).Value;
        f.Directory.Set(master with { Status = PlanInstanceStatus.Terminated });

        var report = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 3));

        Assert.Equal(change.Id, Assert.Single(report.Deleted).Id);
        Assert.StartsWith("voided: parent plan instance 10 is Terminated", report.Deleted[0].Reason, StringComparison.Ordinal);
        Assert.Empty(f.Applier.Applied);
    }

    [Fact]
    public async Task ProcessDue_ReportsBillingGroupsAndNegativeBillLagAdjustments()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15), group: "BG-7", billLag: -10);
        f.AddMaster(20, new LocalDate(2024, 6, 15), group: "BG-7");
        var a = (await f.QueueAsync(10, PlanChangeKind.Replace, D(2, 20))).Value;
        var b = (await f.QueueAsync(20, PlanChangeKind.Units, D(2, 20))).Value;

        var report = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 20));

        var invoice = Assert.Single(report.Invoices);
        Assert.Equal("BG-7", invoice.BillingGroup);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), invoice.Changes.Order());
        var adjustment = Assert.Single(report.InvoiceAdjustments);
        Assert.Equal(new BillingPeriod(D(2, 15), D(3, 15)), adjustment.VoidInvoiceOf);
        Assert.Equal((D(2, 20), D(3, 15)), (adjustment.ProrateFrom, adjustment.ProrateTo));
    }

    [Fact]
    public async Task ProcessDue_OneBillingGroupWithTwoAnniversaries_ProratesEachMasterOnItsOwnPeriod_ThenTheRestInOrder()
    {
        // spec: release-6.50.txt, Invoicing Interactions: "all queued changes executed for all plan instances associated with
        // the same billing group ... appear on the same invoice"; "If queue requests exist for multiple plan instances with
        // different anniversaries within one billing group, the invoice generated after the changes execute is prorated for
        // each master plan instance"; "Discounts, surcharges, credits, tax and payment surcharges are applied after plan
        // changes execute."
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15), group: "BG-9");
        f.AddMaster(20, new LocalDate(2024, 6, 1), group: "BG-9");
        f.AddSupplemental(21, 20, new LocalDate(2024, 6, 1));
        var a = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 20))).Value;
        var b = (await f.QueueAsync(21, PlanChangeKind.Units, D(2, 20))).Value;

        var report = await f.Queue.ProcessDueAsync(QueueFixture.Client, D(2, 20));

        var invoice = Assert.Single(report.Invoices);
        Assert.Equal(new[] { a.Id, b.Id }.Order(), invoice.Changes.Order());
        Assert.Equal(
            [(10L, D(2, 15), D(3, 15), 23), (20L, D(2, 1), D(3, 1), 9)],
            invoice.Spans.Select(s => (s.Instance.Value, s.Period.Start, s.Period.End, s.Days)));
        Assert.Equal(23m / 28m, invoice.Spans[0].Fraction);
        Assert.Equal(
            [InvoiceStep.PlanChanges, InvoiceStep.Discounts, InvoiceStep.Surcharges, InvoiceStep.Credits, InvoiceStep.Tax, InvoiceStep.PaymentSurcharges],
            BillingGroupInvoice.Steps);
    }

    [Fact]
    public async Task ChangeDate_SupplementalMustStayOnOrAfterItsParent_AndAParentNotAfterItsChildren()
    {
        var f = new QueueFixture(D(2, 1));
        var master = (await f.QueueAsync(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master)).Value;
        var child = (await f.QueueAsync(11, PlanChangeKind.Assign, D(2, 25), parent: 10)).Value;

        Assert.True((await f.Queue.ChangeDateAsync(QueueFixture.Client, child.Id, D(2, 21), "csr")).HasError(PlanChangeQueueErrorCodes.ChildBeforeParent));
        Assert.True((await f.Queue.ChangeDateAsync(QueueFixture.Client, master.Id, D(2, 26), "csr")).HasError(PlanChangeQueueErrorCodes.ChildBeforeParent));
        Assert.True((await f.Queue.ChangeDateAsync(QueueFixture.Client, master.Id, D(2, 1), "csr")).HasError(14026));
        Assert.Equal(D(2, 24), (await f.Queue.ChangeDateAsync(QueueFixture.Client, master.Id, D(2, 24), "csr")).Value.EffectiveDate);
    }

    [Fact]
    public async Task ExecuteNow_StatusChange_IsNotOffered()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var status = (await f.QueueAsync(10, PlanChangeKind.Status, status: PlanInstanceStatus.Suspended, daysUntil: 3)).Value;

        Assert.True((await f.Queue.ExecuteNowAsync(QueueFixture.Client, status.Id, "csr")).HasError(PlanChangeQueueErrorCodes.ExecuteNotAvailable));
    }

    [Fact]
    public async Task Queue_SameIdTwice_QueuesOnce()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var request = new QueuePlanChangeRequest
        {
            Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = new PlanInstanceNumber(10), Kind = PlanChangeKind.Units, EffectiveDate = D(3, 1), Units = 3,
        };

        var first = await f.Queue.QueueAsync(request, "csr");
        var second = await f.Queue.QueueAsync(request, "csr");

        Assert.Equal(first.Value, second.Value);
        Assert.Single(await f.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account));
    }

    [Fact]
    public async Task ProcessDue_FourConcurrentProcessors_ApplyEachChangeExactlyOnce()
    {
        var f = new QueueFixture(D(2, 1), new PlanChangeQueueOptions { BatchSize = 25 });
        for (var i = 0; i < 400; i++)
        {
            f.AddMaster(1000 + i, new LocalDate(2024, 6, 15));
            Assert.True((await f.QueueAsync(1000 + i, PlanChangeKind.Units, D(2, 2 + (i % 20)))).IsSuccess);
        }

        var processors = Enumerable.Range(0, 4).Select(n => new PlanChangeQueue(
            f.Store, f.Directory, f.Applier, f.Clock, DateTimeZone.Utc, new PlanChangeQueueOptions { BatchSize = 25, ProcessorId = $"node-{n}" }));
        var reports = await Task.WhenAll(processors.Select(p => Task.Run(() => p.ProcessDueAsync(QueueFixture.Client, D(3, 1)))));

        Assert.Equal(400, reports.Sum(r => r.Executed.Count));
        Assert.Equal(400, f.Applier.Applied.Count);
        Assert.All(f.Applier.Applied.Values, n => Assert.Equal(1, n));
        Assert.Empty(await f.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account));
    }

    // spec: release-6.50.txt, "Future Plan Changes - API (DEV-6103)", Queuing Restrictions: "If a supplemental plan or plan
    // instance is queued, but at the time of the effective date the parent plan has a status of "Suspended" ... then the
    // supplemental plan change does not take effect ... all queued plan changes for this plan instance and all child plan
    // instances are automatically deleted from the queue." Execute now judges the change as due processing would.
    [Fact]
    public async Task ExecuteNow_ChildUnderAParentSuspendedSinceItWasQueued_IsVoidedWithItsInstanceTree_NotApplied()
    {
        var f = new QueueFixture(D(2, 1));
        var master = f.AddMaster(10, new LocalDate(2024, 6, 15));
        f.AddSupplemental(11, 10, new LocalDate(2024, 6, 15));
        var units = (await f.QueueAsync(11, PlanChangeKind.Units, D(3, 1))).Value;
        var grandchild = (await f.QueueAsync(12, PlanChangeKind.Assign, D(3, 2), parent: 11)).Value;
        f.Directory.Set(master with { Status = PlanInstanceStatus.Suspended });

        var result = await f.Queue.ExecuteNowAsync(QueueFixture.Client, units.Id, "csr-ann");

        Assert.True(result.IsSuccess);
        Assert.Equal((PlanChangeState.Deleted, "voided: parent plan instance 10 is Suspended on 2025-03-01", "csr-ann"), (result.Value.State, result.Value.Reason, result.Value.ClosedBy));
        Assert.Equal(PlanChangeQueueWarningCodes.ChangeVoided, Assert.Single(result.Warnings).Code);
        Assert.Equal(PlanChangeState.Deleted, (await f.Store.GetAsync(QueueFixture.Client, grandchild.Id))!.State);
        Assert.Empty(f.Applier.Applied);
    }

    // spec: release-6.50.txt, "Future Plan Changes - API (DEV-6103)", Queuing Restrictions: a replacement is blocked by dunning
    // "However, if the replacement plan is already queued when the master plan instance goes into dunning, then the change is executed."
    [Fact]
    public async Task ExecuteNow_ReplaceOfAMasterInDunningSinceBeforeItWasQueued_IsDeletedAsBlocked_OtherwiseApplied()
    {
        var f = new QueueFixture(D(2, 1));
        var master = f.AddMaster(10, new LocalDate(2024, 6, 15));
        var replace = (await f.QueueAsync(10, PlanChangeKind.Replace, D(3, 1))).Value;
        f.Directory.Set(master with { Dunning = DunningState.Completed, DunningSince = D(1, 20) });

        var blocked = await f.Queue.ExecuteNowAsync(QueueFixture.Client, replace.Id, "csr-ann");

        Assert.Equal(PlanChangeState.Deleted, blocked.Value.State);
        Assert.StartsWith("blocked: plan instance 10 is in dunning", blocked.Value.Reason, StringComparison.Ordinal);
        Assert.Empty(f.Applier.Applied);

        var g = new QueueFixture(D(2, 1));
        var other = g.AddMaster(10, new LocalDate(2024, 6, 15));
        var queuedFirst = (await g.QueueAsync(10, PlanChangeKind.Replace, D(3, 1))).Value;
        g.Directory.Set(other with { Dunning = DunningState.InProgress, DunningSince = D(2, 2) });
        Assert.Equal(PlanChangeState.Executed, (await g.Queue.ExecuteNowAsync(QueueFixture.Client, queuedFirst.Id, "csr-ann")).Value.State);
    }

    // spec: release-6.50.txt, View Queued Plan Changes, Delete: deleting a queued assignment deletes the changes under it.
    [Fact]
    public async Task ExecuteNow_ChildOfAParentChangeDeletedMeanwhile_IsDeletedNotApplied()
    {
        var f = new QueueFixture(D(2, 1));
        var master = (await f.QueueAsync(10, PlanChangeKind.Assign, D(2, 5), planKind: PlanKind.Master)).Value;
        var child = (await f.QueueAsync(11, PlanChangeKind.Assign, D(2, 6), parent: 10)).Value;
        await f.Store.UpdateAsync(master with { State = PlanChangeState.Deleted, Reason = "by hand" }, master.Version); // no cascade

        var result = await f.Queue.ExecuteNowAsync(QueueFixture.Client, child.Id, "csr-ann");

        Assert.Equal((PlanChangeState.Deleted, $"parent change {master.Id} was deleted"), (result.Value.State, result.Value.Reason));
        Assert.Empty(f.Applier.Applied);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "If multiple queue requests exist for one plan or plan instance, they are
    // processed chronologically by effective date." Executing a later change first would let the earlier one undo it.
    [Fact]
    public async Task ExecuteNow_LaterChangeWhileAnEarlierOneOfItsInstanceIsQueued_IsNotOffered()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var earlier = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 3), units: 5)).Value;
        var later = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 5), units: 8)).Value;

        Assert.False(await f.Queue.CanExecuteNowAsync(later));
        var refused = await f.Queue.ExecuteNowAsync(QueueFixture.Client, later.Id, "csr-ann");
        Assert.True(refused.HasError(PlanChangeQueueErrorCodes.ExecuteNotAvailable));
        Assert.Empty(f.Applier.Applied);

        Assert.Equal(PlanChangeState.Executed, (await f.Queue.ExecuteNowAsync(QueueFixture.Client, earlier.Id, "csr-ann")).Value.State);
        Assert.Equal(PlanChangeState.Executed, (await f.Queue.ExecuteNowAsync(QueueFixture.Client, later.Id, "csr-ann")).Value.State);
        Assert.Equal(8m, f.Applier.Units[new PlanInstanceNumber(10)]);
    }

    // spec: replace-acct-plan-m.txt, error codes: "14112 Cannot update/replace/cancel any queued Plan instance which is in
    // queued assignment"; once the assignment has executed the instance can be changed.
    [Fact]
    public async Task Queue_ChangeOfAnInstanceStillInQueuedAssignment_IsRefusedWith14112_UntilTheAssignmentExecutes()
    {
        var f = new QueueFixture(D(2, 1));
        var assign = (await f.QueueAsync(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master)).Value;

        Assert.True((await f.QueueAsync(10, PlanChangeKind.Units, D(3, 1))).HasError(14112));
        Assert.True((await f.QueueAsync(10, PlanChangeKind.Remove, D(3, 1))).HasError(14112));
        Assert.Equal([assign.Id], (await f.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account)).Select(c => c.Id));

        await f.Queue.ExecuteNowAsync(QueueFixture.Client, assign.Id, "csr-ann");
        f.AddMaster(10, D(2, 1));
        Assert.True((await f.QueueAsync(10, PlanChangeKind.Units, D(3, 1))).IsSuccess);
    }
}
