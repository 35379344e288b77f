using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;

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
        new(f.Store, f.Directory, new PlanChangeExecutor(f.Store, f.Applier, f.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), f.Clock, _ => DateTimeZone.Utc,
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
        Assert.Empty(report.Invoices);
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

    // spec: release-6.50.txt, "Queuing Restrictions": "If multiple queue requests exist for one plan or plan instance, they are
    // processed chronologically by effective date." Units 5 on 2/3 and 8 on 2/5, the first fails once: the second waits for
    // it (a failed change holds back the later changes of its instance), and the instance ends at 8.
    [Fact]
    public async Task ProcessDueAsync_EarlierChangeFailsOnce_TheLaterOneWaitsForIt_AndTheInstanceEndsAtTheLastValue()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var five = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 3), units: 5)).Value;
        var eight = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 5), units: 8)).Value;
        f.Applier.FailOnce.Add(five.Id);

        var first = await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 5), CancellationToken.None);

        Assert.Equal(five.Id, Assert.Single(first.Failed).Change.Id);
        Assert.Empty(first.Executed);
        var waiting = (await f.Store.GetAsync(QueueFixture.Client, eight.Id))!;
        Assert.Equal((PlanChangeState.Queued, 0, (string?)null), (waiting.State, waiting.Attempts, waiting.ClaimedBy));
        Assert.Empty((await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 5), CancellationToken.None)).Executed); // still held back

        f.Clock.Advance(Duration.FromMinutes(6));
        var second = await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 5), CancellationToken.None);

        Assert.Equal([five.Id, eight.Id], second.Executed.Select(c => c.Id));
        Assert.Equal([five.Id, eight.Id], f.Applier.Order);
        Assert.Equal(8m, f.Applier.Units[new PlanInstanceNumber(10)]);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "processed chronologically by effective date" — on any number of nodes:
    // four processors, several changes per instance, some failing their first attempt; rounds after each lease until done.
    [Fact]
    public async Task ProcessDueAsync_FourProcessors_SomeChangesFailOnce_EachInstanceAppliesInDateOrder_AndEndsAtItsLastChange()
    {
        var f = new QueueFixture(D(2, 1));
        var byInstance = new Dictionary<PlanInstanceNumber, List<PlanChange>>();
        for (var i = 0; i < 30; i++)
        {
            f.AddMaster(100 + i, new LocalDate(2024, 6, 15));
            byInstance[new PlanInstanceNumber(100 + i)] = [];
        }

        // Queued out of date order, so queue time does not line up with effective date.
        for (var j = 3; j >= 0; j--)
        {
            for (var i = 0; i < 30; i++)
            {
                var change = (await f.QueueAsync(100 + i, PlanChangeKind.Units, D(2, 2 + (j * 5) + (i % 5)), units: (i * 10) + j)).Value;
                byInstance[change.Instance].Add(change);
                if ((i + j) % 3 == 0)
                {
                    f.Applier.FailOnce.Add(change.Id);
                }
            }
        }

        var processors = Enumerable.Range(0, 4)
            .Select(n => new DueChangeProcessor(f.Store, f.Directory, new PlanChangeExecutor(f.Store, f.Applier, f.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), f.Clock, _ => DateTimeZone.Utc,
                new PlanChangeQueueOptions { BatchSize = 7, ProcessorId = $"node-{n}" }))
            .ToArray();
        for (var round = 0; round < 20 && (await f.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account)).Count > 0; round++)
        {
            await Task.WhenAll(processors.Select(p => Task.Run(() => p.ProcessDueAsync(QueueFixture.Client, D(3, 1), CancellationToken.None))));
            f.Clock.Advance(Duration.FromMinutes(6));
        }

        Assert.Empty(await f.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account));
        Assert.Equal(120, f.Applier.Applied.Count);
        Assert.All(f.Applier.Applied.Values, n => Assert.Equal(1, n));
        var order = f.Applier.Order;
        foreach (var (instance, changes) in byInstance)
        {
            var byDate = changes.OrderBy(c => c.EffectiveDate).ToArray();
            Assert.Equal(byDate.Select(c => c.Id), order.Where(id => changes.Any(c => c.Id == id)));
            Assert.Equal(byDate[^1].Units, f.Applier.Units[instance]);
        }
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "processed chronologically by effective date". An earlier change of the
    // instance queued after the claim (a race the claim cannot see) still goes first: the claimed one gives its lease back.
    [Fact]
    public async Task ProcessDueAsync_EarlierChangeQueuedAfterTheClaim_GoesFirst()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var later = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 5), units: 8)).Value;
        var earlier = later with { Id = Guid.NewGuid(), EffectiveDate = D(2, 3), Units = 5, Version = 0 };
        var store = new QueueingOnFirstClaim(f.Store, earlier);
        var processor = new DueChangeProcessor(store, f.Directory, new PlanChangeExecutor(store, f.Applier, f.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), f.Clock, _ => DateTimeZone.Utc,
            new PlanChangeQueueOptions { ProcessorId = "node-1" });

        var report = await processor.ProcessDueAsync(QueueFixture.Client, D(2, 5), CancellationToken.None);

        Assert.Equal([earlier.Id, later.Id], report.Executed.Select(c => c.Id));
        Assert.Equal([earlier.Id, later.Id], f.Applier.Order);
        Assert.Equal(8m, f.Applier.Units[new PlanInstanceNumber(10)]);
    }

    // spec: release-6.50.txt, "Future Plan Changes - API (DEV-6103)", Queuing Restrictions: "the one with the latest effective
    // date is processed" — of each kind: a change of another kind between them still applies, in its place.
    [Fact]
    public async Task ProcessDueAsync_LatestWins_SupersedesTheEarlierOfOneKind_AndAppliesTheOthersInOrder()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        var early = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 3), units: 5)).Value;
        var replace = (await f.QueueAsync(10, PlanChangeKind.Replace, D(2, 4))).Value;
        var late = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 5), units: 8)).Value;
        var notDue = (await f.QueueAsync(10, PlanChangeKind.Units, D(2, 9), units: 9)).Value;

        var report = await Processor(f, QueueOrdering.LatestWins).ProcessDueAsync(QueueFixture.Client, D(2, 5), CancellationToken.None);

        Assert.Equal([replace.Id, late.Id], f.Applier.Order);
        var superseded = Assert.Single(report.Deleted);
        Assert.Equal((early.Id, $"superseded by change {late.Id} (latest wins)"), (superseded.Id, superseded.Reason));
        Assert.Equal(PlanChangeState.Queued, (await f.Store.GetAsync(QueueFixture.Client, notDue.Id))!.State);
    }

    // spec: release-6.50.txt, "Invoicing Interactions", Negative Bill Lag Days ("the full invoice for the period is voided, and
    // a prorated invoice is generated for the new plan that covers the time from the effective date to the end of the billing
    // period") with "Configure Negative Bill Lag Days in Excess of One Bill Cycle (DEV-7039)": invoicing runs more than one
    // cycle ahead, so every period whose invoice (bill date + lag, on or before the date as InvoicePlanner counts it) was
    // generated by the effective date is voided and invoiced again: the one containing the date from the date, later ones whole.
    [Fact]
    public async Task ProcessDueAsync_NegativeBillLagBeyondOneCycle_EveryPeriodAlreadyInvoicedIsReported()
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15), billLag: -40);
        var replace = (await f.QueueAsync(10, PlanChangeKind.Replace, D(2, 20))).Value;

        var report = await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 20), CancellationToken.None);

        Assert.Equal(
            [
                new InvoiceAdjustment(replace.Id, new PlanInstanceNumber(10), new BillingPeriod(D(2, 15), D(3, 15)), D(2, 20), D(3, 15)),
                new InvoiceAdjustment(replace.Id, new PlanInstanceNumber(10), new BillingPeriod(D(3, 15), D(4, 15)), D(3, 15), D(4, 15)),
            ],
            report.InvoiceAdjustments);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(-22, 1)]  // next invoice (3/15 - 22 = 2/21) is generated after the date
    [InlineData(-23, 2)]  // next invoice (3/15 - 23 = 2/20) is generated on the date
    [InlineData(-70, 3)]  // 4/15 - 70 = 2/4
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    public async Task ProcessDueAsync_NegativeBillLag_ReportsOnePeriodPerInvoiceGeneratedByTheDate(int billLag, int periods)
    {
        var f = new QueueFixture(D(2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15), billLag: billLag);
        f.AddSupplemental(11, 10, new LocalDate(2024, 6, 15));
        await f.QueueAsync(11, PlanChangeKind.Units, D(2, 20));

        var report = await Processor(f).ProcessDueAsync(QueueFixture.Client, D(2, 20), CancellationToken.None);

        Assert.Equal(periods, report.InvoiceAdjustments.Count);
        Assert.All(report.InvoiceAdjustments.Skip(1), a => Assert.Equal((a.VoidInvoiceOf.Start, a.VoidInvoiceOf.End), (a.ProrateFrom, a.ProrateTo)));
        Assert.Equal(
            report.InvoiceAdjustments.Select(a => a.VoidInvoiceOf.Start).Skip(1),
            report.InvoiceAdjustments.Select(a => a.VoidInvoiceOf.End).SkipLast(1));
    }

    // spec: release-6.50.txt, "Invoicing Interactions" and DEV-7039: for any cycle, lag and date, the periods reported are
    // exactly those invoiced by the date and not ended: consecutive, the first containing the date (invoiced again from it),
    // each invoice date on or before the date, the next period's after it.
    [Fact]
    public void Adjustments_AnyCycleLagAndDate_ExactlyThePeriodsInvoicedByTheDate()
    {
        var cases = from cycle in BillingArb.Cycle from lag in Gen.Choose(-800, -1) from date in BillingArb.Date select (cycle, lag, date);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (cycle, lag, date) = c;
            var adjustments = DueChangeProcessor.Adjustments(Guid.Empty, new PlanInstanceNumber(1), cycle, lag, date);
            var periods = adjustments.Select(a => a.VoidInvoiceOf).ToArray();
            var next = cycle.Next(periods[^1]);
            return periods[0] == cycle.PeriodContaining(date)
                && adjustments[0].ProrateFrom == date
                && adjustments.Skip(1).All(a => a.ProrateFrom == a.VoidInvoiceOf.Start)
                && adjustments.All(a => a.ProrateTo == a.VoidInvoiceOf.End)
                && periods.Zip(periods.Skip(1)).All(p => p.First.End == p.Second.Start)
                && periods.All(p => p.Start.PlusDays(lag) <= date)
                && next.Start.PlusDays(lag) > date;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>A store that queues one more change right after the first claim returns.</summary>
    private sealed class QueueingOnFirstClaim(IPlanChangeStore inner, PlanChange queueAfterClaim) : IPlanChangeStore
    {
        private int _claims;

        public Task<bool> AddAsync(PlanChange change, CancellationToken cancellationToken = default) => inner.AddAsync(change, cancellationToken);

        public Task<PlanChange?> GetAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) => inner.GetAsync(client, id, cancellationToken);

        public Task<IReadOnlyList<PlanChange>> ListAsync(PlanChangeQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

        public Task<IReadOnlyList<ClientNumber>> ListClientsWithDueAsync(LocalDate dueBy, CancellationToken cancellationToken = default) => inner.ListClientsWithDueAsync(dueBy, cancellationToken);

        public Task<PlanChange?> UpdateAsync(PlanChange updated, long expectedVersion, CancellationToken cancellationToken = default) =>
            inner.UpdateAsync(updated, expectedVersion, cancellationToken);

        public async Task<IReadOnlyList<PlanChange>> ClaimDueAsync(
            ClientNumber client, LocalDate asOf, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default)
        {
            var claimed = await inner.ClaimDueAsync(client, asOf, owner, now, leaseUntil, max, cancellationToken);
            if (_claims++ == 0)
            {
                await inner.AddAsync(queueAfterClaim, cancellationToken);
            }

            return claimed;
        }
    }
}
