namespace Aria.Billing.Jobs;

/// <summary>
/// The status roll-up of the audit log's batch status codes (spec: batch-process-audit-log.txt): a job's status from its
/// work items and condition, and a schedule's status from its jobs.
/// </summary>
public static class StatusRollup
{
    /// <summary>
    /// A job's status: its condition first (Suspended, Incomplete, Warning, Error); a job with no work items is Ok at once;
    /// New until an item is taken, Running while any is pending or running, then Ok — or Partial when any item failed.
    /// </summary>
    public static BatchStatus ForJob(IEnumerable<WorkItemState> items, JobCondition condition = JobCondition.None)
    {
        ArgumentNullException.ThrowIfNull(items);
        switch (condition)
        {
            case JobCondition.Suspended:
                return BatchStatus.Suspended;
            case JobCondition.Interrupted:
                return BatchStatus.Incomplete;
            case JobCondition.DependencyErrored:
                return BatchStatus.Warning;
            case JobCondition.Errored:
                return BatchStatus.Error;
        }

        int pending = 0, running = 0, completed = 0, failed = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case WorkItemState.Pending: pending++; break;
                case WorkItemState.Running: running++; break;
                case WorkItemState.Completed: completed++; break;
                default: failed++; break;
            }
        }

        if (pending + running > 0)
        {
            return running == 0 && completed + failed == 0 ? BatchStatus.New : BatchStatus.Running;
        }

        return failed > 0 ? BatchStatus.Partial : BatchStatus.Ok;
    }

    /// <summary>
    /// A schedule's status from its jobs: New when none started, Running while any runs or some are still to run (unless a
    /// job that holds the later ones back stopped it: Error, Incomplete, Suspended or Warning, anything but Ok or Partial),
    /// otherwise the most serious outcome: Error, then Incomplete, Suspended, Partial, Warning; Ok when every job is Ok (or
    /// there are none).
    /// </summary>
    public static BatchStatus ForSchedule(IEnumerable<BatchStatus> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var all = jobs as IReadOnlyCollection<BatchStatus> ?? jobs.ToArray();
        if (all.Count == 0)
        {
            return BatchStatus.Ok;
        }

        if (all.All(s => s == BatchStatus.New))
        {
            return BatchStatus.New;
        }

        if (all.Contains(BatchStatus.Running))
        {
            return BatchStatus.Running;
        }

        // Jobs still to run behind a job that holds them back (DESIGN §4: jobs run strictly in order; a job that is not Ok
        // or Partial holds back the later ones) do not make the run "running": it waits for an operator or a resume.
        if (all.Contains(BatchStatus.New) && !all.Any(s => s is BatchStatus.Error or BatchStatus.Incomplete or BatchStatus.Suspended or BatchStatus.Warning))
        {
            return BatchStatus.Running;
        }

        foreach (var serious in Severity)
        {
            if (all.Contains(serious))
            {
                return serious;
            }
        }

        return BatchStatus.Ok;
    }

    private static readonly BatchStatus[] Severity =
        [BatchStatus.Error, BatchStatus.Incomplete, BatchStatus.Suspended, BatchStatus.Partial, BatchStatus.Warning];
}
