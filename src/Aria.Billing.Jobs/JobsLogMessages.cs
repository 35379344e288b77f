using Microsoft.Extensions.Logging;

namespace Aria.Billing.Jobs;

/// <summary>The package's log events (source-generated).</summary>
internal static partial class JobsLogMessages
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Job {Job} of {Schedule} for {RunDate} ended {Status}")]
    public static partial void JobEnded(ILogger logger, string job, string schedule, string runDate, BatchStatus status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Job {Job} of {Schedule} for {RunDate} failed: {Error}")]
    public static partial void JobFailed(ILogger logger, string job, string schedule, string runDate, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Work item {Key} of job {Job} failed: {Error}")]
    public static partial void WorkItemFailed(ILogger logger, string key, string job, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Job {Job} of {Schedule} for {RunDate} was interrupted: Incomplete until an execution resumes it")]
    public static partial void JobInterrupted(ILogger logger, string job, string schedule, string runDate);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Job {Job} of {Schedule} for {RunDate} resumes after an interruption")]
    public static partial void JobResumed(ILogger logger, string job, string schedule, string runDate);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "The leases of {Count} work items of job {Job} were not given back ({Error}): they are claimed again once they run out")]
    public static partial void LeasesNotGivenBack(ILogger logger, int count, string job, string error);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Schedule {Schedule} of client {Client}: started the run of {RunDate} ({Lateness} after its time{CaughtUp})")]
    public static partial void RunStarted(ILogger logger, string schedule, long client, string runDate, TimeSpan lateness, string caughtUp);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Schedule {Schedule} of client {Client}: {Skipped} missed run dates skipped, only the latest is run (MissedRuns = LatestOnly)")]
    public static partial void MissedRunsSkipped(ILogger logger, string schedule, long client, int skipped);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Schedule {Schedule} of client {Client} names a time zone this node does not know; it is not run automatically")]
    public static partial void UnreadableSchedule(ILogger logger, string schedule, long client);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "The schedule driver's pass failed; it tries again at its next tick")]
    public static partial void DriverFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Run {RunId} of {Schedule} for {RunDate} (client {Client}) continued: {Status}")]
    public static partial void RunContinued(ILogger logger, Guid runId, string schedule, string runDate, long client, BatchStatus status);
}
