using System.Globalization;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// Executes a run: its jobs strictly in order (DESIGN §4: a job that is not Ok or Partial holds back the later ones), each
/// job's items produced and then processed by <see cref="WorkItemWorkers"/>, and the job's end rolled up from its items.
/// Safe beside other executions of the same run, on this node or another.
/// </summary>
/// <remarks>
/// What each status of the first job that has not ended Ok or Partial means for an execution:
/// <list type="bullet">
/// <item>New: produce its items, move it to Running (compare-and-swap: one execution starts it), process its items.</item>
/// <item>Running: help with its items (another execution started it).</item>
/// <item>Incomplete (an execution was cancelled: an operator, a host shutting down): resume it first. It moves back to
/// Running (compare-and-swap, counted as an attempt) without producing its items again; its pending items and those whose
/// lease has run out or was given back are claimed again, its completed and failed items stay as they are.</item>
/// <item>Suspended (by hand), Warning: the execution stops there; the later jobs stay as they are (New) until an operator
/// resets or reprocesses the run.</item>
/// <item>Error: the later jobs that have not ended end in Warning (they did not run because a dependency errored).</item>
/// </list>
/// The execution also stops at a job still Running after its workers found nothing left to claim (items held by another
/// execution's live lease: that one records the end, or the next execution takes the items over once the lease has run
/// out), and at a job its cancellation interrupted.
/// </remarks>
internal sealed class RunExecutor(
    IJobRunStore store, IReadOnlyDictionary<string, IJobHandler> handlers, IClock clock, RunWriter writer, WorkItemWorkers workers, ILogger logger, int maxWorkItemsPerRun = int.MaxValue)
{
    /// <summary>
    /// Executes a run from its first job that has not ended Ok or Partial, resuming it if it was interrupted. Returns when
    /// every job has ended, at a job that holds the later ones back, or when items are held by another worker's live lease
    /// (execute again later to resume).
    /// </summary>
    /// <remarks>
    /// Cancelling while a job's items are processed interrupts it: the job is written Incomplete (condition Interrupted),
    /// each item whose handler had returned is recorded, the leases of the items not finished are given back (so the next
    /// execution, on any node, takes them at once instead of after the lease), and the run is returned. A cancellation at
    /// any other moment (reading the run, producing a job's items) throws <see cref="OperationCanceledException"/> and
    /// leaves the job as it was (New, or Running for another execution to help with).
    /// </remarks>
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
            if (run.Jobs[index].Status is BatchStatus.New or BatchStatus.Running or BatchStatus.Incomplete)
            {
                run = await RunJobAsync(run, run.Jobs[index], cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    return run; // interrupted: start nothing more (the job may have been ended by another execution meanwhile)
                }
            }

            var status = run.Jobs[index].Status;
            if (status is BatchStatus.Ok or BatchStatus.Partial)
            {
                continue;
            }

            if (status == BatchStatus.Error)
            {
                run = await WarnLaterJobsAsync(run, index, cancellationToken).ConfigureAwait(false);
            }

            // Running (items held by another live lease), Incomplete (interrupted), Suspended, Warning, Error: the later
            // jobs wait.
            return run;
        }

        return run;
    }

    /// <summary>The jobs after the errored one at <paramref name="errored"/> that have not ended end in Warning (spec: batch_status_cd 6).</summary>
    private async Task<ScheduleRun> WarnLaterJobsAsync(ScheduleRun run, int errored, CancellationToken cancellationToken)
    {
        for (var index = errored + 1; index < run.Jobs.Count; index++)
        {
            run = await writer.UpdateJobAsync(run, index, j => j.Status is BatchStatus.Ok or BatchStatus.Partial or BatchStatus.Suspended or BatchStatus.Warning
                ? null
                : j with { Status = BatchStatus.Warning, Condition = JobCondition.DependencyErrored }, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>How many work items the jobs before <paramref name="index"/> hold (0 for the first job): a count in the store.</summary>
    private Task<long> ItemsOfEarlierJobsAsync(ScheduleRun run, int index, CancellationToken cancellationToken) =>
        index == 0 ? Task.FromResult(0L) : store.CountWorkItemsBeforeAsync(run.Id, index, cancellationToken);

    /// <summary>A job's items would cross the run's limit: the job fails like one whose handler threw.</summary>
    private sealed class WorkItemLimitException(string message) : Exception(message);

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
                if (await ItemsOfEarlierJobsAsync(run, job.Index, cancellationToken).ConfigureAwait(false) + keys.Count > maxWorkItemsPerRun)
                {
                    throw new WorkItemLimitException($"{JobErrorCodes.TooManyWorkItems.Value}: job '{job.Name}' produced {keys.Count} work items; "
                        + $"a run may hold at most {maxWorkItemsPerRun} (JobRunnerOptions.MaxWorkItemsPerRun).");
                }

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
        else if (job.Status == BatchStatus.Incomplete)
        {
            // Resume an interrupted job: its items were produced before it first went Running, so it goes back to Running
            // as it is; only the execution that moves it out of Incomplete counts the attempt. Found Running: another
            // execution resumed it, help with its items; found ended: nothing to do here.
            run = await writer.UpdateJobAsync(run, job.Index, j => j.Status == BatchStatus.Incomplete
                ? j with { Status = BatchStatus.Running, Condition = JobCondition.None, FinishedAt = null, Attempts = j.Attempts + 1 }
                : null, cancellationToken).ConfigureAwait(false);
            job = run.Jobs[job.Index];
            if (job.Status != BatchStatus.Running)
            {
                return run;
            }

            JobsLogMessages.JobResumed(logger, job.Name, run.Schedule, RunDateText(run));
        }

        try
        {
            await workers.RunAsync(run, job, handler, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: Incomplete, so that the next execution resumes this job before any later one. Only a job still
            // Running is marked (another execution may have ended it meanwhile); the workers have recorded what they
            // finished and given back the leases of the rest.
            JobsLogMessages.JobInterrupted(logger, job.Name, run.Schedule, RunDateText(run));
            var interrupted = await store.GetRunAsync(run.Client, run.Id, CancellationToken.None).ConfigureAwait(false) ?? run;
            var at = clock.GetCurrentInstant();
            return await writer.UpdateJobAsync(interrupted, job.Index, j => j.Status == BatchStatus.Running
                ? j with { Status = BatchStatus.Incomplete, Condition = JobCondition.Interrupted, FinishedAt = at }
                : null, CancellationToken.None).ConfigureAwait(false);
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
