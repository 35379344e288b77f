namespace Aria.Billing.Sync.Tests.Log;

// spec: billing-sync-reprocess.txt — activity log (ingest idempotent on the event id), reprocess summary; issue 19 item 2.
public sealed class SyncLogIngestManyTests
{
    private static SyncRecord Message(string eventId, string objectName = "Account") => new()
    {
        Client = SyncFixture.Client, Domain = SyncDomain.Account, EventId = eventId, EventTime = Instant.FromUtc(2025, 4, 27, 0, 0),
        ObjectName = objectName, ActionName = "Create", Payload = "{}",
    };

    [Fact]
    public async Task IngestMany_NewAndRepeatedEvents_ProcessesEachNewRecordOnce_ResultPerMessageInOrder()
    {
        var f = new SyncFixture();
        var before = await f.Log.IngestAsync(Message("E0"));
        f.Handler.FirstOutcome["E2"] = "ACCOUNT_IS_NOT_FOUND";

        var results = await f.Log.IngestManyAsync([Message("E1"), Message("E0"), Message("E2", "Contact"), Message("E1")]);

        Assert.Equal([("E1", true, SyncStatus.Complete), ("E0", false, SyncStatus.Complete), ("E2", true, SyncStatus.Error), ("E1", false, SyncStatus.Complete)],
            results.Select(r => (r.Record.EventId, r.Created, r.Record.Status)));
        Assert.Equal(before, results[1].Record);
        Assert.Equal(results[0].Record, results[3].Record);
        Assert.Equal([1, 1, 1], f.Handler.Calls.Values);
        Assert.Equal(("ACCOUNT_IS_NOT_FOUND", "ingest"), (results[2].Record.ErrorCode, Assert.Single(results[2].Record.Attempts).Kind));
        Assert.Equal([new SyncSummaryRow("Contact", "Create", 1)], await f.Log.SummaryAsync(SyncFixture.Client, SyncDomain.Account));
    }

    [Fact]
    public async Task IngestMany_StalePendingEvent_IsClaimedAndProcessed_FreshPendingIsLeft()
    {
        var f = new SyncFixture(new SyncOptions { PendingLease = TimeSpan.FromMinutes(5) });
        var (stale, _) = await f.Store.AddAsync(Message("P1") with { Status = SyncStatus.Pending, PendingSince = f.Clock.GetCurrentInstant() });
        f.Clock.Advance(Duration.FromMinutes(6));
        var (fresh, _) = await f.Store.AddAsync(Message("P2") with { Status = SyncStatus.Pending, PendingSince = f.Clock.GetCurrentInstant() });

        var results = await f.Log.IngestManyAsync([Message("P1"), Message("P2"), Message("P1")]);

        Assert.Equal([(SyncStatus.Complete, false), (SyncStatus.Pending, false), (SyncStatus.Complete, false)], results.Select(r => (r.Record.Status, r.Created)));
        Assert.Equal(1, f.Handler.Calls[stale.Id]);
        Assert.False(f.Handler.Calls.ContainsKey(fresh.Id));
    }

    [Fact]
    public async Task IngestMany_HostileTexts_AreNormalisedAsSingleIngest()
    {
        var f = new SyncFixture();

        var result = Assert.Single(await f.Log.IngestManyAsync([Message("H1", "Obj\0" + new string('x', 500))]));

        Assert.Equal(SyncOutcome.ErrorCodeMaxBytes, System.Text.Encoding.UTF8.GetByteCount(result.Record.ObjectName));
        Assert.DoesNotContain('\0', result.Record.ObjectName);
    }

    [Fact]
    public async Task IngestMany_OverTheMaximum_IsRefusedAndStoresNothing()
    {
        var f = new SyncFixture();
        var messages = Enumerable.Range(0, SyncLog.MaxIngestBatchSize + 1).Select(i => Message($"E{i}")).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => f.Log.IngestManyAsync(messages));

        Assert.Empty((await f.Log.SearchAsync(new SyncSearch { Client = SyncFixture.Client, Domain = SyncDomain.Account })).Value.Items);
        Assert.Empty(await f.Log.IngestManyAsync([]));
    }
}
