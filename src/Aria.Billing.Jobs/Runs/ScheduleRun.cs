using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// One run of a job schedule for a business date: its jobs in order and its rolled-up status. Natural key: client, schedule
/// and run date (creating the run twice gives one run).
/// </summary>
public sealed record ScheduleRun
{
    /// <summary>The run's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The schedule's name.</summary>
    public required string Schedule { get; init; }

    /// <summary>The business date.</summary>
    public required LocalDate RunDate { get; init; }

    /// <summary>The jobs, in order.</summary>
    public required IReadOnlyList<JobRun> Jobs { get; init; }

    /// <summary>The rolled-up status.</summary>
    public BatchStatus Status { get; init; }

    /// <summary>
    /// How the run was started: <c>automatic</c>, <c>manual</c>, <c>trigger:&lt;key&gt;</c>, or <c>held:&lt;who&gt;</c> for a run
    /// created to be executed later (<see cref="JobRunner.CreateHeldRunAsync"/>).
    /// </summary>
    public string StartedBy { get; init; } = "automatic";

    /// <summary>
    /// Whether the run was created to wait for an explicit execute and has not begun: the schedule driver's recovery leaves
    /// it alone (it executes only runs that were started or that it created itself).
    /// </summary>
    public bool IsHeld => StartedBy.StartsWith(HeldPrefix, StringComparison.Ordinal) && Jobs.All(static j => j.StartedAt is null);

    /// <summary>The <see cref="StartedBy"/> prefix of a run created by <see cref="JobRunner.CreateHeldRunAsync"/>.</summary>
    internal const string HeldPrefix = "held:";

    /// <summary>When the run was created.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>When it finished (reached a terminal status).</summary>
    public Instant? FinishedAt { get; init; }

    /// <summary>
    /// When the schedule's calendar said the run should start (after daylight-saving and exception-window shifts), for a run
    /// the schedule driver started; null for a run started by hand or by a trigger.
    /// </summary>
    public Instant? ScheduledAt { get; init; }

    /// <summary>
    /// Whether the schedule driver started the run late, catching up a run date it missed (the host was down at the run's
    /// time); <see cref="CreatedAt"/> − <see cref="ScheduledAt"/> says how late.
    /// </summary>
    public bool CaughtUp { get; init; }

    /// <summary>Incremented by the store on every update.</summary>
    public long Version { get; init; }
}
