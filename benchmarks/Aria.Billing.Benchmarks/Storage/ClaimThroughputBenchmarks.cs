using System.Collections.Specialized;
using Aria.Billing.Benchmarks.Support;
using Aria.Billing.Jobs;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using Quartz;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// Claim-and-complete throughput on one PostgreSQL server: the job runner with 4 workers and a no-op handler working
/// 2,000 work items of a run (produced, claimed in batches with SKIP LOCKED under a lease, completed), beside Quartz.NET's
/// ADO job store (PostgreSQL delegate, 4 threads, otherwise default settings) scheduling and running 2,000 one-off no-op
/// jobs. The runner on SQLite is shown too. Per item; throughput = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 3)]
public class ClaimThroughputBenchmarks
{
    private const int Items = 2_000;
    private static readonly ClientNumber Client = new(1000);
    private readonly string[] _keys = Enumerable.Range(0, Items).Select(i => $"instance-{i}").ToArray();
    private IJobRunStore _postgres = null!;
    private IJobRunStore _sqlite = null!;
    private IScheduler _quartz = null!;
    private int _iteration;

    /// <summary>Fresh schemas (ours, and Quartz's which it provisions itself) and a started Quartz scheduler.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _postgres = BenchDatabases.Postgres(BenchDatabases.PostgresSchema("bench_claims", fresh: true)).JobRuns;
        _sqlite = BenchDatabases.Sqlite(BenchDatabases.SqlitePath("claims"), fresh: true).JobRuns;
        var quartzSchema = BenchDatabases.PostgresSchema("bench_quartz", fresh: true);
        _quartz = QuartzSchedulerBuilder.Create().UseProperties(new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = "aria-bench",
            ["quartz.scheduler.instanceId"] = "node-1",
            ["quartz.threadPool.maxConcurrency"] = "4",
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz",
            ["quartz.jobStore.tablePrefix"] = "qrtz_",
            ["quartz.jobStore.schemaProvisioning"] = "CreateIfMissing",
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.jobStore.dataSource"] = "default",
            ["quartz.dataSource.default.connectionString"] = quartzSchema,
            ["quartz.dataSource.default.provider"] = "Npgsql",
            ["quartz.serializer.type"] = "stj",
        }).BuildScheduler().GetAwaiter().GetResult();
        _quartz.Start().GetAwaiter().GetResult();
    }

    /// <summary>Stops Quartz.</summary>
    [GlobalCleanup]
    public void Cleanup() => _quartz.Shutdown(waitForJobsToComplete: true).GetAwaiter().GetResult();

    /// <summary>A new run date (so a new run) for each iteration.</summary>
    [IterationSetup(Targets = [nameof(RunnerPostgreSql), nameof(RunnerSqlite)])]
    public void NewRun() => _iteration++;

    /// <summary>Resets the completion counter for Quartz.</summary>
    [IterationSetup(Target = nameof(QuartzAdoJobStorePostgreSql))]
    public void NewQuartzRound()
    {
        _iteration++;
        NoOpJob.Reset(Items);
    }

    /// <summary>Quartz.NET: schedule 2,000 one-off no-op jobs and wait until all ran.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public async Task QuartzAdoJobStorePostgreSql()
    {
        for (var i = 0; i < Items; i++)
        {
            var name = $"{_iteration}-{i}";
            await _quartz.ScheduleJob(JobBuilder.Create<NoOpJob>().WithIdentity(name).Build(), TriggerBuilder.Create().WithIdentity(name).StartNow().Build());
        }

        await NoOpJob.AllDone;
    }

    /// <summary>The job runner on PostgreSQL, 4 workers.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public Task<BatchStatus> RunnerPostgreSql() => Execute(_postgres);

    /// <summary>The job runner on SQLite, 4 workers.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public Task<BatchStatus> RunnerSqlite() => Execute(_sqlite);

    private async Task<BatchStatus> Execute(IJobRunStore store)
    {
        var runner = BenchJobs.Runner(store, _keys, 4);
        var run = await runner.CreateRunAsync(BenchJobs.DailyBilling(Client), new LocalDate(2020, 1, 1).PlusDays(_iteration));
        var status = (await runner.ExecuteAsync(Client, run.Id)).Value.Status;
        return status == BatchStatus.Ok ? status : throw new InvalidOperationException($"The run ended {status}.");
    }

    /// <summary>The no-op Quartz job, counting completions.</summary>
    public sealed class NoOpJob : IJob
    {
        private static int s_remaining;
        private static TaskCompletionSource s_done = new();

        /// <summary>Completes when every job of the round ran.</summary>
        public static Task AllDone => s_done.Task;

        /// <summary>Starts a round of <paramref name="count"/> jobs.</summary>
        public static void Reset(int count)
        {
            s_remaining = count;
            s_done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        /// <inheritdoc />
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Decrement(ref s_remaining) == 0)
            {
                s_done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }
}
