using Aria.Billing.Jobs;
using Aria.Billing.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aria.Billing.Jobs.Tests.Runs;

// Executing a run: a job's items exist before it is seen Running, and only the execution that moves a job out of New starts
// it (compare-and-swap), whatever another execution does meanwhile.
public sealed class RunExecutorTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private readonly FakeClock _clock = FakeClock.AtUtc(Day);
    private readonly RecordingRunStore _store = new();
    private readonly HookedHandler _handler = new();

    [Fact]
    public async Task ExecuteAsync_UnknownRun_IsRunNotFound()
    {
        var result = await Executor().ExecuteAsync(RunFixture.Client, Guid.NewGuid(), default);

        Assert.True(result.HasError(JobErrorCodes.RunNotFound));
    }

    [Fact]
    public async Task ExecuteAsync_NewJob_HasAllItsItemsBeforeItIsSeenRunning()
    {
        var run = await CreateRunAsync();

        var done = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal(BatchStatus.Ok, done.Status);
        Assert.Equal(5, _store.Updates.First(u => u.Run.Jobs[0].Status == BatchStatus.Running).ItemsPerJob[0]);
        Assert.Equal(4, _store.Updates.First(u => u.Run.Jobs[2].Status == BatchStatus.Running).ItemsPerJob[2]);
    }

    [Fact]
    public async Task ExecuteAsync_AnotherExecutionEndsTheJobWhileThisOneProduces_KeepsThatEndingAndMovesOn()
    {
        var run = await CreateRunAsync();
        _handler.BeforeProduce = job => job.Index == 0 ? SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Ok, Attempts = 1 }) : Task.CompletedTask;

        var done = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Ok], done.Jobs.Select(j => j.Status));
        Assert.Equal(1, done.Jobs[0].Attempts);
        Assert.DoesNotContain(_handler.Inner.Processed.Keys, k => k.StartsWith(JobTypes.UsageRating, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_ProducerFailsAfterAnotherExecutionStartedTheJob_LeavesTheJobToIt()
    {
        var run = await CreateRunAsync();
        _handler.BeforeProduce = async job =>
        {
            await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Running, Attempts = 1 });
            throw new InvalidOperationException("the rating engine is unreachable");
        };

        var result = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal((BatchStatus.Running, null, 1), (result.Jobs[0].Status, result.Jobs[0].Error, result.Jobs[0].Attempts));
        Assert.Equal([BatchStatus.New, BatchStatus.New], result.Jobs.Skip(1).Select(j => j.Status));
    }

    [Fact]
    public async Task ExecuteAsync_JobFoundRunning_HelpsWithItsItems_WithoutProducingOrCountingAnAttempt()
    {
        var run = await CreateRunAsync();
        await _store.AddWorkItemsAsync(run.Id, 0, ["usage-rating-1", "usage-rating-2"]);
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Running, Attempts = 1 });

        var done = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal((BatchStatus.Ok, 1), (done.Jobs[0].Status, done.Jobs[0].Attempts));
        Assert.DoesNotContain(0, _handler.Produced);
        Assert.Equal(2, _handler.Inner.Processed.Keys.Count(k => k.StartsWith(JobTypes.UsageRating, StringComparison.Ordinal)));
    }

    private RunExecutor Executor()
    {
        var options = new JobRunnerOptions { WorkerId = "node-a", Workers = 2 };
        var handlers = new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = _handler, [JobTypes.SyncTransactions] = _handler, [JobTypes.Billing] = _handler };
        return new RunExecutor(_store, handlers, _clock, new RunWriter(_store, _clock), new WorkItemWorkers(_store, _clock, options, NullLogger.Instance), NullLogger.Instance);
    }

    private Task<ScheduleRun> CreateRunAsync() => new RunCreator(_store, _clock).CreateRunAsync(RunFixture.Daily, Day, "manual", default);

    /// <summary>What another execution or an operator does to a job meanwhile.</summary>
    private async Task SetJobAsync(Guid runId, int index, Func<JobRun, JobRun> change)
    {
        var run = (await _store.GetRunAsync(RunFixture.Client, runId))!;
        await new RunWriter(_store, _clock).SaveJobAsync(run, change(run.Jobs[index]), default);
    }

    private sealed class HookedHandler : IJobHandler
    {
        public RunFixture.ScriptedHandler Inner { get; } = new();

        public Func<JobRun, Task>? BeforeProduce { get; set; }

        public List<int> Produced { get; } = [];

        public async ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default)
        {
            Produced.Add(job.Index);
            if (BeforeProduce is { } hook)
            {
                await hook(job);
            }

            return await Inner.ProduceWorkItemsAsync(run, job, cancellationToken);
        }

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default) =>
            Inner.ProcessAsync(run, job, item, cancellationToken);
    }
}
