namespace Aria.Billing.Storage;

/// <summary>The columns of <c>schedule_run</c> a row is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum ScheduleRunColumn
{
    Id,
    Client,
    Schedule,
    RunDate,
    Status,
    StartedBy,
    CreatedAt,
    FinishedAt,
    Jobs,
    Version,
    ScheduledAt,
    CaughtUp,
}
