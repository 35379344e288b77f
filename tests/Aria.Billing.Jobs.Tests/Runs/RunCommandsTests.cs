using Aria.Billing.Jobs;
using Aria.Billing.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aria.Billing.Jobs.Tests.Runs;

// The operator's commands: which jobs each one touches and what it leaves as it was.
public sealed class RunCommandsTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private readonly FakeClock _clock = FakeClock.AtUtc(Day);
    private readonly InMemoryJobRunStore _store = new();
    private readonly RunFixture.ScriptedHandler _handler = new();

    [Fact]
    public async Task ReprocessJobAsync_JobIndexOutsideTheRun_IsRunNotFoundNamingTheJob()
    {
        var run = await CreateRunAsync();

        var result = await Commands().ReprocessJobAsync(RunFixture.Client, run.Id, 3, default);

        Assert.True(result.HasError(JobErrorCodes.RunNotFound));
        Assert.Contains("with job 3", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.True((await Commands().ReprocessJobAsync(RunFixture.Client, run.Id, -1, default)).HasError(JobErrorCodes.RunNotFound));
    }

    [Fact]
    public async Task ReprocessScheduleAsync_InterruptedJob_RunsAgainToTheEnd()
    {
        var run = await CreateRunAsync();
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Incomplete, Condition = JobCondition.Interrupted });

        var done = (await Commands().ReprocessScheduleAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Ok], done.Jobs.Select(j => j.Status));
        Assert.Equal(JobCondition.None, done.Jobs[0].Condition);
    }

    [Fact]
    public async Task ReprocessScheduleAsync_UnknownRun_IsRunNotFound()
    {
        Assert.True((await Commands().ReprocessScheduleAsync(RunFixture.Client, Guid.NewGuid(), default)).HasError(JobErrorCodes.RunNotFound));
    }

    [Fact]
    public async Task ResetAsync_ClearsErrorsConditionsAndEnds()
    {
        _handler.FailingProducers[JobTypes.SyncTransactions] = true;
        var run = await CreateRunAsync();
        var failed = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;
        Assert.Equal([BatchStatus.Ok, BatchStatus.Error, BatchStatus.Warning], failed.Jobs.Select(j => j.Status));

        var reset = (await Commands().ResetAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.All(reset.Jobs, j => Assert.Equal((BatchStatus.New, JobCondition.None, (string?)null, (Instant?)null), (j.Status, j.Condition, j.Error, j.FinishedAt)));
        Assert.Equal((BatchStatus.New, (Instant?)null), (reset.Status, reset.FinishedAt));
        Assert.Equal([1, 1, 0], reset.Jobs.Select(j => j.Attempts)); // earlier attempts are kept
    }

    [Fact]
    public async Task SuspendAsync_SuspendsOnlyJobsThatHaveNotEnded()
    {
        var run = await CreateRunAsync();
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Ok });
        await SetJobAsync(run.Id, 1, j => j with { Status = BatchStatus.Running });

        var suspended = (await Commands().SuspendAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Suspended, BatchStatus.Suspended], suspended.Jobs.Select(j => j.Status));
        Assert.Equal([JobCondition.None, JobCondition.Suspended, JobCondition.Suspended], suspended.Jobs.Select(j => j.Condition));
        Assert.Equal(BatchStatus.Suspended, suspended.Status);
    }

    [Fact]
    public async Task SuspendAsync_InterruptedJob_IsSuspendedToo_SoNoExecutionResumesIt()
    {
        // An Incomplete job is resumed by the next execution (DESIGN §4): suspending the run must hold it as well.
        var run = await CreateRunAsync();
        await _store.AddWorkItemsAsync(run.Id, 0, ["usage-rating-1"]);
        await SetJobAsync(run.Id, 0, j => j with { Status = BatchStatus.Incomplete, Condition = JobCondition.Interrupted, Attempts = 1 });

        var suspended = (await Commands().SuspendAsync(RunFixture.Client, run.Id, default)).Value;
        var executed = (await Executor().ExecuteAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([BatchStatus.Suspended, BatchStatus.Suspended, BatchStatus.Suspended], suspended.Jobs.Select(j => j.Status));
        Assert.Equal(BatchStatus.Suspended, executed.Status);
        Assert.Empty(_handler.Processed);
    }

    [Fact]
    public async Task SuspendAsync_UnknownRun_IsRunNotFound()
    {
        Assert.True((await Commands().SuspendAsync(RunFixture.Client, Guid.NewGuid(), default)).HasError(JobErrorCodes.RunNotFound));
    }

    private RunExecutor Executor()
    {
        var options = new JobRunnerOptions { WorkerId = "node-a", Workers = 1 };
        var handlers = new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = _handler, [JobTypes.SyncTransactions] = _handler, [JobTypes.Billing] = _handler };
        return new RunExecutor(_store, handlers, _clock, new RunWriter(_store, _clock), new WorkItemWorkers(_store, _clock, options, NullLogger.Instance), NullLogger.Instance);
    }

    private RunCommands Commands() => new(_store, new RunWriter(_store, _clock), Executor());

    private Task<ScheduleRun> CreateRunAsync() => new RunCreator(_store, _clock).CreateRunAsync(RunFixture.Daily, Day, "manual", default);

    private async Task SetJobAsync(Guid runId, int index, Func<JobRun, JobRun> change)
    {
        var run = (await _store.GetRunAsync(RunFixture.Client, runId))!;
        await new RunWriter(_store, _clock).SaveJobAsync(run, change(run.Jobs[index]), default);
    }
}
