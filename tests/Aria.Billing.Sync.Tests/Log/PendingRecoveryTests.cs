using Aria.Billing.Testing;

namespace Aria.Billing.Sync.Tests.Log;

// Issue #15 item 2: no sync record stays PENDING forever. Ingest stores a record PENDING, runs the handler, then updates it;
// a crash between the two (modelled by a handler call that never returns: OperationCanceledException goes through) leaves
// it PENDING. Once SyncOptions.PendingLease has passed, a retry of the same event id or the recovery pass processes it,
// once, whoever else tries at the same time.
public sealed class PendingRecoveryTests
{
    private static readonly SyncOptions Options = new() { PendingLease = TimeSpan.FromMinutes(5), BatchSize = 2 };

    private static SyncRecord Message(string eventId, FakeClock clock) => new()
    {
        Client = SyncFixture.Client, Domain = SyncDomain.Account, EventId = eventId, EventTime = clock.GetCurrentInstant(),
        ObjectName = "Account", ActionName = "Create",
    };

    private static async Task<SyncRecord> LeftPendingByACrash(SyncFixture f, string eventId)
    {
        f.Handler.Override = _ => throw new OperationCanceledException(); // the process dies while the handler runs
        await Assert.ThrowsAsync<OperationCanceledException>(() => f.Log.IngestAsync(Message(eventId, f.Clock)));
        f.Handler.Override = null;
        return (await f.Log.SearchAsync(new SyncSearch { Client = SyncFixture.Client, Domain = SyncDomain.Account, EventId = eventId })).Value.Items.Single();
    }

    [Fact]
    public async Task Ingest_SameEventIdLeftPending_IsProcessedOnceTheLeaseHasPassed()
    {
        var f = new SyncFixture(Options);
        var left = await LeftPendingByACrash(f, "K1");

        var withinLease = await f.Log.IngestAsync(Message("K1", f.Clock));
        f.Clock.Advance(Duration.FromMinutes(6));
        var afterLease = await f.Log.IngestAsync(Message("K1", f.Clock));
        var again = await f.Log.IngestAsync(Message("K1", f.Clock));

        Assert.Equal((SyncStatus.Pending, left.Id), (withinLease.Status, withinLease.Id));
        Assert.Equal((SyncStatus.Complete, left.Id), (afterLease.Status, afterLease.Id));
        Assert.Equal("ingest", Assert.Single(afterLease.Attempts).Kind);
        Assert.Equal(afterLease, again);
        Assert.Equal(2, f.Handler.Calls[left.Id]); // the crashed call and the retry, nothing else
    }

    [Fact]
    public async Task Ingest_ConcurrentRetriesOfARecordLeftPending_ProcessItOnce()
    {
        var clock = FakeClock.AtUtc(new LocalDate(2025, 4, 27));
        var store = new InMemorySyncRecordStore();
        var (left, _) = await store.AddAsync(Message("K1", clock) with { PendingSince = clock.GetCurrentInstant() });
        clock.Advance(Duration.FromMinutes(6));
        var handler = new GateHandler();
        var log = new SyncLog(store, handler, clock, Options);

        var first = log.IngestAsync(Message("K1", clock));
        var second = await log.IngestAsync(Message("K1", clock)); // the first holds the claim: this one leaves it alone
        handler.Gate.SetResult();

        Assert.Equal(SyncStatus.Pending, second.Status);
        Assert.Equal((SyncStatus.Complete, left.Id), ((await first).Status, (await first).Id));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Recovery_ProcessesRecordsLeftPendingAfterTheLease_AndOlderRecordsWithoutATime()
    {
        var f = new SyncFixture(Options);
        var crashed = await LeftPendingByACrash(f, "K1");
        var (legacy, _) = await f.Store.AddAsync(Message("K2", f.Clock) with { Status = SyncStatus.Pending }); // stored before the time was kept
        var recovery = new SyncRecovery(f.Operations, f.Reprocessor, f.Log);
        Assert.Equal(2, await f.Log.PendingCountAsync(SyncFixture.Client, SyncDomain.Account));

        await recovery.RunOnceAsync(default);
        var afterFirstPass = (await f.Store.GetAsync(SyncFixture.Client, crashed.Id))!;
        f.Clock.Advance(Duration.FromMinutes(6));
        await recovery.RunOnceAsync(default);
        await recovery.RunOnceAsync(default);

        Assert.Equal(SyncStatus.Pending, afterFirstPass.Status);
        Assert.Equal(SyncStatus.Complete, (await f.Store.GetAsync(SyncFixture.Client, legacy.Id))!.Status);
        var recovered = (await f.Store.GetAsync(SyncFixture.Client, crashed.Id))!;
        Assert.Equal((SyncStatus.Complete, "recover"), (recovered.Status, Assert.Single(recovered.Attempts).Kind));
        Assert.Equal((2, 1), (f.Handler.Calls[crashed.Id], f.Handler.Calls[legacy.Id]));
        Assert.Equal(0, await f.Log.PendingCountAsync(SyncFixture.Client, SyncDomain.Account));
    }

    [Fact]
    public async Task Recovery_TwoNodesAtOnce_ProcessEachRecordLeftPendingOnce()
    {
        var clock = FakeClock.AtUtc(new LocalDate(2025, 4, 27));
        var store = new InMemorySyncRecordStore();
        for (var i = 0; i < 7; i++)
        {
            await store.AddAsync(Message($"K{i}", clock) with { PendingSince = clock.GetCurrentInstant() });
        }

        clock.Advance(Duration.FromMinutes(6));
        var handler = new GateHandler();
        handler.Gate.SetResult();
        var operations = new InMemorySyncOperationStore();
        SyncRecovery Node(string id) => new(operations, new SyncReprocessor(store, operations, handler, clock, new SyncOptions { RunnerId = id }), new SyncLog(store, handler, clock, Options));

        await Task.WhenAll(Task.Run(() => Node("a").RunOnceAsync(default)), Task.Run(() => Node("b").RunOnceAsync(default)));

        Assert.Equal(7, handler.Calls);
        Assert.Equal(7, (await store.SearchAsync(new SyncSearch { Client = SyncFixture.Client, Domain = SyncDomain.Account, Status = SyncStatus.Complete })).Items.Count);
    }

    private sealed class GateHandler : ISyncRecordHandler
    {
        private int _calls;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref _calls);

        public async ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            await Gate.Task.ConfigureAwait(false);
            return SyncOutcome.Complete;
        }
    }
}
