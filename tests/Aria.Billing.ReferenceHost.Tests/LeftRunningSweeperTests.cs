using Aria.Billing.Storage.Sqlite;
using Aria.Billing.Sync;
using Microsoft.Data.Sqlite;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: billing-sync-reprocess.txt — a bulk reprocess is recorded before it runs, so one a crash interrupted still finishes;
// job-schedule-management.txt — a run and its jobs are recorded, so one a crash interrupted still ends.
public sealed class LeftRunningSweeperTests
{
    [Fact]
    public async Task AnOperationACrashedNodeLeftRunning_IsFinishedByTheHost()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aria-billing-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "crashed.db");
        var client = new ClientNumber(1000);

        // A node recorded a reprocess of three errors and died before running it; its lease ran out.
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path }, NodaTime.SystemClock.Instance);
        for (var i = 0; i < 3; i++)
        {
            await storage.SyncRecords.AddAsync(new SyncRecord
            {
                Client = client, Domain = SyncDomain.Catalog, EventId = $"crashed-{i}", EventTime = NodaTime.SystemClock.Instance.GetCurrentInstant(),
                ObjectName = "Plan", ActionName = "Create", Status = SyncStatus.Error, ErrorCode = "PRICE_OFFER_IS_NOT_FOUND", ErrorMessage = "Price offer is not found",
            });
        }

        var dead = new SyncReprocessor(storage.SyncRecords, new NeverRuns(), NodaTime.SystemClock.Instance, new SyncOptions { RunnerId = "dead-node" });
        var operation = (await dead.StartAsync(client, SyncDomain.Catalog, SyncOperationKind.Reprocess, SyncScope.All(), "ops")).Value;
        var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
        Assert.True(await storage.SyncRecords.TryLeaseOperationAsync(client, operation.Id, "dead-node", now - NodaTime.Duration.FromMinutes(2), now - NodaTime.Duration.FromMinutes(1)));
        SqliteConnection.ClearAllPools();

        using (var host = HostFactory.OnSqliteFile(path))
        {
            var ended = await host.Ops().PollAsync($"/sync/operations/{operation.Id}", s => s.GetProperty("state").GetString() != "running");

            Assert.Equal(("completed", 3L, 3L), (ended.GetProperty("state").GetString(), ended.GetProperty("processed").GetInt64(), ended.GetProperty("succeeded").GetInt64()));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ARunACrashedNodeLeftUnfinished_IsExecutedToItsEndByTheHost()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aria-billing-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "crashed.db");

        // A node recorded yesterday's run and died before executing it.
        var clock = NodaTime.SystemClock.Instance;
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path }, clock);
        var schedule = new Aria.Billing.Jobs.JobSchedule
        {
            Name = "daily", Client = new ClientNumber(1000),
            Calendar = new Aria.Billing.Jobs.ScheduleCalendar(Aria.Billing.Jobs.ScheduleFrequency.Daily, new NodaTime.LocalTime(2, 30), NodaTime.DateTimeZone.Utc),
            Jobs = [new("Bill Time Usage Rating", Aria.Billing.Jobs.JobTypes.UsageRating), new("Billing", Aria.Billing.Jobs.JobTypes.Billing)],
        };
        var dead = new Aria.Billing.Jobs.JobRunner(storage.JobRuns, new Dictionary<string, Aria.Billing.Jobs.IJobHandler>(), clock);
        var run = await dead.CreateRunAsync(schedule, clock.GetCurrentInstant().InUtc().Date.PlusDays(-1));
        SqliteConnection.ClearAllPools();

        using (var host = HostFactory.OnSqliteFile(path))
        {
            var ended = await host.Ops().PollAsync($"/jobs/runs/{run.Id}", r => r.GetProperty("status").GetString() is not ("new" or "running"));

            Assert.Equal("ok", ended.GetProperty("status").GetString());
            Assert.Equal(5, (await (await host.Ops().GetAsync($"/jobs/runs/{run.Id}/jobs/1/items")).JsonAsync()).GetArrayLength());
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class NeverRuns : ISyncRecordHandler
    {
        public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the crashed node never ran a record");
    }
}
