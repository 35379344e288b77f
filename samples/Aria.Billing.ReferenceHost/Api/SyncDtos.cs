using Aria.Billing.Sync;
namespace Aria.Billing.ReferenceHost.Api;

/// <summary>A sync record as the log lists it.</summary>
public sealed record SyncRecordDto(
    long Id, SyncDomain Domain, string EventId, string EventTime, int ObjectType, string ObjectName, string? Action, string ActionName, long? AccountNo,
    SyncStatus Status, string? ErrorCode, string? ErrorMessage, string? Payload, IReadOnlyList<SyncAttemptDto>? Attempts,
    string? AriaSyncId = null, long? ErrorNumber = null, long? ScnNumber = null, string? AuditHeader = null)
{
    /// <summary>The record; with its payload and history when <paramref name="detail"/>.</summary>
    public static SyncRecordDto From(SyncRecord r, bool detail = false) => new(
        r.Id, r.Domain, r.EventId, r.EventTime.ToString(), r.ObjectType, r.ObjectName, r.Action, r.ActionName, r.AccountNumber?.Value, r.Status,
        r.ErrorCode, r.ErrorMessage, detail ? r.Payload : null,
        detail ? [.. r.Attempts.Select(a => new SyncAttemptDto(a.At.ToString(), a.Kind, a.Status, a.ErrorCode, a.ErrorMessage, a.By))] : null,
        r.AriaSyncId, r.ErrorNumber, r.ScnNumber, detail ? r.AuditHeader : null);
}

/// <summary>One attempt in a record's history.</summary>
public sealed record SyncAttemptDto(string At, string Kind, SyncStatus Status, string? ErrorCode, string? ErrorMessage, string By);

/// <summary>One page of the activity log.</summary>
public sealed record SyncPageDto(IReadOnlyList<SyncRecordDto> Items, long? TotalCount, string? ContinuationToken);

/// <summary>
/// A message to record and process. For aggregated usage, <c>recorded_at</c> (an ISO-8601 instant, default: when the host
/// receives it) decides the record's aggregation batch; the other logs ignore it.
/// </summary>
public sealed record IngestDto(
    string? EventId, string? ObjectName, string? ActionName, string? Action, int ObjectType, long? AccountNo, string? AriaSyncId, string? Payload,
    string? RecordedAt = null);

/// <summary>What a batch ingest did with one message: its position in the batch, whether it created the record, and the record.</summary>
public sealed record SyncBatchResultDto(int Index, bool Created, SyncRecordDto Record);

/// <summary>
/// Which records a reprocess or discard takes: <c>all</c>, <c>summary</c>, <c>error_summary</c> or <c>record</c> (by
/// <c>record_id</c>, or by <c>event_id</c>); for aggregated usage also <c>batch</c> (by <c>batch_id</c>) and
/// <c>batch_error_summary</c> (by <c>batch_id</c>, <c>error_code</c> and <c>status</c>, which must be <c>error</c>: only ERROR
/// records are reprocessed or discarded). A discard is for good, so it spells its level out (even <c>all</c>) and carries
/// <c>expected_count</c>, the number of ERROR records the operator saw in the scope: when the scope now holds more, the
/// discard is refused (409 DISCARD_COUNT_CHANGED). A reprocess without a level takes <c>all</c> and ignores the count.
/// </summary>
public sealed record ScopeDto(
    string? Level, string? ObjectName, string? ActionName, string? ErrorCode, string? ErrorMessage, long? RecordId, long? AccountNo, string? EventId = null,
    long? ExpectedCount = null, string? BatchId = null, string? Status = null);

/// <summary>A bulk operation and its progress.</summary>
public sealed record SyncOperationDto(
    Guid Id, SyncOperationKind Kind, SyncDomain Domain, SyncScopeLevel Level, SyncOperationState State, long Processed, long Succeeded, long Failed,
    long Skipped, string RequestedBy, string RequestedAt, string? FinishedAt)
{
    /// <summary>The operation.</summary>
    public static SyncOperationDto From(SyncOperation o) => new(
        o.Id, o.Kind, o.Domain, o.Scope.Level, o.State, o.Processed, o.Succeeded, o.Failed, o.Skipped, o.RequestedBy, o.RequestedAt.ToString(), o.FinishedAt?.ToString());
}

/// <summary>An error-summary row with the catalog's resolution beside it.</summary>
public sealed record ErrorSummaryDto(string ObjectName, string ActionName, string? ErrorCode, string? ErrorMessage, long Count, string? Resolution);
