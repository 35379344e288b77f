using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Records an operation before any of its work starts: a record scope is checked first (the record must be in the log and
/// be ERROR), then the operation store refuses it while a running operation has an overlapping scope.
/// </summary>
internal sealed class SyncOperationStarter(ISyncRecordStore records, ISyncOperationStore operations, IClock clock, ILogger logger)
{
    /// <summary>The operation as recorded, or SYNC_EVENT_IS_NOT_FOUND, SYNC_EVENT_NOT_VALID_FOR_ERROR_PROCESS, SYNC_OPERATION_IN_PROGRESS.</summary>
    internal async Task<AriaResult<SyncOperation>> StartAsync(
        ClientNumber client, SyncDomain domain, SyncOperationKind kind, SyncScope scope, string actor, CancellationToken cancellationToken)
    {
        if (scope is { Level: SyncScopeLevel.Record, RecordId: null, EventId: { } eventId })
        {
            var search = new SyncSearch { Client = client, Domain = domain, EventId = eventId, Page = PageRequest.First(1).Value };
            var found = await records.SearchAsync(search, cancellationToken).ConfigureAwait(false);
            if (found.Items.Count == 0) // the default search hides DISCARDED records: a discarded one is not "not found"
            {
                found = await records.SearchAsync(search with { Status = SyncStatus.Discarded }, cancellationToken).ConfigureAwait(false);
            }

            if (found.Items.Count == 0)
            {
                return SyncOperationRefusal.Of(SyncErrorCodes.SyncEventIsNotFound, $"No sync record for the event ID '{eventId}' exists in the {domain} log.");
            }

            scope = SyncScope.Record(found.Items[0].Id);
        }

        if (scope.Level == SyncScopeLevel.Record)
        {
            var record = await records.GetAsync(client, scope.RecordId!.Value, cancellationToken).ConfigureAwait(false);
            if (record is null || record.Domain != domain)
            {
                return SyncOperationRefusal.Of(SyncErrorCodes.SyncEventIsNotFound, $"No sync record {scope.RecordId} exists in the {domain} log.");
            }

            if (record.Status != SyncStatus.Error)
            {
                return SyncOperationRefusal.Of(SyncErrorCodes.SyncEventNotValidForErrorProcess, $"Sync record {record.Id} is {record.Status.ToString().ToUpperInvariant()}: only ERROR records can be {(kind == SyncOperationKind.Reprocess ? "reprocessed" : "discarded")}.");
            }
        }

        var operation = new SyncOperation
        {
            Id = Guid.NewGuid(),
            Client = client,
            Domain = domain,
            Kind = kind,
            Scope = scope,
            RequestedBy = actor,
            RequestedAt = clock.GetCurrentInstant(),
        };
        if (await operations.TryStartOperationAsync(operation, cancellationToken).ConfigureAwait(false))
        {
            SyncLogMessages.OperationStarted(logger, kind, operation.Id, domain, scope.Level, actor);
            return operation;
        }

        return SyncOperationRefusal.Of(SyncErrorCodes.SyncOperationInProgress, $"A reprocess or discard of an overlapping scope is already running in the {domain} log; wait for it to finish.");
    }
}
