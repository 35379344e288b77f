using System.Data.Common;

namespace Aria.Billing.Storage;

/// <summary>How a <see cref="SyncRecord"/> and a <see cref="SyncOperation"/> map to rows.</summary>
internal static class SyncRecordRows
{
    /// <summary>The columns every query reads, in the order <see cref="Read"/> expects.</summary>
    internal const string Columns =
        "id, client, domain, aria_sync_id, event_id, event_time, object_type, object_name, action, action_name, account_no, status, error_code, " +
        "error_message, error_number, scn_number, payload, audit_header, batch_start, batch_end, attempts, in_flight, version";

    /// <summary>The record in the current row, read from <see cref="Columns"/>.</summary>
    internal static SyncRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Client = new ClientNumber(r.GetInt64(1)),
        Domain = (SyncDomain)r.GetInt32(2),
        AriaSyncId = r.GetStringOrNull(3),
        EventId = r.GetString(4),
        EventTime = r.GetInstant(5),
        ObjectType = r.GetInt32(6),
        ObjectName = r.GetString(7),
        Action = r.GetStringOrNull(8),
        ActionName = r.GetString(9),
        AccountNumber = r.GetInt64OrNull(10) is { } account ? new AccountNumber(account) : null,
        Status = (SyncStatus)r.GetInt32(11),
        ErrorCode = r.GetStringOrNull(12),
        ErrorMessage = r.GetStringOrNull(13),
        ErrorNumber = r.GetInt64OrNull(14),
        ScnNumber = r.GetInt64OrNull(15),
        Payload = r.GetString(16),
        AuditHeader = r.GetStringOrNull(17),
        BatchStart = r.GetInstantOrNull(18),
        BatchEnd = r.GetInstantOrNull(19),
        Attempts = StorageJson.Attempts(r.GetString(20)),
        InFlightOperation = r.GetGuidOrNull(21),
        Version = r.GetInt64(22),
    };

    /// <summary>Binds the mutable fields of <paramref name="record"/> as the parameters the insert and update statements name.</summary>
    internal static DbCommand WithFields(this DbCommand command, SyncRecord record) => command
        .With("aria_sync_id", record.AriaSyncId)
        .With("event_time", SqlCommands.Ticks(record.EventTime))
        .With("object_type", record.ObjectType)
        .With("object_name", record.ObjectName)
        .With("object_name_key", SqlCommands.Fold(record.ObjectName))
        .With("action", record.Action)
        .With("action_name", record.ActionName)
        .With("action_name_key", SqlCommands.Fold(record.ActionName))
        .With("status", (int)record.Status)
        .With("error_code", record.ErrorCode)
        .With("error_message", record.ErrorMessage)
        .With("error_number", record.ErrorNumber)
        .With("scn_number", record.ScnNumber)
        .With("payload", record.Payload)
        .With("audit_header", record.AuditHeader)
        .With("batch_start", SqlCommands.Ticks(record.BatchStart))
        .With("batch_end", SqlCommands.Ticks(record.BatchEnd))
        .With("attempts", StorageJson.Attempts(record.Attempts))
        .With("in_flight", record.InFlightOperation);

    /// <summary>The assignments of the update statement for the fields <see cref="WithFields"/> binds.</summary>
    internal const string Assignments =
        "aria_sync_id = @aria_sync_id, event_time = @event_time, object_type = @object_type, object_name = @object_name, object_name_key = @object_name_key, " +
        "action = @action, action_name = @action_name, action_name_key = @action_name_key, status = @status, error_code = @error_code, " +
        "error_message = @error_message, error_number = @error_number, scn_number = @scn_number, payload = @payload, audit_header = @audit_header, " +
        "batch_start = @batch_start, batch_end = @batch_end, attempts = @attempts, in_flight = @in_flight";

    /// <summary>The columns of the operation table, in the order <see cref="ReadOperation"/> expects.</summary>
    internal const string OperationColumns =
        "id, client, domain, kind, scope_level, scope_object, scope_action, scope_error_code, scope_error_message, scope_record_id, scope_batch_start, " +
        "scope_account, requested_by, requested_at, state, processed, succeeded, failed, skipped, finished_at";

    /// <summary>The operation in the current row, read from <see cref="OperationColumns"/>.</summary>
    internal static SyncOperation ReadOperation(DbDataReader r) => new()
    {
        Id = r.GetGuid(0),
        Client = new ClientNumber(r.GetInt64(1)),
        Domain = (SyncDomain)r.GetInt32(2),
        Kind = (SyncOperationKind)r.GetInt32(3),
        Scope = Scope(r),
        RequestedBy = r.GetString(12),
        RequestedAt = r.GetInstant(13),
        State = (SyncOperationState)r.GetInt32(14),
        Processed = r.GetInt64(15),
        Succeeded = r.GetInt64(16),
        Failed = r.GetInt64(17),
        Skipped = r.GetInt64(18),
        FinishedAt = r.GetInstantOrNull(19),
    };

    /// <summary>Binds every field of an operation as the parameters the upsert names.</summary>
    internal static DbCommand WithOperation(this DbCommand command, SyncOperation o) => command
        .With("id", o.Id)
        .With("client", o.Client.Value)
        .With("domain", (int)o.Domain)
        .With("kind", (int)o.Kind)
        .With("scope_level", (int)o.Scope.Level)
        .With("scope_object", o.Scope.ObjectName)
        .With("scope_action", o.Scope.ActionName)
        .With("scope_error_code", o.Scope.ErrorCode)
        .With("scope_error_message", o.Scope.ErrorMessage)
        .With("scope_record_id", o.Scope.RecordId)
        .With("scope_batch_start", SqlCommands.Ticks(o.Scope.BatchStart))
        .With("scope_account", o.Scope.AccountNumber?.Value)
        .With("requested_by", o.RequestedBy)
        .With("requested_at", SqlCommands.Ticks(o.RequestedAt))
        .With("state", (int)o.State)
        .With("processed", o.Processed)
        .With("succeeded", o.Succeeded)
        .With("failed", o.Failed)
        .With("skipped", o.Skipped)
        .With("finished_at", SqlCommands.Ticks(o.FinishedAt));

    private static SyncScope Scope(DbDataReader r)
    {
        var objectName = r.GetStringOrNull(5);
        var actionName = r.GetStringOrNull(6);
        var account = r.GetInt64OrNull(11) is { } a ? new AccountNumber(a) : (AccountNumber?)null;
        return (SyncScopeLevel)r.GetInt32(4) switch
        {
            SyncScopeLevel.Summary => SyncScope.Summary(objectName!, actionName!, account),
            SyncScopeLevel.ErrorSummary => SyncScope.ErrorSummary(objectName!, actionName!, r.GetStringOrNull(7), r.GetStringOrNull(8), account),
            SyncScopeLevel.Record => SyncScope.Record(r.GetInt64(9)),
            SyncScopeLevel.Batch => SyncScope.Batch(r.GetInstant(10)),
            SyncScopeLevel.BatchErrorSummary => SyncScope.BatchErrorSummary(r.GetInstant(10), r.GetStringOrNull(7)),
            _ => SyncScope.All(account),
        };
    }
}
