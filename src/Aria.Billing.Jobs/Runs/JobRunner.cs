using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// Creates and executes schedule runs (spec: job-schedule-management.txt, "Job Schedule Execution"): one run per schedule and
/// date, jobs in order, each job's work items processed by workers under leases (an expired lease is re-claimed; an item
/// completes at most once), a job with no items completes at once, a job after one that errored ends in Warning; statuses
/// roll up; reprocess at schedule or job level keeps earlier attempts; the audit search spans at most 7 days; the core
/// system triggers a run and polls it through a gate.
/// </summary>
public sealed class JobRunner
{
    private readonly IJobRunStore _store;
    private readonly IReadOnlyDictionary<string, IJobHandler> _handlers;
    private readonly IClock _clock;
    private readonly JobRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>A runner over a store with a handler per job type; the gate's polls wait on <paramref name="time"/> (default the system's).</summary>
    public JobRunner(IJobRunStore store, IReadOnlyDictionary<string, IJobHandler> handlers, IClock clock, JobRunnerOptions? options = null, ILogger<JobRunner>? logger = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _handlers = handlers ?? throw new ArgumentNullException(nameof(handlers));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new JobRunnerOptions();
    }

    /// <summary>Creates the run of <paramref name="schedule"/> for <paramref name="runDate"/>, or returns the existing one.</summary>
    public async Task<ScheduleRun> CreateRunAsync(JobSchedule schedule, LocalDate runDate, string startedBy = "automatic", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var run = new ScheduleRun
        {
            Id = Guid.NewGuid(),
            Client = schedule.Client,
            Schedule = schedule.Name,
            RunDate = runDate,
            Jobs = schedule.Jobs.Select((j, i) => new JobRun { Index = i, Name = j.Name, JobType = j.JobType }).ToArray(),
            StartedBy = startedBy,
            CreatedAt = _clock.GetCurrentInstant(),
        };
        return (await _store.CreateRunAsync(run, cancellationToken).ConfigureAwait(false)).Run;
    }

    /// <summary>
    /// The core system's trigger: the run of <paramref name="schedule"/> for <paramref name="runDate"/>, created once whatever
    /// the retries (the date is the natural key; <paramref name="idempotencyKey"/> is recorded on the first).
    /// </summary>
    public Task<ScheduleRun> TriggerAsync(JobSchedule schedule, LocalDate runDate, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return CreateRunAsync(schedule, runDate, $"trigger:{idempotencyKey}", cancellationToken);
    }

    /// <summary>
    /// Executes a run from its first unfinished job. Returns when every job has ended, or when items are held by another
    /// worker's live lease (execute again later to resume). Cancelling interrupts: the current job ends Incomplete.
    /// Safe to call for the same run from several nodes at once: each job starts once, after the one before it has
    /// ended, and the executions share its work items.
    /// </summary>
    public async Task<AriaResult<ScheduleRun>> ExecuteAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunNotFound(client, runId);
        }

        using var activity = JobsTelemetry.Source.StartActivity("jobs.run");
        activity?.SetTag("aria.jobs.schedule", run.Schedule);
        activity?.SetTag("aria.jobs.run_date", run.RunDate.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        for (var index = 0; index < run.Jobs.Count; index++)
        {
            var job = run.Jobs[index];
            if (job.Status is BatchStatus.Ok or BatchStatus.Partial or BatchStatus.Suspended)
            {
                continue;
            }

            if (run.Jobs.Take(index).Any(j => j.Status == BatchStatus.Error))
            {
                run = await SaveJobAsync(run, job with { Status = BatchStatus.Warning, Condition = JobCondition.DependencyErrored }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The run with this id.</summary>
    public async Task<AriaResult<ScheduleRun>> PollAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false) is { } run
            ? run
            : RunNotFound(client, runId);

    /// <summary>
    /// The core system's gate: polls the run every <paramref name="interval"/> until it ends or <paramref name="timeout"/>
    /// passes; Proceed only after Ok, NeedsHumanIntervention on any other ending.
    /// </summary>
    public async Task<GateDecision> WaitForCompletionAsync(ClientNumber client, Guid runId, TimeSpan interval, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            var run = await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
            switch (run?.Status)
            {
                case null:
                    return GateDecision.NeedsHumanIntervention;
                case BatchStatus.Ok:
                    return GateDecision.Proceed;
                case BatchStatus.New or BatchStatus.Running:
                    try
                    {
                        await Task.Delay(interval, _time, limit.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return GateDecision.StillRunning;
                    }

                    break;
                default:
                    return GateDecision.NeedsHumanIntervention;
            }
        }
    }

    /// <summary>Reprocesses one job: its failed items go back to pending (their errors kept), then the run executes again.</summary>
    public async Task<AriaResult<ScheduleRun>> ReprocessJobAsync(ClientNumber client, Guid runId, int jobIndex, CancellationToken cancellationToken = default)
    {
        var run = await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null || jobIndex < 0 || jobIndex >= run.Jobs.Count)
        {
            return new AriaError(JobErrorCodes.RunNotFound, $"No run {runId} with job {jobIndex} for client {client}.", "run_id");
        }

        await _store.RetryFailedWorkItemsAsync(runId, jobIndex, cancellationToken).ConfigureAwait(false);
        run = await SaveJobAsync(run, run.Jobs[jobIndex] with { Status = BatchStatus.New, Condition = JobCondition.None, Error = null }, cancellationToken).ConfigureAwait(false);
        run = await ReopenWarningsAsync(run, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(client, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reprocesses a schedule run: every errored or partial job, and the jobs that did not run because of them.</summary>
    public async Task<AriaResult<ScheduleRun>> ReprocessScheduleAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunNotFound(client, runId);
        }

        foreach (var job in run.Jobs.Where(j => j.Status is BatchStatus.Error or BatchStatus.Partial or BatchStatus.Incomplete))
        {
            await _store.RetryFailedWorkItemsAsync(runId, job.Index, cancellationToken).ConfigureAwait(false);
            run = await SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.New, Condition = JobCondition.None, Error = null }, cancellationToken).ConfigureAwait(false);
        }

        run = await ReopenWarningsAsync(run, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(client, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resets a run so it can run again: every job back to New; failed work items back to pending (their errors kept);
    /// completed items stay completed, so nothing is billed twice.
    /// </summary>
    public async Task<AriaResult<ScheduleRun>> ResetAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunNotFound(client, runId);
        }

        foreach (var job in run.Jobs)
        {
            await _store.RetryFailedWorkItemsAsync(runId, job.Index, cancellationToken).ConfigureAwait(false);
            run = await SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.New, Condition = JobCondition.None, Error = null, FinishedAt = null }, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>The statistics of each job of a run: status, work items by state, timings.</summary>
    public async Task<AriaResult<IReadOnlyList<JobStatistics>>> StatisticsAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunNotFound(client, runId);
        }

        var statistics = new List<JobStatistics>();
        foreach (var job in run.Jobs)
        {
            var items = await _store.ListWorkItemsAsync(runId, job.Index, cancellationToken).ConfigureAwait(false);
            statistics.Add(new JobStatistics(
                job.Index, job.Name, job.Status,
                items.Count(i => i.State == WorkItemState.Pending), items.Count(i => i.State == WorkItemState.Running),
                items.Count(i => i.State == WorkItemState.Completed), items.Count(i => i.State == WorkItemState.Failed),
                job.StartedAt, job.FinishedAt));
        }

        return statistics;
    }

    /// <summary>Suspends the jobs of a run that have not ended.</summary>
    public async Task<AriaResult<ScheduleRun>> SuspendAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default)
    {
        var run = await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return RunNotFound(client, runId);
        }

        foreach (var job in run.Jobs.Where(j => j.Status is BatchStatus.New or BatchStatus.Running))
        {
            run = await SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.Suspended, Condition = JobCondition.Suspended }, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>
    /// The audit-log search (spec: batch-process-audit-log.txt): run dates from <see cref="RunSearch.From"/> to
    /// <see cref="RunSearch.To"/>, at most 7 days, optionally by status and process name, paged.
    /// </summary>
    public async Task<AriaResult<Page<ScheduleRun>>> SearchAuditAsync(RunSearch search, PageRequest page = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.To < search.From || Period.DaysBetween(search.From, search.To) + 1 > 7)
        {
            return new AriaError(
                JobErrorCodes.AuditRangeTooLong,
                $"Search at most 7 days at a time: {search.From:uuuu-MM-dd} to {search.To:uuuu-MM-dd} is {Period.DaysBetween(search.From, search.To) + 1} days.",
                "start_date",
                "end_date");
        }

        var found = await _store.SearchRunsAsync(search, cancellationToken).ConfigureAwait(false);
        try
        {
            return Page<ScheduleRun>.FromOffset(found, page);
        }
        catch (ArgumentException ex)
        {
            return new AriaError(AriaErrorCodes.InvalidContinuationToken, ex.Message, "continuation_token");
        }
    }

    private static AriaError RunNotFound(ClientNumber client, Guid runId) =>
        new(JobErrorCodes.RunNotFound, $"No run {runId} for client {client}.", "run_id");

    private async Task<ScheduleRun> RunJobAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.JobType, out var handler))
        {
            return await SaveJobAsync(run, job with { Status = BatchStatus.Error, Condition = JobCondition.Errored, Error = $"No handler is registered for job type '{job.JobType}'." }, cancellationToken).ConfigureAwait(false);
        }

        if (job.Status == BatchStatus.New)
        {
            // Items first, then New -> Running: a job seen Running has its items, so an execution that finds it Running
            // (another node, a retried trigger) can help with them. Producing twice is harmless (keys are unique per job);
            // only the execution that moves the job out of New counts the attempt.
            try
            {
                var keys = await handler.ProduceWorkItemsAsync(run, job, cancellationToken).ConfigureAwait(false);
                await _store.AddWorkItemsAsync(run.Id, job.Index, keys, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                JobsLogMessages.JobFailed(_logger, job.Name, run.Schedule, run.RunDate.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ex.Message);
                var failedAt = _clock.GetCurrentInstant();
                return await UpdateJobAsync(run, job.Index, j => j.Status == BatchStatus.New
                    ? j with { Status = BatchStatus.Error, Condition = JobCondition.Errored, Error = ex.Message, StartedAt = j.StartedAt ?? failedAt, Attempts = j.Attempts + 1, FinishedAt = failedAt }
                    : null, cancellationToken).ConfigureAwait(false);
            }

            var now = _clock.GetCurrentInstant();
            run = await UpdateJobAsync(run, job.Index, j => j.Status == BatchStatus.New
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
            var workers = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => WorkAsync(run, job, handler, cancellationToken));
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            var interrupted = await _store.GetRunAsync(run.Client, run.Id, CancellationToken.None).ConfigureAwait(false) ?? run;
            return await SaveJobAsync(interrupted, interrupted.Jobs[job.Index] with { Status = BatchStatus.Incomplete, Condition = JobCondition.Interrupted, FinishedAt = _clock.GetCurrentInstant() }, CancellationToken.None).ConfigureAwait(false);
        }

        var items = await _store.ListWorkItemsAsync(run.Id, job.Index, cancellationToken).ConfigureAwait(false);
        var status = StatusRollup.ForJob(items.Select(i => i.State));
        JobsLogMessages.JobEnded(_logger, job.Name, run.Schedule, run.RunDate.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), status);
        var latest = await _store.GetRunAsync(run.Client, run.Id, cancellationToken).ConfigureAwait(false) ?? run;
        if (status == BatchStatus.Running)
        {
            return latest; // items held by another execution's live lease: it records the end
        }

        var endedAt = _clock.GetCurrentInstant();
        return await UpdateJobAsync(latest, job.Index, j => j.Status == status ? null : j with { Status = status, FinishedAt = endedAt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task WorkAsync(ScheduleRun run, JobRun job, IJobHandler handler, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _clock.GetCurrentInstant();
            var claimed = await _store.ClaimWorkItemsAsync(run.Id, job.Index, _options.WorkerId, now, now + _options.Lease, _options.ClaimBatch, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                return;
            }

            var renewAt = now + (_options.Lease / 2);
            for (var i = 0; i < claimed.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = claimed[i];
                if (_clock.GetCurrentInstant() >= renewAt)
                {
                    // Heartbeat: keep the leases of the items still to do in this batch.
                    var at = _clock.GetCurrentInstant();
                    await _store.HeartbeatAsync(claimed.Skip(i).Select(c => c.Id).ToArray(), _options.WorkerId, at, at + _options.Lease, cancellationToken).ConfigureAwait(false);
                    renewAt = at + (_options.Lease / 2);
                }

                string? error;
                try
                {
                    error = await handler.ProcessAsync(run, job, item, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = ex.Message;
                }

                if (error is not null)
                {
                    JobsLogMessages.WorkItemFailed(_logger, item.Key, job.Name, error);
                }

                if (await _store.CompleteWorkItemAsync(item.Id, _options.WorkerId, _clock.GetCurrentInstant(), error, cancellationToken).ConfigureAwait(false))
                {
                    (error is null ? JobsTelemetry.ItemsCompleted : JobsTelemetry.ItemsFailed).Add(1, new KeyValuePair<string, object?>("job_type", job.JobType));
                }
            }
        }
    }

    private async Task<ScheduleRun> ReopenWarningsAsync(ScheduleRun run, CancellationToken cancellationToken)
    {
        foreach (var job in run.Jobs.Where(j => j.Status == BatchStatus.Warning))
        {
            run = await SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.New, Condition = JobCondition.None }, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    private Task<ScheduleRun> SaveJobAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken) =>
        UpdateJobAsync(run, job.Index, _ => job, cancellationToken);

    /// <summary>
    /// Compare-and-swap on the run: <paramref name="change"/> sees the job as stored and returns its new state, or null to
    /// leave it; on a conflict the run is read again and <paramref name="change"/> decides again.
    /// </summary>
    private async Task<ScheduleRun> UpdateJobAsync(ScheduleRun run, int index, Func<JobRun, JobRun?> change, CancellationToken cancellationToken)
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
            var updated = run with { Jobs = jobs, Status = status, FinishedAt = ended ? _clock.GetCurrentInstant() : null };
            if (await _store.UpdateRunAsync(updated, run.Version, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            run = await _store.GetRunAsync(run.Client, run.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {run.Id} disappeared.");
            if (attempt > 10)
            {
                throw new InvalidOperationException($"Run {run.Id} keeps changing under this runner.");
            }
        }
    }
}
