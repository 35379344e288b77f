namespace Aria.Billing.Jobs;

/// <summary>
/// The operator's commands on a run: reprocess a job or the whole schedule run, reset, suspend. (Interrupting is cancelling
/// an execution: see <see cref="RunExecutor"/>.) Failed work items go back to pending with their errors kept; completed
/// items stay completed, so nothing is billed twice.
/// </summary>
internal sealed class RunCommands(IJobRunStore store, RunWriter writer, RunExecutor executor)
{
    /// <summary>Reprocesses one job: its failed items go back to pending (their errors kept), then the run executes again.</summary>
    public async Task<AriaResult<ScheduleRun>> ReprocessJobAsync(ClientNumber client, Guid runId, int jobIndex, CancellationToken cancellationToken)
    {
        var reopened = await ReopenJobAsync(client, runId, jobIndex, cancellationToken).ConfigureAwait(false);
        return reopened.IsFailure ? reopened : await executor.ExecuteAsync(client, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reprocesses a schedule run: every errored, partial or interrupted job, and the jobs that did not run because of them.</summary>
    public async Task<AriaResult<ScheduleRun>> ReprocessScheduleAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken)
    {
        var reopened = await ReopenScheduleAsync(client, runId, cancellationToken).ConfigureAwait(false);
        return reopened.IsFailure ? reopened : await executor.ExecuteAsync(client, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One job's failed items back to pending (their errors kept) and the job to New, stored; nothing executed.</summary>
    public async Task<AriaResult<ScheduleRun>> ReopenJobAsync(ClientNumber client, Guid runId, int jobIndex, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null || jobIndex < 0 || jobIndex >= run.Jobs.Count)
        {
            return new AriaError(JobErrorCodes.RunNotFound, $"No run {runId} with job {jobIndex} for client {client}.", "run_id");
        }

        await store.RetryFailedWorkItemsAsync(runId, jobIndex, cancellationToken).ConfigureAwait(false);
        run = await writer.SaveJobAsync(run, run.Jobs[jobIndex] with { Status = BatchStatus.New, Condition = JobCondition.None, Error = null }, cancellationToken).ConfigureAwait(false);
        return await ReopenWarningsAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every errored, partial or interrupted job, and those that did not run because of them, reopened and stored; nothing executed.</summary>
    public async Task<AriaResult<ScheduleRun>> ReopenScheduleAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunErrors.RunNotFound(client, runId);
        }

        foreach (var job in run.Jobs.Where(j => j.Status is BatchStatus.Error or BatchStatus.Partial or BatchStatus.Incomplete))
        {
            await store.RetryFailedWorkItemsAsync(runId, job.Index, cancellationToken).ConfigureAwait(false);
            run = await writer.SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.New, Condition = JobCondition.None, Error = null }, cancellationToken).ConfigureAwait(false);
        }

        return await ReopenWarningsAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resets a run so it can run again: every job back to New; failed work items back to pending (their errors kept);
    /// completed items stay completed.
    /// </summary>
    public async Task<AriaResult<ScheduleRun>> ResetAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunErrors.RunNotFound(client, runId);
        }

        foreach (var job in run.Jobs)
        {
            await store.RetryFailedWorkItemsAsync(runId, job.Index, cancellationToken).ConfigureAwait(false);
            run = await writer.SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.New, Condition = JobCondition.None, Error = null, FinishedAt = null }, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>
    /// Suspends the jobs of a run that have not ended: New, Running, and Incomplete (an interrupted job would otherwise be
    /// resumed by the next execution). A suspended job holds back the later ones until the run is reset or reprocessed.
    /// </summary>
    public async Task<AriaResult<ScheduleRun>> SuspendAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunErrors.RunNotFound(client, runId);
        }

        foreach (var job in run.Jobs.Where(j => j.Status is BatchStatus.New or BatchStatus.Running or BatchStatus.Incomplete))
        {
            run = await writer.UpdateJobAsync(run, job.Index, j => j.Status is BatchStatus.New or BatchStatus.Running or BatchStatus.Incomplete
                ? j with { Status = BatchStatus.Suspended, Condition = JobCondition.Suspended }
                : null, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    private async Task<ScheduleRun> ReopenWarningsAsync(ScheduleRun run, CancellationToken cancellationToken)
    {
        foreach (var job in run.Jobs.Where(j => j.Status == BatchStatus.Warning))
        {
            run = await writer.SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.New, Condition = JobCondition.None }, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }
}
