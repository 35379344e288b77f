using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>One automatic run of a schedule: the business date it runs for and the instant it starts.</summary>
/// <param name="RunDate">The date the run is for (in the schedule's time zone).</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="ShiftedBy">What moved it from the plain execution time: nothing, a daylight-saving gap, or an exception window.</param>
public readonly record struct ScheduledRun(LocalDate RunDate, Instant StartsAt, RunShift ShiftedBy);
