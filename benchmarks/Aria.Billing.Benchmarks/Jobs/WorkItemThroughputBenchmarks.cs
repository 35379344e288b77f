using Aria.Billing.Jobs;
using Aria.Billing.Benchmarks.Support;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;

namespace Aria.Billing.Benchmarks.Jobs;

/// <summary>
/// In-memory work-item throughput: one job of 100,000 items with a no-op handler, claimed in batches of 50 under leases by
/// 1 and 4 workers, against a floor loop that calls the handler for each key of a list.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class WorkItemThroughputBenchmarks
{
    private const int Count = 100_000;
    private static readonly ClientNumber Client = new(1000);
    private static readonly NoOp Handler = new();
    private readonly string[] _keys = Enumerable.Range(0, Count).Select(i => $"acct-{i}").ToArray();
    private InMemoryJobRunStore _store = new();
    private ScheduleRun _run = null!;

    /// <summary>A fresh run for each iteration.</summary>
    [IterationSetup]
    public void Setup()
    {
        _store = new InMemoryJobRunStore();
        _run = BenchJobs.Runner(_store, [], 1).CreateRunAsync(BenchJobs.DailyBilling(Client), new LocalDate(2025, 4, 27)).GetAwaiter().GetResult();
    }

    /// <summary>The floor: call the handler for each key.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandlerLoop()
    {
        var item = new WorkItem { RunId = _run.Id, JobIndex = 0, Key = "x" };
        var job = _run.Jobs[0];
        var done = 0;
        foreach (var key in _keys)
        {
            if (Handler.ProcessAsync(_run, job, item, default).GetAwaiter().GetResult() is null)
            {
                done++;
            }
        }

        return done;
    }

    /// <summary>The runner with one worker.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public BatchStatus OneWorker() => Execute(1);

    /// <summary>The runner with four workers.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public BatchStatus FourWorkers() => Execute(4);

    private BatchStatus Execute(int workers)
    {
        var runner = BenchJobs.Runner(_store, _keys, workers);
        return runner.ExecuteAsync(Client, _run.Id).GetAwaiter().GetResult().Value.Status;
    }

    private sealed class NoOp : IJobHandler
    {
        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>([]);

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<string?>(null);
    }
}
