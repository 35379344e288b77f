using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Runs;

// A run's statistics: one row per job, in order, its items counted by state.
public sealed class RunStatisticsReaderTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private readonly FakeClock _clock = FakeClock.AtUtc(Day);
    private readonly InMemoryJobRunStore _store = new();

    [Fact]
    public async Task StatisticsAsync_UnknownRun_IsRunNotFound()
    {
        Assert.True((await new RunStatisticsReader(_store).StatisticsAsync(RunFixture.Client, Guid.NewGuid(), default)).HasError(JobErrorCodes.RunNotFound));
    }

    [Fact]
    public async Task StatisticsAsync_ItemsInEveryState_AreCountedByState()
    {
        var run = await new RunCreator(_store, _clock).CreateRunAsync(RunFixture.Daily, Day, "manual", default);
        await _store.AddWorkItemsAsync(run.Id, 2, ["a", "b", "c", "d"]);
        var now = _clock.GetCurrentInstant();
        var claimed = await _store.ClaimWorkItemsAsync(run.Id, 2, "node-a", now, now + Duration.FromMinutes(5), 3);
        await _store.CompleteWorkItemAsync(claimed[0].Id, "node-a", now, null);
        await _store.CompleteWorkItemAsync(claimed[1].Id, "node-a", now, "no bill-to contact");

        var statistics = (await new RunStatisticsReader(_store).StatisticsAsync(RunFixture.Client, run.Id, default)).Value;

        Assert.Equal([0, 1, 2], statistics.Select(s => s.Index));
        Assert.Equal((1, 1, 1, 1), (statistics[2].Pending, statistics[2].Running, statistics[2].Completed, statistics[2].Failed));
        Assert.Equal((0, 0, 0, 0), (statistics[0].Pending, statistics[0].Running, statistics[0].Completed, statistics[0].Failed));
    }
}
