using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans.Tests.Queue.Background;

// spec: release-6.50.txt, future plan changes — a dated change applies by itself on its effective date, "today" being the
// client's date in its own time zone.
public sealed class DueChangeSweepTests
{
    [Fact]
    public async Task RunOnce_AppliesWhatIsDue_InEachClientsZone()
    {
        var f = new QueueFixture(new LocalDate(2025, 4, 26));
        f.AddMaster(1, new LocalDate(2025, 1, 15));
        var due = (await f.QueueAsync(1, PlanChangeKind.Units, new LocalDate(2025, 4, 27), planKind: PlanKind.Master)).Value;
        var later = (await f.QueueAsync(1, PlanChangeKind.Units, new LocalDate(2025, 5, 1), planKind: PlanKind.Master)).Value;

        // 2025-04-27 02:00 UTC: Apr 27 in Tokyo, still Apr 26 in New York.
        f.Clock.Set(Instant.FromUtc(2025, 4, 27, 2, 0));
        var inNewYork = new ClientTimeZones(new AriaBillingOptions { ClientTimeZones = { ["1000"] = "America/New_York" } }, DateTimeZoneProviders.Tzdb, f.Clock);
        var inTokyo = new ClientTimeZones(new AriaBillingOptions { ClientTimeZones = { ["1000"] = "Asia/Tokyo" } }, DateTimeZoneProviders.Tzdb, f.Clock);

        var notYet = await new DueChangeSweep(f.Store, f.Queue, inNewYork, f.Clock).RunOnceAsync(default);
        var applied = await new DueChangeSweep(f.Store, f.Queue, inTokyo, f.Clock).RunOnceAsync(default);

        Assert.Empty(Assert.Single(notYet).Report.Executed);
        Assert.Equal([due.Id], Assert.Single(applied).Report.Executed.Select(c => c.Id));
        Assert.Equal(PlanChangeState.Queued, (await f.Store.GetAsync(QueueFixture.Client, later.Id))!.State);
        Assert.Equal([due.Id], f.Applier.Order);
    }

    /// <summary>
    /// The queue's own "today" is the client's: at 02:00 UTC on Apr 27 it is still Apr 26 in New York, so a change dated Apr 27
    /// is in the future for a New York client and refused for a client on UTC (spec: release-6.50.txt — the effective date
    /// must be in the future).
    /// </summary>
    [Fact]
    public async Task Queue_TodayIsTheClientsDate()
    {
        var f = new QueueFixture(new LocalDate(2025, 4, 26));
        f.AddMaster(1, new LocalDate(2025, 1, 15));
        f.Clock.Set(Instant.FromUtc(2025, 4, 27, 2, 0));
        var request = new QueuePlanChangeRequest
        {
            Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = new PlanInstanceNumber(1), Kind = PlanChangeKind.Units,
            PlanKind = PlanKind.Master, Timing = PlanChangeTiming.Dated, EffectiveDate = new LocalDate(2025, 4, 27), Units = 5,
        };
        var newYork = new PlanChangeQueue(f.Store, f.Directory, f.Applier, f.Clock,
            new ClientTimeZones(new AriaBillingOptions { ClientTimeZones = { ["1000"] = "America/New_York" } }, DateTimeZoneProviders.Tzdb, f.Clock));
        var utc = new PlanChangeQueue(f.Store, f.Directory, f.Applier, f.Clock, DateTimeZone.Utc);

        Assert.True((await newYork.QueueAsync(request, "csr")).IsSuccess);
        Assert.True((await utc.QueueAsync(request with { Id = Guid.NewGuid() }, "csr")).HasError(PlanChangeQueueErrorCodes.EffectiveDateNotInFuture));
    }
}
