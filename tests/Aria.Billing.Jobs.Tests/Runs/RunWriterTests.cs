using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Runs;

// The compare-and-swap every change of a job goes through: a change decides on the job as stored, never on a stale copy.
public sealed class RunWriterTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private readonly FakeClock _clock = FakeClock.AtUtc(Day);
    private readonly RecordingRunStore _store = new();

    [Fact]
    public async Task UpdateJobAsync_ChangeDeclines_LeavesTheRunUnwritten()
    {
        var run = await CreateRunAsync();

        var same = await new RunWriter(_store, _clock).UpdateJobAsync(run, 0, _ => null, default);

        Assert.Same(run, same);
        Assert.Empty(_store.Updates);
    }

    [Fact]
    public async Task UpdateJobAsync_RunChangedSinceItWasRead_DecidesAgainOnTheStoredJob()
    {
        var stale = await CreateRunAsync();
        var other = (await _store.UpdateRunAsync(stale with { Jobs = [stale.Jobs[0] with { Status = BatchStatus.Running, Attempts = 1 }, .. stale.Jobs.Skip(1)], Status = BatchStatus.Running }, stale.Version))!;
        var seen = new List<BatchStatus>();

        var result = await new RunWriter(_store, _clock).UpdateJobAsync(stale, 0, j =>
        {
            seen.Add(j.Status);
            return j.Status == BatchStatus.New ? j with { Status = BatchStatus.Running, Attempts = j.Attempts + 1 } : null;
        }, default);

        Assert.Equal([BatchStatus.New, BatchStatus.Running], seen);
        Assert.Equal(other, result);
        Assert.Equal(1, result.Jobs[0].Attempts); // the attempt is counted once, by the execution that won
    }

    [Fact]
    public async Task UpdateJobAsync_LastJobEnds_RollsTheRunUpAndStampsItsEnd()
    {
        var run = await CreateRunAsync();
        var writer = new RunWriter(_store, _clock);

        run = await writer.SaveJobAsync(run, run.Jobs[0] with { Status = BatchStatus.Ok }, default);
        Assert.Equal((BatchStatus.Running, (Instant?)null), (run.Status, run.FinishedAt)); // jobs still to run

        _clock.Advance(Duration.FromMinutes(7));
        run = await writer.SaveJobAsync(run, run.Jobs[1] with { Status = BatchStatus.Ok }, default);
        run = await writer.SaveJobAsync(run, run.Jobs[2] with { Status = BatchStatus.Partial }, default);

        Assert.Equal((BatchStatus.Partial, (Instant?)_clock.GetCurrentInstant()), (run.Status, run.FinishedAt));
        Assert.Equal(run, await _store.GetRunAsync(RunFixture.Client, run.Id));
    }

    [Fact]
    public async Task UpdateJobAsync_RunKeepsChanging_GivesUpAfterTwelveTries()
    {
        var run = await CreateRunAsync();
        _store.RefuseUpdates = true;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new RunWriter(_store, _clock).SaveJobAsync(run, run.Jobs[0] with { Status = BatchStatus.Ok }, default));

        Assert.Contains("keeps changing", error.Message, StringComparison.Ordinal);
        Assert.Equal(12, _store.Updates.Count);
    }

    [Fact]
    public async Task UpdateJobAsync_RunDisappears_Throws()
    {
        var run = await CreateRunAsync();
        _store.RefuseUpdates = true;
        _store.LoseRuns = true;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new RunWriter(_store, _clock).SaveJobAsync(run, run.Jobs[0] with { Status = BatchStatus.Ok }, default));

        Assert.Contains("disappeared", error.Message, StringComparison.Ordinal);
    }

    private Task<ScheduleRun> CreateRunAsync() => new RunCreator(_store, _clock).CreateRunAsync(RunFixture.Daily, Day, "manual", default);
}
