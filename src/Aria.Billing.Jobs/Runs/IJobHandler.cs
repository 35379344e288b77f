namespace Aria.Billing.Jobs;

/// <summary>The host's work for one job type: what the work items are, and how one is processed.</summary>
public interface IJobHandler
{
    /// <summary>The keys of the job's work items for this run (none: the job completes at once). An exception fails the job.</summary>
    ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default);

    /// <summary>Processes one item; returns <see langword="null"/> on success or why it failed. An exception fails the item.</summary>
    ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default);
}
