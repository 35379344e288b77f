namespace Aria.Billing.Storage;

/// <summary>The columns of <c>sync_record</c> a record is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum SyncRecordColumn
{
    Id,
    Client,
    Domain,
    AriaSyncId,
    EventId,
    EventTime,
    ObjectType,
    ObjectName,
    Action,
    ActionName,
    AccountNo,
    Status,
    ErrorCode,
    ErrorMessage,
    ErrorNumber,
    ScnNumber,
    Payload,
    AuditHeader,
    BatchStart,
    BatchEnd,
    Attempts,
    InFlight,
    PendingSince,
    Version,
}
