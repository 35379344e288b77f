namespace Aria.Billing.Sync.Tests.Log;

// spec: billing-sync-reprocess.txt, "Aggregated Usage Sync": incomplete batches, counts, error summary, filters, reprocess and discard.
public sealed class AggregatedUsageViewTests
{
    private static readonly ClientNumber Client = SyncFixture.Client;

    private static Instant Hour(int day, int hour) => Instant.FromUtc(2025, 4, day, hour, 0);

    private static async Task<SyncFixture> Load()
    {
        var f = new SyncFixture();
        await Add(f, Hour(26, 9), "B1", null);                       // complete
        await Add(f, Hour(26, 9), "B2", "ACCOUNT_IS_NOT_FOUND");
        await Add(f, Hour(26, 9), "B3", "ACCOUNT_IS_NOT_FOUND");
        await Add(f, Hour(27, 10), "B4", "PLAN_RATE_SCHEDULE_NOT_FOUND");
        await Add(f, Hour(27, 10), "B5", null);
        await Add(f, Hour(27, 11), "B6", null);                      // a complete batch: not listed
        return f;
    }

    private static async Task Add(SyncFixture f, Instant batch, string eventId, string? error)
    {
        f.Handler.FirstOutcome[eventId] = error;
        await f.Log.IngestAsync(new SyncRecord
        {
            Client = Client, Domain = SyncDomain.AggregatedUsage, EventId = eventId, EventTime = batch, ObjectName = "Usage", ActionName = "Send",
            BatchStart = batch, BatchEnd = batch.Plus(Duration.FromHours(1)),
        });
    }

    [Fact]
    public async Task IncompleteBatches_CountsAndErrorSummary()
    {
        var f = await Load();

        var batches = await f.Log.IncompleteBatchesAsync(new UsageBatchFilter(Client));

        Assert.Equal([Hour(26, 9), Hour(27, 10)], batches.Select(b => b.Start));
        Assert.Equal((Hour(26, 10), 3, 1, 2, 0), (batches[0].End, batches[0].Total, batches[0].Completed, batches[0].Errored, batches[0].Pending));
        Assert.Equal(new UsageBatchDetail("ACCOUNT_IS_NOT_FOUND", "ACCOUNT_IS_NOT_FOUND for Usage", SyncStatus.Error, 2), Assert.Single(batches[0].Details));
    }

    [Fact]
    public async Task IncompleteBatches_Filters_StartOnOrAfterDay_EndBeforeDay_Status()
    {
        var f = await Load();

        Assert.Equal([Hour(27, 10)], (await f.Log.IncompleteBatchesAsync(new UsageBatchFilter(Client, StartDate: new LocalDate(2025, 4, 27)))).Select(b => b.Start));
        Assert.Equal([Hour(26, 9)], (await f.Log.IncompleteBatchesAsync(new UsageBatchFilter(Client, EndDate: new LocalDate(2025, 4, 27)))).Select(b => b.Start));
        Assert.Empty(await f.Log.IncompleteBatchesAsync(new UsageBatchFilter(Client, Status: SyncStatus.Pending)));
        Assert.Equal(2, (await f.Log.IncompleteBatchesAsync(new UsageBatchFilter(Client, Status: SyncStatus.Error))).Count);
    }

    [Fact]
    public async Task Reprocess_OneBatch_ThenOneErrorRow_ThenDiscardTheLastBatch()
    {
        var f = await Load();

        var batch = (await f.Reprocessor.ReprocessAsync(Client, SyncDomain.AggregatedUsage, SyncScope.BatchErrorSummary(Hour(26, 9), "ACCOUNT_IS_NOT_FOUND"), "ops")).Value;
        Assert.Equal(2, batch.Succeeded);
        Assert.Equal([Hour(27, 10)], (await f.Log.IncompleteBatchesAsync(new UsageBatchFilter(Client))).Select(b => b.Start));

        var discard = (await f.Reprocessor.DiscardAsync(Client, SyncDomain.AggregatedUsage, SyncScope.Batch(Hour(27, 10)), "ops")).Value;
        Assert.Equal(1, discard.Succeeded);
        Assert.Empty(await f.Log.IncompleteBatchesAsync(new UsageBatchFilter(Client)));
    }
}
