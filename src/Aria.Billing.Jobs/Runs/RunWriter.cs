using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// Writes a job's state into its run by compare-and-swap on the run's version and rolls the run's status up from its jobs.
/// Every change of a job goes through here, so concurrent executions and operator commands on one run never overwrite
/// each other's changes.
/// </summary>
internal sealed class RunWriter(IJobRunStore store, IClock clock)
{
    /// <summary>Stores <paramref name="job"/> as given, whatever the stored job is.</summary>
    public Task<ScheduleRun> SaveJobAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken) =>
        UpdateJobAsync(run, job.Index, _ => job, cancellationToken);

    /// <summary>
    /// Compare-and-swap on the run: <paramref name="change"/> sees the job as stored and returns its new state, or null to
    /// leave it; on a conflict the run is read again and <paramref name="change"/> decides again.
    /// </summary>
    public async Task<ScheduleRun> UpdateJobAsync(ScheduleRun run, int index, Func<JobRun, JobRun?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (change(run.Jobs[index]) is not { } job)
            {
                return run;
            }

            var jobs = run.Jobs.ToArray();
            jobs[index] = job;
            var status = StatusRollup.ForSchedule(jobs.Select(j => j.Status));
            var ended = status is not (BatchStatus.New or BatchStatus.Running);
            var updated = run with { Jobs = jobs, Status = status, FinishedAt = ended ? clock.GetCurrentInstant() : null };
            if (await store.UpdateRunAsync(updated, run.Version, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            run = await store.GetRunAsync(run.Client, run.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {run.Id} disappeared.");
            if (attempt > 10)
            {
                throw new InvalidOperationException($"Run {run.Id} keeps changing under this runner.");
            }
        }
    }
}
