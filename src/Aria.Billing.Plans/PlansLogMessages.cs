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
}
