namespace Aria.Billing.Jobs.Tests.Status;

// spec: batch-process-audit-log.txt, batch_status_cd: Partial (some records failed), Warning (dependency errored),
// Incomplete (interrupted), Suspended; job-schedule-management.txt: a schedule with no work items completes at once.
public sealed class StatusRollupTests
{
    private const WorkItemState P = WorkItemState.Pending;
    private const WorkItemState R = WorkItemState.Running;
    private const WorkItemState C = WorkItemState.Completed;
    private const WorkItemState F = WorkItemState.Failed;

    public static TheoryData<WorkItemState[], JobCondition, BatchStatus> Jobs => new()
    {
        { [], JobCondition.None, BatchStatus.Ok },
        { [P, P], JobCondition.None, BatchStatus.New },
        { [R, P], JobCondition.None, BatchStatus.Running },
        { [C, P], JobCondition.None, BatchStatus.Running },
        { [C, C, C], JobCondition.None, BatchStatus.Ok },
        { [C, F, C], JobCondition.None, BatchStatus.Partial },     // 15 of 20 invoices, 5 failed: Partial
        { [F, F], JobCondition.None, BatchStatus.Partial },
        { [C], JobCondition.Errored, BatchStatus.Error },
        { [C, P], JobCondition.Interrupted, BatchStatus.Incomplete },
        { [P], JobCondition.Suspended, BatchStatus.Suspended },
        { [P], JobCondition.DependencyErrored, BatchStatus.Warning },
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public void ForJob_RollsUpWorkItemsAndCondition(WorkItemState[] items, JobCondition condition, BatchStatus expected)
    {
        Assert.Equal(expected, StatusRollup.ForJob(items, condition));
    }

    [Theory]
    [InlineData(new BatchStatus[0], BatchStatus.Ok)]
    [InlineData(new[] { BatchStatus.New, BatchStatus.New }, BatchStatus.New)]
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.New }, BatchStatus.Running)]
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.Ok }, BatchStatus.Ok)]
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.Partial, BatchStatus.Ok }, BatchStatus.Partial)]
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.Error, BatchStatus.Warning }, BatchStatus.Error)]
    [InlineData(new[] { BatchStatus.Partial, BatchStatus.Warning }, BatchStatus.Partial)]
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.Warning }, BatchStatus.Warning)]
    [InlineData(new[] { BatchStatus.Incomplete, BatchStatus.Partial }, BatchStatus.Incomplete)]
    [InlineData(new[] { BatchStatus.Suspended, BatchStatus.Ok }, BatchStatus.Suspended)]
    [InlineData(new[] { BatchStatus.Incomplete, BatchStatus.New, BatchStatus.New }, BatchStatus.Incomplete)]
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.Suspended, BatchStatus.New }, BatchStatus.Suspended)] // held back, not running
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.Warning, BatchStatus.New }, BatchStatus.Warning)]     // held back, not running
    [InlineData(new[] { BatchStatus.Ok, BatchStatus.Running, BatchStatus.Error }, BatchStatus.Running)]
    public void ForSchedule_RollsUpJobs(BatchStatus[] jobs, BatchStatus expected)
    {
        Assert.Equal(expected, StatusRollup.ForSchedule(jobs));
    }

    [Fact]
    public void Property_JobRollupMatchesItsItems()
    {
        var gen = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements(P, R, C, F), n));
        Prop.ForAll(gen.ToArbitrary(), items =>
        {
            var status = StatusRollup.ForJob(items);
            var done = items.All(i => i is C or F);
            return status switch
            {
                BatchStatus.Ok => done && !items.Contains(F),
                BatchStatus.Partial => done && items.Contains(F),
                BatchStatus.New => items.Length > 0 && items.All(i => i == P),
                BatchStatus.Running => !done && !items.All(i => i == P),
                _ => false,
            };
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_ScheduleIsOkOnlyWhenEveryJobIsOk_AndNeverHidesAnError()
    {
        var gen = Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements(Enum.GetValues<BatchStatus>()), n));
        Prop.ForAll(gen.ToArbitrary(), jobs =>
        {
            var status = StatusRollup.ForSchedule(jobs);
            var finished = jobs.All(j => j is not (BatchStatus.New or BatchStatus.Running));
            return (status == BatchStatus.Ok) == jobs.All(j => j == BatchStatus.Ok)
                && (!finished || !jobs.Contains(BatchStatus.Error) || status == BatchStatus.Error);
        }).QuickCheckThrowOnFailure();
    }
}
