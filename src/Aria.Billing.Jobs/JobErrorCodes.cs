namespace Aria.Billing.Jobs;

/// <summary>The codes of the job rules (symbolic: the spec states these rules without numbers).</summary>
public static class JobErrorCodes
{
    /// <summary>INVALID_SCHEDULE: a schedule without a name or jobs.</summary>
    public static AriaErrorCode InvalidSchedule { get; } = AriaErrorCode.Symbolic("INVALID_SCHEDULE");

    /// <summary>SCHEDULE_NOT_FOUND: no schedule of that name.</summary>
    public static AriaErrorCode ScheduleNotFound { get; } = AriaErrorCode.Symbolic("SCHEDULE_NOT_FOUND");

    /// <summary>LAST_DAILY_BILLING_SCHEDULE: the client's last daily billing schedule cannot be removed.</summary>
    public static AriaErrorCode LastDailyBillingSchedule { get; } = AriaErrorCode.Symbolic("LAST_DAILY_BILLING_SCHEDULE");

    /// <summary>RUN_NOT_FOUND: no run with that id.</summary>
    public static AriaErrorCode RunNotFound { get; } = AriaErrorCode.Symbolic("RUN_NOT_FOUND");

    /// <summary>AUDIT_RANGE_TOO_LONG: an audit search spans more than 7 days.</summary>
    public static AriaErrorCode AuditRangeTooLong { get; } = AriaErrorCode.Symbolic("AUDIT_RANGE_TOO_LONG");

    /// <summary>An audit search whose end date is before its start date.</summary>
    public static AriaErrorCode AuditRangeReversed { get; } = AriaErrorCode.Symbolic("AUDIT_RANGE_REVERSED");

    /// <summary>TOO_MANY_JOBS: a schedule with more jobs than <see cref="JobRunnerOptions.MaxJobsPerSchedule"/> (issue #15 item 5).</summary>
    public static AriaErrorCode TooManyJobs { get; } = AriaErrorCode.Symbolic("TOO_MANY_JOBS");

    /// <summary>
    /// TOO_MANY_WORK_ITEMS: a run whose jobs produced more work items than <see cref="JobRunnerOptions.MaxWorkItemsPerRun"/>
    /// (issue #15 item 5); the job that crossed the limit ends in Error with this code at the start of its error text.
    /// </summary>
    public static AriaErrorCode TooManyWorkItems { get; } = AriaErrorCode.Symbolic("TOO_MANY_WORK_ITEMS");
}
