using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// Creates and executes schedule runs (spec: job-schedule-management.txt, "Job Schedule Execution"): one run per schedule and
/// date, jobs strictly in order (a job that is not Ok or Partial holds back the later ones; an interrupted job is resumed
/// before them), each job's work items processed by workers under leases (an expired lease is re-claimed; an item
/// completes at most once), a job with no items completes at once, a job after one that errored ends in Warning; statuses
/// roll up; reprocess at schedule or job level keeps earlier attempts; the audit search spans at most 7 days; the core
/// system triggers a run and polls it through a gate.
/// </summary>
public sealed class JobRunner
{
    private readonly RunCreator _creator;
    private readonly RunExecutor _executor;
    private readonly RunCommands _commands;
    private readonly RunGate _gate;
    private readonly RunStatisticsReader _statistics;
    private readonly AuditSearch _audit;

    /// <summary>A runner over a store with a handler per job type; the gate waits (polls and timeout) on <paramref name="time"/> (default the system's).</summary>
    public JobRunner(
        IJobRunStore store, IReadOnlyDictionary<string, IJobHandler> handlers, IClock clock, JobRunnerOptions? options = null, ILogger<JobRunner>? logger = null,
        TimeProvider? time = null)
    {
        var log = logger ?? (ILogger)NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(clock);
        options = JobRunnerOptions.Rules.ThrowIfInvalid(options ?? new JobRunnerOptions(), nameof(options));

        var writer = new RunWriter(store, clock);
        _creator = new RunCreator(store, clock);
        _executor = new RunExecutor(store, handlers, clock, writer, new WorkItemWorkers(store, clock, options, log), log, options.MaxWorkItemsPerRun);
        _commands = new RunCommands(store, writer, _executor);
        _gate = new RunGate(store, time ?? TimeProvider.System);
        _statistics = new RunStatisticsReader(store);
        _audit = new AuditSearch(store);
    }

    /// <summary>Creates the run of <paramref name="schedule"/> for <paramref name="runDate"/>, or returns the existing one.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runDate"/> is outside <see cref="BusinessDates"/> (check it with <see cref="BusinessDates.Check(LocalDate, string)"/> at the boundary).</exception>
    public Task<ScheduleRun> CreateRunAsync(JobSchedule schedule, LocalDate runDate, string startedBy = "automatic", CancellationToken cancellationToken = default) =>
        _creator.CreateRunAsync(schedule, runDate, startedBy, cancellationToken);

    /// <summary>
    /// Creates the run of <paramref name="schedule"/> for <paramref name="runDate"/> to be executed later by an explicit
    /// <see cref="ExecuteAsync"/> (an operator's "create", then "run"): until it begins, the schedule driver's recovery does
    /// not execute it (<see cref="ScheduleRun.IsHeld"/>). Returns the existing run when the date already has one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runDate"/> is outside <see cref="BusinessDates"/>.</exception>
    public Task<ScheduleRun> CreateHeldRunAsync(JobSchedule schedule, LocalDate runDate, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        return _creator.CreateRunAsync(schedule, runDate, ScheduleRun.HeldPrefix + createdBy, cancellationToken);
    }

    /// <summary>Creates a run the schedule driver found due (see <see cref="ScheduleDriverOptions"/>).</summary>
    internal Task<(ScheduleRun Run, bool Created)> CreateScheduledRunAsync(JobSchedule schedule, ScheduledRun due, bool caughtUp, CancellationToken cancellationToken) =>
        _creator.CreateScheduledRunAsync(schedule, due, caughtUp, cancellationToken);

    /// <summary>
    /// The core system's trigger: the run of <paramref name="schedule"/> for <paramref name="runDate"/>, created once whatever
    /// the retries (the date is the natural key; <paramref name="idempotencyKey"/> is recorded on the first).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runDate"/> is outside <see cref="BusinessDates"/> (check it with <see cref="BusinessDates.Check(LocalDate, string)"/> at the boundary).</exception>
    public Task<ScheduleRun> TriggerAsync(JobSchedule schedule, LocalDate runDate, string idempotencyKey, CancellationToken cancellationToken = default) =>
        _creator.TriggerAsync(schedule, runDate, idempotencyKey, cancellationToken);

    /// <summary>
    /// Executes a run strictly in order from its first job that has not ended Ok or Partial. Returns when every job has
    /// ended, when items are held by another worker's live lease (execute again later to resume), or at a job that holds
    /// the later ones back: Suspended or Warning (they stay New until the run is reset or reprocessed), Error (they end in
    /// Warning), Incomplete (this execution was interrupted).
    /// Safe to call for the same run from several nodes at once: each job starts once, after the one before it has
    /// ended Ok or Partial, and the executions share its work items.
    /// </summary>
    /// <remarks>
    /// Cancelling <paramref name="cancellationToken"/> while a job's items are processed interrupts it: the job is written
    /// Incomplete (batch status 3), the items whose handler returned are recorded, and the leases of the others are given
    /// back. The next execution of the run, on any node, resumes that job before any later one: its pending items and
    /// those whose lease was given back or ran out are claimed again (the job's and the items' attempts count it);
    /// completed and failed items are not redone. A cancellation before a job's items are processed throws
    /// <see cref="OperationCanceledException"/> and leaves the job as it was.
    /// </remarks>
    public Task<AriaResult<ScheduleRun>> ExecuteAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(client, runId, cancellationToken);

    /// <summary>The run with this id.</summary>
    public Task<AriaResult<ScheduleRun>> PollAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _gate.PollAsync(client, runId, cancellationToken);

    /// <summary>
    /// The core system's gate: polls the run every <paramref name="interval"/> until it ends or <paramref name="timeout"/>
    /// passes; Proceed only after Ok, NeedsHumanIntervention on any other ending.
    /// </summary>
    public Task<GateDecision> WaitForCompletionAsync(ClientNumber client, Guid runId, TimeSpan interval, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _gate.WaitForCompletionAsync(client, runId, interval, timeout, cancellationToken);

    /// <summary>
    /// The first half of <see cref="ReprocessJobAsync"/>: the job's failed items go back to pending (their errors kept) and the
    /// job to New, stored at once, without executing. A host answers with it and executes in the background; the run is
    /// then unfinished in the store, so a stop before the execution loses nothing (recovery executes it).
    /// </summary>
    public Task<AriaResult<ScheduleRun>> ReopenJobAsync(ClientNumber client, Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        _commands.ReopenJobAsync(client, runId, jobIndex, cancellationToken);

    /// <summary>The first half of <see cref="ReprocessScheduleAsync"/>: the jobs to reprocess reopened and stored, without executing.</summary>
    public Task<AriaResult<ScheduleRun>> ReopenScheduleAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _commands.ReopenScheduleAsync(client, runId, cancellationToken);

    /// <summary>Reprocesses one job: its failed items go back to pending (their errors kept), then the run executes again.</summary>
    public Task<AriaResult<ScheduleRun>> ReprocessJobAsync(ClientNumber client, Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        _commands.ReprocessJobAsync(client, runId, jobIndex, cancellationToken);

    /// <summary>Reprocesses a schedule run: every errored or partial job, and the jobs that did not run because of them.</summary>
    public Task<AriaResult<ScheduleRun>> ReprocessScheduleAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _commands.ReprocessScheduleAsync(client, runId, cancellationToken);

    /// <summary>
    /// Resets a run so it can run again: every job back to New; failed work items back to pending (their errors kept);
    /// completed items stay completed, so nothing is billed twice.
    /// </summary>
    public Task<AriaResult<ScheduleRun>> ResetAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _commands.ResetAsync(client, runId, cancellationToken);

    /// <summary>The statistics of each job of a run: status, work items by state, timings.</summary>
    public Task<AriaResult<IReadOnlyList<JobStatistics>>> StatisticsAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _statistics.StatisticsAsync(client, runId, cancellationToken);

    /// <summary>
    /// Suspends the jobs of a run that have not ended (New, Running, Incomplete): executions stop at the first of them
    /// until the run is reset or the job reprocessed.
    /// </summary>
    public Task<AriaResult<ScheduleRun>> SuspendAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken = default) =>
        _commands.SuspendAsync(client, runId, cancellationToken);

    /// <summary>
    /// The audit-log search (spec: batch-process-audit-log.txt): run dates from <see cref="RunSearch.From"/> to
    /// <see cref="RunSearch.To"/>, at most 7 days, optionally by status and process name, paged.
    /// </summary>
    public Task<AriaResult<Page<ScheduleRun>>> SearchAuditAsync(RunSearch search, PageRequest page = default, CancellationToken cancellationToken = default) =>
        _audit.SearchAsync(search, page, cancellationToken);
}
