using System.Globalization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// Executes a run: its jobs strictly in order (a job that is not Ok or Partial holds back the later ones; after an errored
/// job the later ones end in Warning), each job's items produced and then processed by <see cref="WorkItemWorkers"/>, and
/// the job's end rolled up from its items. Safe beside other executions of the same run, on this node or another.
/// </summary>
internal sealed class RunExecutor(
    IJobRunStore store, IReadOnlyDictionary<string, IJobHandler> handlers, IClock clock, RunWriter writer, WorkItemWorkers workers, ILogger logger)
{
    /// <summary>
    /// Executes a run from its first unfinished job. Returns when every job has ended, or when items are held by another
    /// worker's live lease (execute again later to resume). Cancelling interrupts: the current job ends Incomplete.
    /// </summary>
    public async Task<AriaResult<ScheduleRun>> ExecuteAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunErrors.RunNotFound(client, runId);
        }

        using var activity = JobsTelemetry.Source.StartActivity("jobs.run");
        activity?.SetTag("aria.jobs.schedule", run.Schedule);
        activity?.SetTag("aria.jobs.run_date", RunDateText(run));
        for (var index = 0; index < run.Jobs.Count; index++)
        {
            var job = run.Jobs[index];
            if (job.Status is BatchStatus.Ok or BatchStatus.Partial or BatchStatus.Suspended)
            {
                continue;
            }

            if (run.Jobs.Take(index).Any(j => j.Status == BatchStatus.Error))
            {
                run = await writer.SaveJobAsync(run, job with { Status = BatchStatus.Warning, Condition = JobCondition.DependencyErrored }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (job.Status is BatchStatus.Error or BatchStatus.Incomplete or BatchStatus.Warning)
            {
                continue; // ended; reprocess or reset to run it again
            }

            run = await RunJobAsync(run, job, cancellationToken).ConfigureAwait(false);
            if (run.Jobs[index].Status is BatchStatus.Running or BatchStatus.Incomplete)
            {
                return run; // items held by another worker's live lease (resume later), or interrupted
            }
        }

        return run;
    }

    private static string RunDateText(ScheduleRun run) => run.RunDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private async Task<ScheduleRun> RunJobAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken)
    {
        if (!handlers.TryGetValue(job.JobType, out var handler))
        {
            return await writer.SaveJobAsync(run, job with { Status = BatchStatus.Error, Condition = JobCondition.Errored, Error = $"No handler is registered for job type '{job.JobType}'." }, cancellationToken).ConfigureAwait(false);
        }

        if (job.Status == BatchStatus.New)
        {
            // Items first, then New -> Running: a job seen Running has its items, so an execution that finds it Running
            // (another node, a retried trigger) can help with them. Producing twice is harmless (keys are unique per job);
            // only the execution that moves the job out of New counts the attempt.
            try
            {
                var keys = await handler.ProduceWorkItemsAsync(run, job, cancellationToken).ConfigureAwait(false);
                await store.AddWorkItemsAsync(run.Id, job.Index, keys, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                JobsLogMessages.JobFailed(logger, job.Name, run.Schedule, RunDateText(run), ex.Message);
                var failedAt = clock.GetCurrentInstant();
                return await writer.UpdateJobAsync(run, job.Index, j => j.Status == BatchStatus.New
                    ? j with { Status = BatchStatus.Error, Condition = JobCondition.Errored, Error = ex.Message, StartedAt = j.StartedAt ?? failedAt, Attempts = j.Attempts + 1, FinishedAt = failedAt }
                    : null, cancellationToken).ConfigureAwait(false);
            }

            var now = clock.GetCurrentInstant();
            run = await writer.UpdateJobAsync(run, job.Index, j => j.Status == BatchStatus.New
                ? j with { Status = BatchStatus.Running, StartedAt = j.StartedAt ?? now, Attempts = j.Attempts + 1 }
                : null, cancellationToken).ConfigureAwait(false);
            job = run.Jobs[job.Index];
            if (job.Status != BatchStatus.Running)
            {
                return run; // another execution started it and has already ended it
            }
        }

        try
        {
            await workers.RunAsync(run, job, handler, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            var interrupted = await store.GetRunAsync(run.Client, run.Id, CancellationToken.None).ConfigureAwait(false) ?? run;
            return await writer.SaveJobAsync(interrupted, interrupted.Jobs[job.Index] with { Status = BatchStatus.Incomplete, Condition = JobCondition.Interrupted, FinishedAt = clock.GetCurrentInstant() }, CancellationToken.None).ConfigureAwait(false);
        }

        var items = await store.ListWorkItemsAsync(run.Id, job.Index, cancellationToken).ConfigureAwait(false);
        var status = StatusRollup.ForJob(items.Select(i => i.State));
        JobsLogMessages.JobEnded(logger, job.Name, run.Schedule, RunDateText(run), status);
        var latest = await store.GetRunAsync(run.Client, run.Id, cancellationToken).ConfigureAwait(false) ?? run;
        if (status == BatchStatus.Running)
        {
            return latest; // items held by another execution's live lease: it records the end
        }

        var endedAt = clock.GetCurrentInstant();
        return await writer.UpdateJobAsync(latest, job.Index, j => j.Status == status ? null : j with { Status = status, FinishedAt = endedAt }, cancellationToken).ConfigureAwait(false);
    }
}
