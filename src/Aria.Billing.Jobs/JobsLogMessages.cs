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
}
