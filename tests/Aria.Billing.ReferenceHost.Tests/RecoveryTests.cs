using Aria.Billing.Jobs;
using Aria.Billing.Storage.Sqlite;
using Aria.Billing.Sync;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: billing-sync-reprocess.txt — a bulk reprocess is recorded before it runs, so one a crash interrupted still finishes;
// job-schedule-management.txt — a run and its jobs are recorded, so one a crash interrupted still ends. The host does
// nothing of its own for this: the packages' background duties (AddSync, AddJobs) do it.
public sealed class RecoveryTests
{
    /// <summary>The daily schedule the nodes below ran: rating, then billing.</summary>
    private static readonly JobSchedule Daily = new()
    {
        Name = "daily", Client = new ClientNumber(1000),
        Calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(2, 30), DateTimeZone.Utc),
        Jobs = [new("Bill Time Usage Rating", JobTypes.UsageRating), new("Billing", JobTypes.Billing)],
    };

    [Fact]
    public async Task AnOperationACrashedNodeLeftRunning_IsFinishedByTheHost()
    {
        using var folder = new TempFolder();
        var path = folder.File("crashed.db");
        var client = new ClientNumber(1000);

        // A node recorded a reprocess of three errors and died before running it; its lease ran out.
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path }, SystemClock.Instance);
        for (var i = 0; i < 3; i++)
        {
            await storage.SyncRecords.AddAsync(new SyncRecord
            {
                Client = client, Domain = SyncDomain.Catalog, EventId = $"crashed-{i}", EventTime = SystemClock.Instance.GetCurrentInstant(),
                ObjectName = "Plan", ActionName = "Create", Status = SyncStatus.Error, ErrorCode = "PRICE_OFFER_IS_NOT_FOUND", ErrorMessage = "Price offer is not found",
            });
        }

        var dead = new SyncReprocessor(storage.SyncRecords, storage.SyncOperations, new NeverRuns(), SystemClock.Instance, new SyncOptions { RunnerId = "dead-node" });
        var operation = (await dead.StartAsync(client, SyncDomain.Catalog, SyncOperationKind.Reprocess, SyncScope.All(), "ops")).Value;
        var now = SystemClock.Instance.GetCurrentInstant();
        Assert.True(await storage.SyncOperations.TryLeaseOperationAsync(client, operation.Id, "dead-node", now - Duration.FromMinutes(2), now - Duration.FromMinutes(1)));
        SqliteConnection.ClearAllPools();

        using var host = HostFactory.OnSqliteFile(path);
        var ended = await host.Ops().PollAsync($"/sync/operations/{operation.Id}", s => s.GetProperty("state").GetString() != "running");

        Assert.Equal(("completed", 3L, 3L), (ended.GetProperty("state").GetString(), ended.GetProperty("processed").GetInt64(), ended.GetProperty("succeeded").GetInt64()));
    }

    [Fact]
    public async Task ARunACrashedNodeLeftUnfinished_IsExecutedToItsEndByTheHost()
    {
        using var folder = new TempFolder();
        var path = folder.File("crashed.db");

        // A node recorded yesterday's run and died before executing it.
        var clock = SystemClock.Instance;
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path }, clock);
        var dead = new JobRunner(storage.JobRuns, new Dictionary<string, IJobHandler>(), clock);
        var run = await dead.CreateRunAsync(Daily, clock.GetCurrentInstant().InUtc().Date.PlusDays(-1));
        SqliteConnection.ClearAllPools();

        using var host = HostFactory.OnSqliteFile(path);
        var ended = await host.Ops().PollAsync($"/jobs/runs/{run.Id}", r => r.GetProperty("status").GetString() is not ("new" or "running"));

        Assert.Equal("ok", ended.GetProperty("status").GetString());
        Assert.Equal(5, (await (await host.Ops().GetAsync($"/jobs/runs/{run.Id}/jobs/1/items")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task ARunWhoseLastJobAStoppedNodeLeftIncomplete_IsResumedByTheHost()
    {
        // DESIGN §4: an interrupted job (batch_status_cd 3) is resumed by the next execution; here it is the last job, so
        // no New job is left to make the run look unfinished.
        using var folder = new TempFolder();
        var path = folder.File("stopped.db");
        var clock = SystemClock.Instance;
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path }, clock);
        using var stop = new CancellationTokenSource();
        var stopping = new StoppedAt("account-3", stop);
        var node = new JobRunner(storage.JobRuns, new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = stopping, [JobTypes.Billing] = stopping }, clock,
            new JobRunnerOptions { WorkerId = "stopped-node", Workers = 1, ClaimBatch = 2 });
        var run = await node.CreateRunAsync(Daily, clock.GetCurrentInstant().InUtc().Date.PlusDays(-1));
        var stopped = (await node.ExecuteAsync(run.Client, run.Id, stop.Token)).Value;
        Assert.Equal([BatchStatus.Ok, BatchStatus.Incomplete], stopped.Jobs.Select(j => j.Status));
        SqliteConnection.ClearAllPools();

        using var host = HostFactory.OnSqliteFile(path);
        var ended = await host.Ops().PollAsync($"/jobs/runs/{run.Id}", r => r.GetProperty("status").GetString() is not ("incomplete" or "running"));

        Assert.Equal("ok", ended.GetProperty("status").GetString());
        var items = await (await host.Ops().GetAsync($"/jobs/runs/{run.Id}/jobs/1/items")).JsonAsync();
        Assert.Equal(4, items.GetArrayLength()); // the stopped node's items, resumed, not produced again
    }

    /// <summary>Four billing items (one rating item); cancels its node while the item <paramref name="stopAt"/> is processed.</summary>
    private sealed class StoppedAt(string stopAt, CancellationTokenSource stop) : IJobHandler
    {
        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(job.Index == 0 ? ["usage-1"] : ["account-1", "account-2", "account-3", "account-4"]);

        public async ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            if (item.Key == stopAt)
            {
                await stop.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return null;
        }
    }

    private sealed class NeverRuns : ISyncRecordHandler
    {
        public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the crashed node never ran a record");
    }
}
