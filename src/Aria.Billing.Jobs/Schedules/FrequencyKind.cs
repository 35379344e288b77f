namespace Aria.Billing.Jobs;

/// <summary>How often a job schedule runs (spec: job-schedule-management.txt, "Examples of Job Schedules").</summary>
public enum FrequencyKind
{
    /// <summary>Every day.</summary>
    Daily = 0,

    /// <summary>Every week on one weekday ("end of week").</summary>
    Weekly = 1,

    /// <summary>Every month on a day ("15th of every month"); a day past the month's end falls on its last day.</summary>
    Monthly = 2,

    /// <summary>The last day of every month.</summary>
    MonthEnd = 3,

    /// <summary>N days before the last day of every month ("2 days prior to month-end close").</summary>
    DaysBeforeMonthEnd = 4,

    /// <summary>The last day of March, June, September and December.</summary>
    QuarterEnd = 5,

    /// <summary>December 31.</summary>
    YearEnd = 6,

    /// <summary>Never automatically: runs are started by hand.</summary>
    ManualOnly = 7,
}
