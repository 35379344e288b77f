using NodaTime;
using Aria.Billing.Jobs;

namespace Aria.Billing.Client;

/// <summary>A schedule's run for a date, as the host reports it.</summary>
/// <param name="Id">The run.</param>
/// <param name="Schedule">The schedule's name.</param>
/// <param name="RunDate">The date the run is for.</param>
/// <param name="Status">The run's status (batch_status_cd).</param>
/// <param name="Jobs">Its jobs, in order.</param>
public sealed record ScheduleRunInfo(Guid Id, string Schedule, LocalDate RunDate, BatchStatus Status, IReadOnlyList<JobRunInfo> Jobs)
{
    /// <summary>Whether the run has ended (not New and not Running).</summary>
    public bool IsFinished => Status is not (BatchStatus.New or BatchStatus.Running);
}

/// <summary>A job of a run.</summary>
/// <param name="Index">Its position in the schedule.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Its status.</param>
/// <param name="Error">Why it failed, if it did.</param>
public sealed record JobRunInfo(int Index, string Name, BatchStatus Status, string? Error);
