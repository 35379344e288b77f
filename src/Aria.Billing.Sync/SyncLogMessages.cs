using Microsoft.Extensions.Logging;

namespace Aria.Billing.Sync;

/// <summary>The package's log events (source-generated).</summary>
internal static partial class SyncLogMessages
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sync {Kind} {OperationId} of {Domain} ({Scope}) started by {Actor}")]
    public static partial void OperationStarted(ILogger logger, SyncOperationKind kind, Guid operationId, SyncDomain domain, SyncScopeLevel scope, string actor);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sync operation {OperationId} {State}: {Processed} processed, {Succeeded} succeeded, {Failed} failed, {Skipped} skipped")]
    public static partial void OperationEnded(ILogger logger, Guid operationId, SyncOperationState state, long processed, long succeeded, long failed, long skipped);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sync record {RecordId} was interrupted by a crash of operation {OperationId}; it is left ERROR and not run again")]
    public static partial void RecordInterrupted(ILogger logger, long recordId, Guid operationId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Sync operation {OperationId} was taken over by another node: the lease of runner {RunnerId} expired; this runner stops")]
    public static partial void OperationTakenOver(ILogger logger, Guid operationId, string runnerId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Sync operation {OperationId} of client {Client} left running was resumed and ended {State} ({Processed} processed)")]
    public static partial void OperationRecovered(ILogger logger, Guid operationId, long client, SyncOperationState state, long processed);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "The sync recovery pass (records left PENDING, operations left running) failed; it is tried again at the next tick")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Sync operations left running are not resumed, nor records left PENDING processed, in the background: no ISyncRecordHandler is registered")]
    public static partial void RecoveryUnavailable(ILogger logger);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{Count} sync records left PENDING by a crash between storing and processing were processed by the recovery pass")]
    public static partial void PendingRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Sync operation {OperationId} stopped with its host after {Processed} records: left running, its lease given back, for the next start to resume")]
    public static partial void OperationStopped(ILogger logger, Guid operationId, long processed);
}
