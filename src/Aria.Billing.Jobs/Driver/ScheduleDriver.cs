using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// One pass of the Jobs package's background duties: start every stored schedule's due runs (each run date once per client
/// and schedule across all nodes: the store's unique run per date decides), catching up missed dates oldest first within
/// the window, then continue every run not ended, oldest date first, a schedule's later runs waiting for its earlier ones.
/// </summary>
internal sealed class ScheduleDriver(
    IJobScheduleStore schedules, IJobRunStore runs, JobRunner runner, IClock clock, IDateTimeZoneProvider zones, ClientTimeZones clients,
    ScheduleDriverOptions options, ILogger? logger = null)
{
    private readonly ScheduleDriverOptions _options = ScheduleDriverOptions.Rules.ThrowIfInvalid(options, nameof(options));
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Runs one pass; returns the runs it started.</summary>
    public async Task<IReadOnlyList<ScheduleRun>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = new List<ScheduleRun>();
        if (_options.Enabled)
        {
            foreach (var stored in await schedules.ListAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (stored.Definition.Resolve(zones, clients.For(stored.Client)) is not { } schedule)
                {
                    JobsLogMessages.UnreadableSchedule(_logger, stored.Name, stored.Client.Value);
                    continue;
                }

                started.AddRange(await StartDueAsync(schedule, stored.SavedAt, cancellationToken).ConfigureAwait(false));
            }
        }

        var toContinue = _options.RecoverRuns
            ? await runs.ListUnfinishedRunsAsync(cancellationToken).ConfigureAwait(false)
            : started;
        await ContinueAsync(toContinue, cancellationToken).ConfigureAwait(false);
        return started;
    }

    /// <summary>
    /// Creates the schedule's due runs that do not exist yet, oldest first: those whose time has come, within the catch-up
    /// window, and not before the schedule was saved (a new or changed schedule does not back-fill the past).
    /// </summary>
    private async Task<IReadOnlyList<ScheduleRun>> StartDueAsync(JobSchedule schedule, Instant savedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var zone = schedule.Calendar.Zone;
        var today = now.InZone(zone).Date;
        var first = (now - Duration.FromTimeSpan(_options.CatchUpWindow)).InZone(zone).Date;
        var due = schedule.Calendar.RunsBetween(first, today).Where(r => r.StartsAt <= now && r.StartsAt >= savedAt).ToArray();
        if (due.Length == 0)
        {
            return [];
        }

        var existing = (await runs.SearchRunsAsync(new RunSearch(schedule.Client, first, today), cancellationToken).ConfigureAwait(false))
            .Where(r => r.Schedule == schedule.Name).Select(r => r.RunDate).ToHashSet();
        var missing = due.Where(r => !existing.Contains(r.RunDate)).ToList();
        if (_options.MissedRuns == MissedRuns.LatestOnly && missing.Count > 1)
        {
            JobsLogMessages.MissedRunsSkipped(_logger, schedule.Name, schedule.Client.Value, missing.Count - 1);
            missing.RemoveRange(0, missing.Count - 1);
        }

        var started = new List<ScheduleRun>();
        foreach (var run in missing)
        {
            var lateness = clock.GetCurrentInstant() - run.StartsAt;
            var caughtUp = lateness > Duration.FromTimeSpan(_options.OnTimeTolerance);
            var (created, isNew) = await runner.CreateScheduledRunAsync(schedule, run, caughtUp, cancellationToken).ConfigureAwait(false);
            if (isNew)
            {
                var tag = new KeyValuePair<string, object?>("caught_up", caughtUp);
                JobsTelemetry.RunsStarted.Add(1, tag);
                JobsTelemetry.RunStartDelay.Record(lateness.TotalSeconds, tag);
                JobsLogMessages.RunStarted(_logger, schedule.Name, schedule.Client.Value, run.RunDate.ToString("uuuu-MM-dd", null), lateness.ToTimeSpan(), caughtUp ? ", caught up" : "");
                started.Add(created);
            }
        }

        return started;
    }

    /// <summary>
    /// Executes each run not ended, oldest date first; a schedule's later runs wait while an earlier one has not ended. A run
    /// created to wait for an explicit execute (<see cref="ScheduleRun.IsHeld"/>) is left alone until it begins.
    /// </summary>
    private async Task ContinueAsync(IEnumerable<ScheduleRun> unfinished, CancellationToken cancellationToken)
    {
        var heldBack = new HashSet<(ClientNumber, string)>();
        foreach (var run in unfinished.OrderBy(r => r.RunDate).ThenBy(r => r.CreatedAt))
        {
            if (run.IsHeld || heldBack.Contains((run.Client, run.Schedule)))
            {
                continue;
            }

            var executed = await runner.ExecuteAsync(run.Client, run.Id, cancellationToken).ConfigureAwait(false);
            var status = executed.IsSuccess ? executed.Value.Status : BatchStatus.Error;
            if (status is BatchStatus.New or BatchStatus.Running)
            {
                heldBack.Add((run.Client, run.Schedule)); // still running elsewhere: the next dates wait for it
                continue;
            }

            JobsLogMessages.RunContinued(_logger, run.Id, run.Schedule, run.RunDate.ToString("uuuu-MM-dd", null), run.Client.Value, status);
        }
    }
}
