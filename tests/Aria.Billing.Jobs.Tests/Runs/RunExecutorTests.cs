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

    // Jobs run strictly in sequence (DESIGN §4: "a job that is not Ok or Partial holds back the later ones"; spec
    // job-schedule-management.txt: the daily sequence is rating, then sync transactions, then billing "to ensure correct
    // rating synchronization"; batch-process-audit-log.txt: 3 Incomplete "manually interrupted", 6 Warning "did not run due
    // to an 'Error' status on a dependent batch", 7 Suspended "suspended manually").

    [Fact]
    public async Task ExecuteAsync_InterruptedMidRatingThenExecutedAgain_ResumesRatingFirstThenSyncThenBilling_EachItemOnce()
    {
        _handler.Inner.Items[JobTypes.SyncTransactions] = 3;
        var run = await CreateRunAsync();
        using var interrupt = new CancellationTokenSource();
        _handler.BeforeProcess = (_, item) =>
        {
            if (item.Key == "usage-rating-3" && !interrupt.IsCancellationRequested)
            {
                interrupt.Cancel(); // a host shutting down while the third usage batch is being rated
                throw new OperationCanceledException(interrupt.Token);
            }

            return Task.CompletedTask;
        };

        var interrupted = (await Executor(workers: 1, claimBatch: 2).ExecuteAsync(RunFixture.Client, run.Id, interrupt.Token)).Value;

        Assert.Equal([BatchStatus.Incomplete, BatchStatus.New, BatchStatus.New], interrupted.Jobs.Select(j => j.Status));
        Assert.Equal((JobCondition.Interrupted, BatchStatus.Incomplete), (interrupted.Jobs[0].Condition, interrupted.Status));
        Assert.Equal(["usage-rating-1", "usage-rating-2"], _handler.Inner.Processed.Keys.Order());
        Assert.DoesNotContain(1, _handler.Produced);

        // Executed again at once: the interrupted worker gave its leases back, so nothing waits for them to run out.
        var done = (await Executor(workers: 1, claimBatch: 2).ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Ok], done.Jobs.Select(j => j.Status));
        Assert.Equal((BatchStatus.Ok, JobCondition.None), (done.Status, done.Jobs[0].Condition));
        Assert.Equal([2, 1, 1], done.Jobs.Select(j => j.Attempts)); // the resume is the rating job's second attempt
        Assert.Equal(12, _handler.Inner.Processed.Count);
        Assert.All(_handler.Inner.Processed.Values, n => Assert.Equal(1, n));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2], _handler.Inner.Order);
        var rating = (await _store.ListWorkItemsAsync(run.Id, 0)).ToDictionary(i => i.Key, i => (i.State, i.Attempts));
        Assert.Equal((WorkItemState.Completed, 1), rating["usage-rating-1"]);
        Assert.Equal((WorkItemState.Completed, 2), rating["usage-rating-3"]); // caught in its handler: taken again
        Assert.Equal((WorkItemState.Completed, 2), rating["usage-rating-4"]); // claimed in the same batch, given back
        Assert.Equal((WorkItemState.Completed, 1), rating["usage-rating-5"]);
        Assert.Equal(1, _handler.Produced.Count(j => j == 0)); // resuming does not produce the items again
    }

    [Fact]
    public async Task ExecuteAsync_InterruptedJobWithItemsLeasedByADeadNode_TakesThemOnlyOnceTheLeaseRunsOut_BeforeAnyLaterJob()
    {
        var run = await CreateRunAsync();
        await _store.AddWorkItemsAsync(run.Id, 0, Enumerable.Range(1, 5).Select(i => $"usage-rating-{i}"));
        var now = _clock.GetCurrentInstant();
        var held = await _store.ClaimWorkItemsAsync(run.Id, 0, "node-dead", now, now + Duration.FromMinutes(5), 2); // died without giving them back
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Incomplete, Condition = JobCondition.Interrupted, Attempts = 1 });

        var first = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Running, BatchStatus.New, BatchStatus.New], first.Jobs.Select(j => j.Status));
        Assert.Equal(BatchStatus.Running, first.Status);
        Assert.Equal(3, _handler.Inner.Processed.Count);
        Assert.DoesNotContain(held[0].Key, _handler.Inner.Processed.Keys);
        Assert.DoesNotContain(2, _handler.Produced); // billing waits for every rating item

        _clock.Advance(Duration.FromMinutes(6));
        var done = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Ok], done.Jobs.Select(j => j.Status));
        Assert.Equal(2, done.Jobs[0].Attempts);
        Assert.Equal(9, _handler.Inner.Processed.Count);
        Assert.All(_handler.Inner.Processed.Values, n => Assert.Equal(1, n));
        Assert.True(_handler.Inner.Order.ToArray().Zip(_handler.Inner.Order.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public async Task ExecuteAsync_SuspendedJob_HoldsBackTheLaterJobs_WithoutRunningIt()
    {
        _handler.Inner.Items[JobTypes.SyncTransactions] = 3;
        var run = await CreateRunAsync();
        await SetJobAsync(run.Id, 1, j => j with { Status = BatchStatus.Suspended, Condition = JobCondition.Suspended });

        var result = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Suspended, BatchStatus.New], result.Jobs.Select(j => j.Status));
        Assert.Equal(BatchStatus.Suspended, result.Status);
        Assert.Equal([0], _handler.Produced);
        Assert.All(_handler.Inner.Processed.Keys, k => Assert.StartsWith(JobTypes.UsageRating, k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_SuspendedJobWithPendingItems_IsNotResumed()
    {
        var run = await CreateRunAsync();
        await _store.AddWorkItemsAsync(run.Id, 0, ["usage-rating-1", "usage-rating-2"]);
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Suspended, Condition = JobCondition.Suspended, Attempts = 1 });

        var result = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Suspended, BatchStatus.New, BatchStatus.New], result.Jobs.Select(j => j.Status));
        Assert.Equal((BatchStatus.Suspended, 1), (result.Status, result.Jobs[0].Attempts));
        Assert.Empty(_handler.Inner.Processed);
        Assert.Empty(_handler.Produced);
    }

    [Fact]
    public async Task ExecuteAsync_WarningJob_HoldsBackTheLaterJobs()
    {
        var run = await CreateRunAsync();
        await SetJobAsync(run.Id, 1, j => j with { Status = BatchStatus.Warning, Condition = JobCondition.DependencyErrored });

        var result = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Warning, BatchStatus.New], result.Jobs.Select(j => j.Status));
        Assert.Equal(BatchStatus.Warning, result.Status);
        Assert.DoesNotContain(2, _handler.Produced);
    }

    [Fact]
    public async Task ExecuteAsync_ErroredJob_EndsTheLaterJobsInWarning_ExceptASuspendedOne()
    {
        var schedule = RunFixture.Daily with { Jobs = [.. RunFixture.Daily.Jobs, new JobDefinition("Statements", JobTypes.Billing)] };
        var run = await new RunCreator(_store, _clock).CreateRunAsync(schedule, Day, "manual", default);
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Error, Condition = JobCondition.Errored, Error = "the rating engine is unreachable" });
        await SetJobAsync(run.Id, 2, j => j with { Status = BatchStatus.Suspended, Condition = JobCondition.Suspended });

        var result = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Error, BatchStatus.Warning, BatchStatus.Suspended, BatchStatus.Warning], result.Jobs.Select(j => j.Status));
        Assert.Equal(JobCondition.DependencyErrored, result.Jobs[1].Condition);
        Assert.Equal(BatchStatus.Error, result.Status);
        Assert.Empty(_handler.Produced);
    }

    [Fact]
    public async Task ExecuteAsync_InterruptedAfterAnotherExecutionEndedTheJob_KeepsThatEnding_AndStartsNothingMore()
    {
        var run = await CreateRunAsync();
        using var interrupt = new CancellationTokenSource();
        _handler.BeforeProcess = async (_, _) =>
        {
            await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Ok });
            await interrupt.CancelAsync();
            throw new OperationCanceledException(interrupt.Token);
        };

        var result = (await Executor(workers: 1, claimBatch: 1).ExecuteAsync(RunFixture.Client, run.Id, interrupt.Token)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.New, BatchStatus.New], result.Jobs.Select(j => j.Status));
        Assert.Equal([0], _handler.Produced);
    }

    [Fact]
    public async Task ExecuteAsync_IncompleteJobAnotherExecutionHasResumed_HelpsWithoutCountingAnAttempt()
    {
        var run = await CreateRunAsync();
        await _store.AddWorkItemsAsync(run.Id, 0, ["usage-rating-1", "usage-rating-2"]);
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Incomplete, Condition = JobCondition.Interrupted, Attempts = 1 });
        _store.BeforeUpdate = async () =>
        {
            _store.BeforeUpdate = null; // another node moves it out of Incomplete just before this one does
            await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Running, Condition = JobCondition.None, Attempts = 2 });
        };

        var done = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal((BatchStatus.Ok, 2), (done.Jobs[0].Status, done.Jobs[0].Attempts));
        Assert.Equal(BatchStatus.Ok, done.Status);
    }

    private RunExecutor Executor(int workers = 2, int claimBatch = 50)
    {
        var options = new JobRunnerOptions { WorkerId = "node-a", Workers = workers, ClaimBatch = claimBatch };
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

        public Func<JobRun, WorkItem, Task>? BeforeProcess { get; set; }

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

        public async ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            if (BeforeProcess is { } hook)
            {
                await hook(job, item);
            }

            return await Inner.ProcessAsync(run, job, item, cancellationToken);
        }
    }
}
