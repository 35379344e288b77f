using Aria.Billing.Jobs;
using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Jobs.Tests.Runs;

// Issue #15 item 5: the shared background capacity is bounded — a run's work items and a schedule's jobs have documented
// limits (JobRunnerOptions), refused with a code above them. spec: job-schedule-management.txt, "Job Schedule Execution".
public sealed class WorkLimitTests
{
    private static readonly ClientNumber Client = RunFixture.Client;
    private static readonly LocalDate Day = new(2025, 4, 27);

    [Fact]
    public async Task Execute_RunOverMaxWorkItemsPerRun_FailsTheCrossingJobWithTheCode_AddsNoItems_LaterJobsWarn()
    {
        // usage rating makes 5 items, sync transactions 0, billing 4: 9 in all, over a limit of 8 at the billing job.
        var f = new RunFixture(new JobRunnerOptions { WorkerId = "node-a", Workers = 2, MaxWorkItemsPerRun = 8 });
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);

        var done = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Error], done.Jobs.Select(j => j.Status));
        Assert.StartsWith(JobErrorCodes.TooManyWorkItems.Value, done.Jobs[2].Error, StringComparison.Ordinal);
        Assert.Empty(await f.Store.ListWorkItemsAsync(run.Id, 2));
        Assert.Equal(5, f.Handler.Processed.Count);
    }

    [Fact]
    public async Task Execute_RunAtMaxWorkItemsPerRun_EndsOk()
    {
        var f = new RunFixture(new JobRunnerOptions { WorkerId = "node-a", Workers = 2, MaxWorkItemsPerRun = 9 });
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);

        var done = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Ok], done.Jobs.Select(j => j.Status));
    }

    [Fact]
    public async Task Save_ScheduleOverMaxJobsPerSchedule_IsRefusedWithTooManyJobs_AtTheLimitIsSaved()
    {
        var registry = new JobScheduleRegistry(new InMemoryJobScheduleStore(), new Aria.Billing.Testing.FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)),
            DateTimeZoneProviders.Tzdb, options: new JobRunnerOptions { MaxJobsPerSchedule = 3 });
        var three = JobScheduleStoreConformance.Definition("daily", null, Client, JobTypes.UsageRating, JobTypes.SyncTransactions, JobTypes.Billing);
        var four = three with { Jobs = [.. three.Jobs, new JobDefinition("Billing again", JobTypes.Billing)] };

        var refused = await registry.SaveAsync(four, "ops");

        Assert.True(refused.HasError(JobErrorCodes.TooManyJobs));
        Assert.True((await registry.SaveAsync(three, "ops")).IsSuccess);
    }

    [Fact]
    public void Options_LimitsOutOfRange_AreRefusedOnStart()
    {
        Assert.Equal(50, new JobRunnerOptions().MaxJobsPerSchedule);
        Assert.Equal(100_000, new JobRunnerOptions().MaxWorkItemsPerRun);
        Assert.Throws<ArgumentException>(() => new RunFixture(new JobRunnerOptions { MaxWorkItemsPerRun = 0 }));
        Assert.Throws<ArgumentException>(() => new RunFixture(new JobRunnerOptions { MaxJobsPerSchedule = 1_001 }));
    }
}
