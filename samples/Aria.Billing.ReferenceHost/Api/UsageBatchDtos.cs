using Aria.Billing.Sync;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// One incomplete aggregated usage batch as the Aggregated Usage Sync view lists it (spec: billing-sync-reprocess.txt, "View
/// Incomplete Batch Details"): <c>batch_id</c> names it (its start, an ISO-8601 UTC instant) in the drill-down, the batch
/// reprocess and discard, and the records search's <c>batch_id</c> filter.
/// </summary>
/// <param name="BatchId">The batch's id: its start as an ISO-8601 UTC instant.</param>
/// <param name="Start">Start of the batch window (inclusive).</param>
/// <param name="End">End of the batch window (exclusive).</param>
/// <param name="Total">Records in the batch (DISCARDED ones aside).</param>
/// <param name="Completed">Records processed successfully.</param>
/// <param name="Error">Records that failed processing.</param>
/// <param name="Pending">Records pending processing.</param>
public sealed record UsageBatchDto(string BatchId, string Start, string End, int Total, int Completed, int Error, int Pending)
{
    /// <summary>The batch.</summary>
    public static UsageBatchDto From(UsageBatch b) => new(Id(b.Start), Id(b.Start), Id(b.End), b.Total, b.Completed, b.Errored, b.Pending);

    /// <summary>An instant as a batch id (and as the host writes batch bounds): ISO-8601, UTC.</summary>
    public static string Id(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}

/// <summary>One batch with its drill-down: the incomplete records by error code and status, errors first, then pending.</summary>
/// <param name="Batch">The batch and its counts.</param>
/// <param name="Rows">The drill-down rows.</param>
public sealed record UsageBatchDrillDownDto(UsageBatchDto Batch, IReadOnlyList<UsageBatchRowDto> Rows)
{
    /// <summary>The batch and its rows.</summary>
    public static UsageBatchDrillDownDto From(UsageBatch b) =>
        new(UsageBatchDto.From(b), [.. b.Details.Select(d => new UsageBatchRowDto(d.ErrorCode, d.ErrorMessage, d.Status, d.Count))]);
}

/// <summary>One drill-down row: the incomplete records of a batch with one error code and status.</summary>
/// <param name="ErrorCode">The sync error code; absent for pending records.</param>
/// <param name="ErrorMessage">The message of the error code.</param>
/// <param name="Status">The records' status (<c>error</c> or <c>pending</c>).</param>
/// <param name="Count">How many records.</param>
public sealed record UsageBatchRowDto(string? ErrorCode, string? ErrorMessage, SyncStatus Status, int Count);

/// <summary>
/// What a batch reprocess or discard takes: <c>level</c> <c>batch</c> (every ERROR record of the batch) or
/// <c>error_summary</c> (one drill-down row: <c>error_code</c> and <c>status</c>, which must be <c>error</c>: pending records
/// are processed by the sync recovery, never reprocessed or discarded). A discard spells its level out and carries
/// <c>expected_count</c>, the ERROR records the operator saw: when the scope now holds more it is refused (409
/// DISCARD_COUNT_CHANGED). A reprocess without a level takes the batch.
/// </summary>
/// <param name="Level">batch or error_summary.</param>
/// <param name="ErrorCode">The error code of an error_summary row.</param>
/// <param name="Status">The status of an error_summary row (error).</param>
/// <param name="ExpectedCount">For a discard: the ERROR records the operator saw in the scope.</param>
public sealed record BatchScopeDto(string? Level, string? ErrorCode, string? Status, long? ExpectedCount = null);
