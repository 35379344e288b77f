using Aria.Billing.Jobs;

namespace Aria.Billing.Sample;

/// <summary>
/// The sample's jobs: rating, sync transactions and billing over a few accounts. The sync job cannot reach the billing
/// system at first, and one account cannot be billed until its contact is fixed.
/// </summary>
internal sealed class SampleJobs : IJobHandler
{
    public bool BillingCloudReachable { get; set; }

    public bool ContactFixed { get; set; }

    public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default)
    {
        if (job.JobType == JobTypes.SyncTransactions && !BillingCloudReachable)
        {
            throw new InvalidOperationException("the billing system did not answer");
        }

        // The daily billing job works on the accounts whose bill day falls on the run date (28–31 on Feb 28).
        var billDays = BillingCycle.BillDaysDueOn(run.RunDate);
        IReadOnlyList<string> items = job.JobType == JobTypes.Billing
            ? billDays.SelectMany(day => new[] { $"acct-{day}-a", $"acct-{day}-b" }).ToArray()
            : Enumerable.Range(1, 6).Select(i => $"{job.JobType}-batch-{i}").ToArray();
        return ValueTask.FromResult(items);
    }

    public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(item.Key.EndsWith("-b", StringComparison.Ordinal) && !ContactFixed ? "no bill-to contact" : null);
}
