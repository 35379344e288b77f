using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Runs;

// The core system's gate: Proceed only after Ok; any other ending, or no run, needs a person; only the timeout says StillRunning.
public sealed class RunGateTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);
    private readonly FakeClock _clock = FakeClock.AtUtc(Day);
    private readonly InMemoryJobRunStore _store = new();

    [Fact]
    public async Task PollAsync_UnknownRun_IsRunNotFound()
    {
        Assert.True((await new RunGate(_store, TimeProvider.System).PollAsync(RunFixture.Client, Guid.NewGuid(), default)).HasError(JobErrorCodes.RunNotFound));
    }

    [Fact]
    public async Task WaitForCompletionAsync_UnknownRun_NeedsHumanIntervention()
    {
        var decision = await new RunGate(_store, TimeProvider.System).WaitForCompletionAsync(RunFixture.Client, Guid.NewGuid(), Interval, TimeSpan.FromSeconds(5), default);

        Assert.Equal(GateDecision.NeedsHumanIntervention, decision);
    }

    [Theory]
    [InlineData(BatchStatus.Error)]
    [InlineData(BatchStatus.Incomplete)]
    [InlineData(BatchStatus.Suspended)]
    [InlineData(BatchStatus.Warning)]
    public async Task WaitForCompletionAsync_RunEndedOtherThanOk_NeedsHumanIntervention(BatchStatus ending)
    {
        var run = await CreateRunAsync();
        await EndAsync(run, ending);

        var decision = await new RunGate(_store, TimeProvider.System).WaitForCompletionAsync(RunFixture.Client, run.Id, Interval, TimeSpan.FromSeconds(5), default);

        Assert.Equal(GateDecision.NeedsHumanIntervention, decision);
    }

    [Fact]
    public async Task WaitForCompletionAsync_RunEndsOkWhileWaiting_Proceeds()
    {
        var run = await CreateRunAsync();
        var waiting = new RunGate(_store, TimeProvider.System).WaitForCompletionAsync(RunFixture.Client, run.Id, Interval, TimeSpan.FromSeconds(30), default);

        await EndAsync(run, BatchStatus.Ok);

        Assert.Equal(GateDecision.Proceed, await waiting);
    }

    [Fact]
    public async Task WaitForCompletionAsync_CallerCancels_ThrowsRatherThanAnsweringStillRunning()
    {
        var run = await CreateRunAsync();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RunGate(_store, TimeProvider.System).WaitForCompletionAsync(RunFixture.Client, run.Id, Interval, TimeSpan.FromSeconds(5), cancel.Token));
    }

    private Task<ScheduleRun> CreateRunAsync() => new RunCreator(_store, _clock).CreateRunAsync(RunFixture.Daily, Day, "manual", default);

    private async Task EndAsync(ScheduleRun run, BatchStatus ending)
    {
        var writer = new RunWriter(_store, _clock);
        run = (await _store.GetRunAsync(RunFixture.Client, run.Id))!;
        foreach (var job in run.Jobs)
        {
            run = await writer.SaveJobAsync(run, job with { Status = job.Index == 0 ? ending : BatchStatus.Ok }, default);
        }
    }
}
