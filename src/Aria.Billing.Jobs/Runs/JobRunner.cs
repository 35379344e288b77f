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
    private readonly RunWriter _writer;
    private readonly RunExecutor _executor;

    /// <summary>A runner over a store with a handler per job type.</summary>
    public JobRunner(IJobRunStore store, IReadOnlyDictionary<string, IJobHandler> handlers, IClock clock, JobRunnerOptions? options = null, ILogger<JobRunner>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _handlers = handlers ?? throw new ArgumentNullException(nameof(handlers));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new JobRunnerOptions();
        _writer = new RunWriter(_store, _clock);
        _executor = new RunExecutor(_store, _handlers, _clock, _writer, new WorkItemWorkers(_store, _clock, _options, _logger), _logger);
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
    public Task<AriaResult<ScheduleRun>> ExecuteAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(client, runId, cancellationToken);

    /// <summary>The run with this id.</summary>
    public async Task<AriaResult<ScheduleRun>> PollAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        await _store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false) is { } run
            ? run
            : RunErrors.RunNotFound(client, runId);

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
                        await Task.Delay(interval, limit.Token).ConfigureAwait(false);
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
            return RunErrors.RunNotFound(client, runId);
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
            return RunErrors.RunNotFound(client, runId);
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
            return RunErrors.RunNotFound(client, runId);
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
            return RunErrors.RunNotFound(client, runId);
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

    private async Task<ScheduleRun> ReopenWarningsAsync(ScheduleRun run, CancellationToken cancellationToken)
    {
        foreach (var job in run.Jobs.Where(j => j.Status == BatchStatus.Warning))
        {
            run = await SaveJobAsync(run, run.Jobs[job.Index] with { Status = BatchStatus.New, Condition = JobCondition.None }, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    private Task<ScheduleRun> SaveJobAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken) =>
        _writer.SaveJobAsync(run, job, cancellationToken);

    private Task<ScheduleRun> UpdateJobAsync(ScheduleRun run, int index, Func<JobRun, JobRun?> change, CancellationToken cancellationToken) =>
        _writer.UpdateJobAsync(run, index, change, cancellationToken);
}
