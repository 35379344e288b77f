using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// Creates the run of a schedule for a date, once: the client, schedule and date are the run's natural key, so a second
/// request (a retried trigger, a manual start, the driver on another node) gets the run the first one created.
/// </summary>
internal sealed class RunCreator(IJobRunStore store, IClock clock)
{
    /// <summary>Creates the run of <paramref name="schedule"/> for <paramref name="runDate"/>, or returns the existing one.</summary>
    public async Task<ScheduleRun> CreateRunAsync(JobSchedule schedule, LocalDate runDate, string startedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return (await store.CreateRunAsync(NewRun(schedule, runDate, startedBy), cancellationToken).ConfigureAwait(false)).Run;
    }

    /// <summary>
    /// Creates the run the schedule driver found due, stamped with when it was meant to start and whether it is caught up;
    /// says whether this call created it.
    /// </summary>
    public Task<(ScheduleRun Run, bool Created)> CreateScheduledRunAsync(JobSchedule schedule, ScheduledRun due, bool caughtUp, CancellationToken cancellationToken) =>
        store.CreateRunAsync(
            NewRun(schedule, due.RunDate, caughtUp ? "schedule (caught up)" : "schedule") with { ScheduledAt = due.StartsAt, CaughtUp = caughtUp },
            cancellationToken);

    /// <summary>
    /// The core system's trigger: the run created once whatever the retries, started by <c>trigger:</c> and
    /// <paramref name="idempotencyKey"/> when this call creates it.
    /// </summary>
    public Task<ScheduleRun> TriggerAsync(JobSchedule schedule, LocalDate runDate, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return CreateRunAsync(schedule, runDate, $"trigger:{idempotencyKey}", cancellationToken);
    }

    private ScheduleRun NewRun(JobSchedule schedule, LocalDate runDate, string startedBy)
    {
        if (!BusinessDates.Contains(runDate))
        {
            throw new ArgumentOutOfRangeException(nameof(runDate), runDate, $"Value should be in range [{BusinessDates.Earliest:uuuu-MM-dd}-{BusinessDates.Latest:uuuu-MM-dd}] (BusinessDates)");
        }

        return new ScheduleRun
        {
            Id = Guid.NewGuid(),
            Client = schedule.Client,
            Schedule = schedule.Name,
            RunDate = runDate,
            Jobs = schedule.Jobs.Select((j, i) => new JobRun { Index = i, Name = j.Name, JobType = j.JobType }).ToArray(),
            StartedBy = startedBy,
            CreatedAt = clock.GetCurrentInstant(),
        };
    }
}
