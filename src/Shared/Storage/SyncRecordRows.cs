using System.Data.Common;

namespace Aria.Billing.Storage;

using C = SyncRecordColumn;
using O = SyncOperationColumn;

/// <summary>How a <see cref="SyncRecord"/> and a <see cref="SyncOperation"/> map to rows.</summary>
internal static class SyncRecordRows
{
    /// <summary>The columns every query reads, in the order <see cref="Read"/> expects.</summary>
    internal static readonly string Columns = SqlCommands.ColumnList<SyncRecordColumn>();

    /// <summary>The record in the current row, read from <see cref="Columns"/>.</summary>
    internal static SyncRecord Read(DbDataReader r) => new()
    {
        Id = r.GetInt64((int)C.Id),
        Client = new ClientNumber(r.GetInt64((int)C.Client)),
        Domain = (SyncDomain)r.GetInt32((int)C.Domain),
        AriaSyncId = r.GetStringOrNull((int)C.AriaSyncId),
        EventId = r.GetString((int)C.EventId),
        EventTime = r.GetInstant((int)C.EventTime),
        ObjectType = r.GetInt32((int)C.ObjectType),
        ObjectName = r.GetString((int)C.ObjectName),
        Action = r.GetStringOrNull((int)C.Action),
        ActionName = r.GetString((int)C.ActionName),
        AccountNumber = r.GetInt64OrNull((int)C.AccountNo) is { } account ? new AccountNumber(account) : null,
        Status = (SyncStatus)r.GetInt32((int)C.Status),
        ErrorCode = r.GetStringOrNull((int)C.ErrorCode),
        ErrorMessage = r.GetStringOrNull((int)C.ErrorMessage),
        ErrorNumber = r.GetInt64OrNull((int)C.ErrorNumber),
        ScnNumber = r.GetInt64OrNull((int)C.ScnNumber),
        Payload = r.GetString((int)C.Payload),
        AuditHeader = r.GetStringOrNull((int)C.AuditHeader),
        BatchStart = r.GetInstantOrNull((int)C.BatchStart),
        BatchEnd = r.GetInstantOrNull((int)C.BatchEnd),
        Attempts = StorageJson.Attempts(r.GetString((int)C.Attempts)),
        InFlightOperation = r.GetGuidOrNull((int)C.InFlight),
        PendingSince = r.GetInstantOrNull((int)C.PendingSince),
        Version = r.GetInt64((int)C.Version),
    };

    /// <summary>
    /// The record as <see cref="Read"/> would read it back once written: its instants (and its attempts') at the ticks the
    /// columns keep. A write that does not read its rows back answers with this.
    /// </summary>
    internal static SyncRecord AsStored(SyncRecord record) => record with
    {
        EventTime = Stored(record.EventTime),
        BatchStart = record.BatchStart is { } start ? Stored(start) : null,
        BatchEnd = record.BatchEnd is { } end ? Stored(end) : null,
        PendingSince = record.PendingSince is { } since ? Stored(since) : null,
        Attempts = [.. record.Attempts.Select(a => a with { At = Stored(a.At) })],
    };

    private static NodaTime.Instant Stored(NodaTime.Instant instant) => NodaTime.Instant.FromUnixTimeTicks(SqlCommands.Ticks(instant));

    /// <summary>Binds the mutable fields of <paramref name="record"/> as the parameters the insert and update statements name.</summary>
    internal static DbCommand WithFields(this DbCommand command, SyncRecord record)
    {
        foreach (var (name, value) in Fields(record))
        {
            command.With(name, value);
        }

        return command;
    }

    /// <summary>The mutable fields of <paramref name="record"/> by parameter name, as <see cref="WithFields"/> binds them.</summary>
    internal static IEnumerable<(string Name, object? Value)> Fields(SyncRecord record) =>
    [
        ("aria_sync_id", record.AriaSyncId),
        ("event_time", SqlCommands.Ticks(record.EventTime)),
        ("object_type", record.ObjectType),
        ("object_name", record.ObjectName),
        ("object_name_key", SqlCommands.Fold(record.ObjectName)),
        ("action", record.Action),
        ("action_name", record.ActionName),
        ("action_name_key", SqlCommands.Fold(record.ActionName)),
        ("status", (int)record.Status),
        ("error_code", record.ErrorCode),
        ("error_message", record.ErrorMessage),
        ("error_number", record.ErrorNumber),
        ("scn_number", record.ScnNumber),
        ("payload", record.Payload),
        ("audit_header", record.AuditHeader),
        ("batch_start", SqlCommands.Ticks(record.BatchStart)),
        ("batch_end", SqlCommands.Ticks(record.BatchEnd)),
        ("attempts", StorageJson.Attempts(record.Attempts)),
        ("in_flight", record.InFlightOperation),
        ("pending_since", SqlCommands.Ticks(record.PendingSince)),
    ];

    /// <summary>The assignments of the update statement for the fields <see cref="WithFields"/> binds.</summary>
    internal const string Assignments =
        "aria_sync_id = @aria_sync_id, event_time = @event_time, object_type = @object_type, object_name = @object_name, object_name_key = @object_name_key, " +
        "action = @action, action_name = @action_name, action_name_key = @action_name_key, status = @status, error_code = @error_code, " +
        "error_message = @error_message, error_number = @error_number, scn_number = @scn_number, payload = @payload, audit_header = @audit_header, " +
        "batch_start = @batch_start, batch_end = @batch_end, attempts = @attempts, in_flight = @in_flight, pending_since = @pending_since";

    /// <summary>The columns of the operation table, in the order <see cref="ReadOperation"/> expects.</summary>
    internal static readonly string OperationColumns = SqlCommands.ColumnList<SyncOperationColumn>();

    /// <summary>The operation in the current row, read from <see cref="OperationColumns"/>.</summary>
    internal static SyncOperation ReadOperation(DbDataReader r) => new()
    {
        Id = r.GetGuid((int)O.Id),
        Client = new ClientNumber(r.GetInt64((int)O.Client)),
        Domain = (SyncDomain)r.GetInt32((int)O.Domain),
        Kind = (SyncOperationKind)r.GetInt32((int)O.Kind),
        Scope = Scope(r),
        RequestedBy = r.GetString((int)O.RequestedBy),
        RequestedAt = r.GetInstant((int)O.RequestedAt),
        State = (SyncOperationState)r.GetInt32((int)O.State),
        Processed = r.GetInt64((int)O.Processed),
        Succeeded = r.GetInt64((int)O.Succeeded),
        Failed = r.GetInt64((int)O.Failed),
        Skipped = r.GetInt64((int)O.Skipped),
        FinishedAt = r.GetInstantOrNull((int)O.FinishedAt),
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
        var objectName = r.GetStringOrNull((int)O.ScopeObject);
        var actionName = r.GetStringOrNull((int)O.ScopeAction);
        var account = r.GetInt64OrNull((int)O.ScopeAccount) is { } a ? new AccountNumber(a) : (AccountNumber?)null;
        return (SyncScopeLevel)r.GetInt32((int)O.ScopeLevel) switch
        {
            SyncScopeLevel.Summary => SyncScope.Summary(objectName!, actionName!, account),
            SyncScopeLevel.ErrorSummary => SyncScope.ErrorSummary(objectName!, actionName!, r.GetStringOrNull((int)O.ScopeErrorCode), r.GetStringOrNull((int)O.ScopeErrorMessage), account),
            SyncScopeLevel.Record => SyncScope.Record(r.GetInt64((int)O.ScopeRecordId)),
            SyncScopeLevel.Batch => SyncScope.Batch(r.GetInstant((int)O.ScopeBatchStart)),
            SyncScopeLevel.BatchErrorSummary => SyncScope.BatchErrorSummary(r.GetInstant((int)O.ScopeBatchStart), r.GetStringOrNull((int)O.ScopeErrorCode)),
            _ => SyncScope.All(account),
        };
    }
}
