namespace Aria.Billing.Jobs;

/// <summary>The statistics of a run's jobs: each job's status, its work items counted by state, and its timings.</summary>
internal sealed class RunStatisticsReader(IJobRunStore store)
{
    /// <summary>The statistics of each job of the run, in job order, or error RunNotFound.</summary>
    public async Task<AriaResult<IReadOnlyList<JobStatistics>>> StatisticsAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunErrors.RunNotFound(client, runId);
        }

        var statistics = new List<JobStatistics>();
        foreach (var job in run.Jobs)
        {
            var items = await store.ListWorkItemsAsync(runId, job.Index, cancellationToken).ConfigureAwait(false);
            statistics.Add(new JobStatistics(
                job.Index, job.Name, job.Status,
                items.Count(i => i.State == WorkItemState.Pending), items.Count(i => i.State == WorkItemState.Running),
                items.Count(i => i.State == WorkItemState.Completed), items.Count(i => i.State == WorkItemState.Failed),
                job.StartedAt, job.FinishedAt));
        }

        return statistics;
    }
}
