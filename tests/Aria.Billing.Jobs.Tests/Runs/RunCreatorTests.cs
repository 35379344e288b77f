using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Runs;

// Creating and triggering runs: the schedule's jobs in order, all New; one run per schedule and date.
public sealed class RunCreatorTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private readonly FakeClock _clock = FakeClock.AtUtc(Day);
    private readonly InMemoryJobRunStore _store = new();

    [Fact]
    public async Task CreateRunAsync_NewRun_HasTheScheduleJobsInOrder_AllNew()
    {
        var run = await new RunCreator(_store, _clock).CreateRunAsync(RunFixture.Daily, Day, "manual", default);

        Assert.Equal([0, 1, 2], run.Jobs.Select(j => j.Index));
        Assert.Equal(RunFixture.Daily.Jobs.Select(j => (j.Name, j.JobType)), run.Jobs.Select(j => (j.Name, j.JobType)));
        Assert.All(run.Jobs, j => Assert.Equal((BatchStatus.New, 0, (Instant?)null), (j.Status, j.Attempts, j.StartedAt)));
        Assert.Equal((RunFixture.Client, "daily", Day, "manual", _clock.GetCurrentInstant()), (run.Client, run.Schedule, run.RunDate, run.StartedBy, run.CreatedAt));
        Assert.Equal(BatchStatus.New, run.Status);
    }

    [Fact]
    public async Task CreateRunAsync_SameScheduleAndDate_ReturnsTheFirstRun()
    {
        var creator = new RunCreator(_store, _clock);
        var first = await creator.CreateRunAsync(RunFixture.Daily, Day, "automatic", default);

        _clock.Advance(Duration.FromHours(1));
        var again = await creator.CreateRunAsync(RunFixture.Daily, Day, "manual", default);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task CreateRunAsync_RunDateOutsideTheBusinessDates_ThrowsAndStoresNothing()
    {
        // Issue #15 item 3: the host refuses such a date with 1024 before it gets here; a caller that skips the check gets
        // an argument exception, never a run stored for 9999-12-31.
        var creator = new RunCreator(_store, _clock);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => creator.CreateRunAsync(RunFixture.Daily, BusinessDates.Latest.PlusDays(1), "manual", default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => creator.TriggerAsync(RunFixture.Daily, LocalDate.MinIsoValue, "key-1", default));
        Assert.Equal(BusinessDates.Latest, (await creator.CreateRunAsync(RunFixture.Daily, BusinessDates.Latest, "manual", default)).RunDate);
        Assert.Single(await _store.SearchRunsAsync(new RunSearch(RunFixture.Client, BusinessDates.Latest.PlusDays(-6), BusinessDates.Latest), default));
    }

    [Fact]
    public async Task CreateRunAsync_NoSchedule_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => new RunCreator(_store, _clock).CreateRunAsync(null!, Day, "manual", default));
    }

    [Fact]
    public async Task TriggerAsync_Key_IsRecordedAsTheStarter()
    {
        var run = await new RunCreator(_store, _clock).TriggerAsync(RunFixture.Daily, Day, "core-7", default);

        Assert.Equal("trigger:core-7", run.StartedBy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TriggerAsync_NoKey_ThrowsAtOnce(string? key)
    {
        var creator = new RunCreator(_store, _clock);

        Assert.ThrowsAny<ArgumentException>(() => { _ = creator.TriggerAsync(RunFixture.Daily, Day, key!, default); });
    }
}
