using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Runs;

// spec: job-schedule-management.txt ("Job Schedule Execution", reprocessing at schedule or job level, a schedule with no
// work items completes at once, the core system's trigger and poll); batch-process-audit-log.txt (codes, 7-day search).
public sealed class JobRunnerTests
{
    private static readonly ClientNumber Client = RunFixture.Client;
    private static readonly LocalDate Day = new(2025, 4, 27);

    [Fact]
    public async Task Execute_AFailingWorkItem_MakesTheJobPartial_ThenJobLevelReprocessEndsOk()
    {
        var f = new RunFixture();
        f.Handler.FailingKeys["billing-3"] = true;
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);

        var done = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Partial], done.Jobs.Select(j => j.Status));
        Assert.Equal(BatchStatus.Partial, done.Status);
        Assert.Empty(await f.Store.ListWorkItemsAsync(run.Id, 1)); // no items: completed at once

        f.Handler.FailingKeys.Clear();
        var reprocessed = (await f.Runner.ReprocessJobAsync(Client, run.Id, 2)).Value;

        Assert.Equal(BatchStatus.Ok, reprocessed.Status);
        var item = (await f.Store.ListWorkItemsAsync(run.Id, 2)).Single(i => i.Key == "billing-3");
        Assert.Equal((WorkItemState.Completed, 2), (item.State, item.Attempts));
        Assert.Equal(["account billing-3 has no bill-to contact"], item.History);
        Assert.Equal(1, f.Handler.Processed["billing-1"]); // completed items are not run again
    }

    [Fact]
    public async Task Execute_AJobThatErrors_LeavesTheNextOnesInWarning_ThenScheduleLevelReprocessEndsOk()
    {
        var f = new RunFixture();
        f.Handler.FailingProducers[JobTypes.SyncTransactions] = true;
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);

        var done = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Error, BatchStatus.Warning], done.Jobs.Select(j => j.Status));
        Assert.Equal(JobCondition.DependencyErrored, done.Jobs[2].Condition);
        Assert.Contains("unreachable", done.Jobs[1].Error, StringComparison.Ordinal);
        Assert.Equal(BatchStatus.Error, done.Status);

        f.Handler.FailingProducers.Clear();
        var reprocessed = (await f.Runner.ReprocessScheduleAsync(Client, run.Id)).Value;

        Assert.Equal([BatchStatus.Ok, BatchStatus.Ok, BatchStatus.Ok], reprocessed.Jobs.Select(j => j.Status));
        Assert.Equal(2, reprocessed.Jobs[1].Attempts);
        Assert.Equal(1, reprocessed.Jobs[0].Attempts);
    }

    [Fact]
    public async Task CreateRun_AndTrigger_AreIdempotentPerScheduleAndDate()
    {
        var f = new RunFixture();

        var first = await f.Runner.TriggerAsync(RunFixture.Daily, Day, "core-key-1");
        var retried = await f.Runner.TriggerAsync(RunFixture.Daily, Day, "core-key-1");
        var manual = await f.Runner.CreateRunAsync(RunFixture.Daily, Day, "manual");

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(first.Id, manual.Id);
        Assert.Equal("trigger:core-key-1", manual.StartedBy);
        Assert.NotEqual(first.Id, (await f.Runner.CreateRunAsync(RunFixture.Daily, Day.PlusDays(1))).Id);
    }

    [Fact]
    public async Task Gate_ProceedsOnlyAfterOk_AndAsksForAPersonOtherwise()
    {
        var f = new RunFixture();
        var ok = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);
        Assert.Equal(GateDecision.StillRunning, await f.Runner.WaitForCompletionAsync(Client, ok.Id, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(40)));
        await f.Runner.ExecuteAsync(Client, ok.Id);
        Assert.Equal(GateDecision.Proceed, await f.Runner.WaitForCompletionAsync(Client, ok.Id, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5)));

        f.Handler.FailingKeys["usage-rating-1"] = true;
        var partial = await f.Runner.CreateRunAsync(RunFixture.Daily, Day.PlusDays(1));
        await f.Runner.ExecuteAsync(Client, partial.Id);
        Assert.Equal(GateDecision.NeedsHumanIntervention, await f.Runner.WaitForCompletionAsync(Client, partial.Id, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Gate_WaitsOnTheRunnersTimeProvider_NotTheWallClock()
    {
        var f = new RunFixture();
        var time = new FakeTimeProvider();
        var runner = new JobRunner(f.Store, new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = f.Handler, [JobTypes.SyncTransactions] = f.Handler, [JobTypes.Billing] = f.Handler }, f.Clock, time: time);
        var run = await runner.CreateRunAsync(RunFixture.Daily, Day);

        var gate = runner.WaitForCompletionAsync(Client, run.Id, TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        await time.WhenWaitingAsync().WaitAsync(TimeSpan.FromSeconds(30)); // guards: each answers at once
        await runner.ExecuteAsync(Client, run.Id);
        Assert.False(gate.IsCompleted); // waiting out its hour

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(GateDecision.Proceed, await gate.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([TimeSpan.FromHours(1)], time.Delays);
    }

    [Fact]
    public async Task Interrupt_EndsTheCurrentJobIncomplete_AndSuspendSuspendsItWithWhatIsLeft()
    {
        var f = new RunFixture(new JobRunnerOptions { WorkerId = "node-a", Workers = 1, ClaimBatch = 1 });
        using var interrupt = new CancellationTokenSource();
        var handler = new InterruptingHandler(interrupt);
        var runner = new JobRunner(f.Store, new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = handler, [JobTypes.SyncTransactions] = handler, [JobTypes.Billing] = handler }, f.Clock, new JobRunnerOptions { WorkerId = "node-a", Workers = 1, ClaimBatch = 1 });
        var run = await runner.CreateRunAsync(RunFixture.Daily, Day);

        var interrupted = (await runner.ExecuteAsync(Client, run.Id, interrupt.Token)).Value;

        Assert.Equal(BatchStatus.Incomplete, interrupted.Jobs[0].Status);
        Assert.Equal(BatchStatus.Incomplete, interrupted.Status);

        // An interrupted job has not ended (the next execution would resume it), so suspending the run suspends it too.
        var suspended = (await runner.SuspendAsync(Client, run.Id)).Value;
        Assert.Equal([BatchStatus.Suspended, BatchStatus.Suspended, BatchStatus.Suspended], suspended.Jobs.Select(j => j.Status));
        Assert.Equal(BatchStatus.Suspended, (await runner.ExecuteAsync(Client, run.Id)).Value.Status);
    }

    [Fact]
    public async Task Execute_ItemsOfACrashedWorker_AreReclaimedAfterTheLease_AndCompleteOnce()
    {
        var f = new RunFixture();
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);
        await f.Store.AddWorkItemsAsync(run.Id, 0, ["usage-rating-1", "usage-rating-2", "usage-rating-3", "usage-rating-4", "usage-rating-5"]);
        var now = f.Clock.GetCurrentInstant();
        var stolen = await f.Store.ClaimWorkItemsAsync(run.Id, 0, "node-crashed", now, now + Duration.FromMinutes(5), 2);
        var running = await f.Store.GetRunAsync(Client, run.Id);
        await f.Store.UpdateRunAsync(running! with { Jobs = [running.Jobs[0] with { Status = BatchStatus.Running }, .. running.Jobs.Skip(1)] }, running.Version);

        var first = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;
        Assert.Equal(BatchStatus.Running, first.Jobs[0].Status); // two items still held by the crashed node

        f.Clock.Advance(Duration.FromMinutes(6));
        var second = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal(BatchStatus.Ok, second.Status);
        Assert.False(await f.Store.CompleteWorkItemAsync(stolen[0].Id, "node-crashed", f.Clock.GetCurrentInstant(), null)); // too late
        Assert.All(f.Handler.Processed.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Audit_SevenDaysAtMost_WithStatusAndProcessFilters()
    {
        var f = new RunFixture();
        f.Handler.FailingKeys["billing-1"] = true;
        for (var i = 0; i < 3; i++)
        {
            var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day.PlusDays(i));
            await f.Runner.ExecuteAsync(Client, run.Id);
        }

        var tooLong = await f.Runner.SearchAuditAsync(new RunSearch(Client, Day, Day.PlusDays(7)));
        Assert.True(tooLong.HasError(JobErrorCodes.AuditRangeTooLong));
        Assert.Contains("8 days", tooLong.Errors[0].Message, StringComparison.Ordinal);
        Assert.True((await f.Runner.SearchAuditAsync(new RunSearch(Client, Day, Day.PlusDays(-1)))).IsFailure);

        var week = (await f.Runner.SearchAuditAsync(new RunSearch(Client, Day, Day.PlusDays(6)))).Value;
        Assert.Equal([Day.PlusDays(2), Day.PlusDays(1), Day], week.Items.Select(r => r.RunDate));
        Assert.Equal(3, (await f.Runner.SearchAuditAsync(new RunSearch(Client, Day, Day.PlusDays(6), Status: BatchStatus.Partial))).Value.Items.Count);
        Assert.Equal(3, (await f.Runner.SearchAuditAsync(new RunSearch(Client, Day, Day.PlusDays(6), ProcessName: "billing"))).Value.Items.Count);
        Assert.Empty((await f.Runner.SearchAuditAsync(new RunSearch(Client, Day, Day.PlusDays(6), ProcessName: "Rerating"))).Value.Items);
        var paged = (await f.Runner.SearchAuditAsync(new RunSearch(Client, Day, Day.PlusDays(6)), PageRequest.First(2).Value)).Value;
        Assert.Equal((2, true), (paged.Items.Count, paged.HasMore));
    }

    [Fact]
    public async Task Execute_NoHandlerForAJobType_IsAJobError()
    {
        var f = new RunFixture();
        var schedule = RunFixture.Daily with { Name = "custom", Jobs = [new JobDefinition("True-up", "true-up")] };
        var run = await f.Runner.CreateRunAsync(schedule, Day);

        var done = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal(BatchStatus.Error, done.Status);
        Assert.Contains("true-up", done.Jobs[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SpecExample_InvoicingTwentyAccountsWithFiveFailures_IsPartial()
    {
        // spec: batch-process-audit-log.txt, Partial — "an invoice generation batch of 20 accounts successfully generates 15
        // account invoices but 5 accounts fail, then the process batch session is marked as 'Partial'".
        var f = new RunFixture();
        f.Handler.Items[JobTypes.Billing] = 20;
        foreach (var failing in new[] { 3, 7, 11, 15, 19 })
        {
            f.Handler.FailingKeys[$"billing-{failing}"] = true;
        }

        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);
        var done = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;
        var billing = (await f.Runner.StatisticsAsync(Client, run.Id)).Value[2];

        Assert.Equal((BatchStatus.Partial, 5), (done.Jobs[2].Status, (int)done.Jobs[2].Status));
        Assert.Equal((15, 5), (billing.Completed, billing.Failed));
    }

    [Fact]
    public async Task Reset_PutsJobsBackToNew_RetriesFailedItems_AndKeepsCompletedOnes()
    {
        var f = new RunFixture();
        f.Handler.FailingKeys["billing-2"] = true;
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);
        await f.Runner.ExecuteAsync(Client, run.Id);

        var reset = (await f.Runner.ResetAsync(Client, run.Id)).Value;
        Assert.All(reset.Jobs, j => Assert.Equal(BatchStatus.New, j.Status));
        Assert.Equal(BatchStatus.New, reset.Status);

        f.Handler.FailingKeys.Clear();
        var rerun = (await f.Runner.ExecuteAsync(Client, run.Id)).Value;
        Assert.Equal(BatchStatus.Ok, rerun.Status);
        Assert.Equal(1, f.Handler.Processed["billing-1"]);
        Assert.Equal(2, f.Handler.Processed["billing-2"]);
    }

    [Fact]
    public async Task Statistics_CountItemsByStateAndTimeEachJob()
    {
        var f = new RunFixture();
        f.Handler.FailingKeys["billing-4"] = true;
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, Day);
        await f.Runner.ExecuteAsync(Client, run.Id);

        var statistics = (await f.Runner.StatisticsAsync(Client, run.Id)).Value;

        Assert.Equal((5, 0), (statistics[0].Completed, statistics[0].Failed));
        Assert.Equal((0, 0), (statistics[1].Completed, statistics[1].Failed));
        Assert.Equal((3, 1, BatchStatus.Partial), (statistics[2].Completed, statistics[2].Failed, statistics[2].Status));
        Assert.Equal(Duration.Zero, statistics[2].Duration);
    }

    [Fact]
    public async Task Execute_SlowItems_KeepTheirLeasesByHeartbeat()
    {
        var f = new RunFixture();
        var slow = new SlowHandler(f.Clock);
        var runner = new JobRunner(f.Store, new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = slow, [JobTypes.SyncTransactions] = slow, [JobTypes.Billing] = slow }, f.Clock, new JobRunnerOptions { WorkerId = "node-a", Workers = 1, ClaimBatch = 3 });
        var run = await runner.CreateRunAsync(RunFixture.Daily, Day);

        var done = (await runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal(BatchStatus.Ok, done.Status);
        Assert.All(await f.Store.ListWorkItemsAsync(run.Id, 0), i => Assert.Equal(1, i.Attempts));
    }

    private sealed class SlowHandler(Aria.Billing.Testing.FakeClock clock) : IJobHandler
    {
        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(["a", "b", "c"]);

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            clock.Advance(Duration.FromMinutes(3)); // three items take 9 minutes; the lease is 5
            return ValueTask.FromResult<string?>(null);
        }
    }

    private sealed class InterruptingHandler(CancellationTokenSource interrupt) : IJobHandler
    {
        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(["a", "b", "c"]);

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            interrupt.Cancel(); // an operator interrupts while the first item runs
            return ValueTask.FromResult<string?>(null);
        }
    }
}
