using Microsoft.Extensions.Logging;
using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans;

/// <summary>The package's log events (source-generated).</summary>
internal static partial class PlansLogMessages
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Plan change {ChangeId} ({Kind} of plan instance {Instance}) applied by {Actor}")]
    public static partial void ChangeApplied(ILogger logger, Guid changeId, PlanChangeKind kind, PlanInstanceNumber instance, string actor);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Plan change {ChangeId} could not be applied and stays queued: {Error}")]
    public static partial void ChangeFailed(ILogger logger, Guid changeId, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Plan change {ChangeId} deleted by {Actor}: {Reason}")]
    public static partial void ChangeDeleted(ILogger logger, Guid changeId, string actor, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Due plan changes of client {Client} as of {AsOf}: {Executed} applied, {Failed} failed, {Voided} voided")]
    public static partial void DueProcessed(ILogger logger, long client, string asOf, int executed, int failed, int voided);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Due plan changes are not applied in the background: no IPlanInstanceDirectory or IPlanChangeApplier is registered")]
    public static partial void DueProcessingUnavailable(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Applying due plan changes failed; it is tried again at the next tick")]
    public static partial void DueProcessingFailed(ILogger logger, Exception exception);
}
