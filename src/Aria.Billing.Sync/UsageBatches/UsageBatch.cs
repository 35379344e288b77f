using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// One aggregated usage batch with the counts the Aggregated Usage Sync view shows (spec: billing-sync-reprocess.txt,
/// "View Incomplete Batch Details").
/// </summary>
/// <param name="Start">Start of the batch window (inclusive).</param>
/// <param name="End">End of the batch window (exclusive).</param>
/// <param name="Total">Records in the batch.</param>
/// <param name="Completed">Records processed successfully.</param>
/// <param name="Errored">Records that failed processing.</param>
/// <param name="Pending">Records pending processing.</param>
/// <param name="Details">The incomplete records grouped by error code, message and status (errors first, then pending).</param>
public sealed record UsageBatch(Instant Start, Instant End, int Total, int Completed, int Errored, int Pending, IReadOnlyList<UsageBatchDetail> Details)
{
    /// <summary>Whether the batch is still in process or has errors (the view lists only these).</summary>
    public bool IsIncomplete => Errored > 0 || Pending > 0;

    /// <summary>
    /// Counts the records of one batch window: totals by status, and the incomplete records grouped by error code, message
    /// and status (errors first, then pending). DISCARDED records are left out of every count, the total included — as every
    /// store counts them.
    /// </summary>
    public static UsageBatch Summarize(Instant start, Instant end, IEnumerable<(SyncStatus Status, string? ErrorCode, string? ErrorMessage)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = records.Where(static r => r.Status != SyncStatus.Discarded).ToList();
        return new UsageBatch(
            start,
            end,
            all.Count,
            all.Count(r => r.Status == SyncStatus.Complete),
            all.Count(r => r.Status == SyncStatus.Error),
            all.Count(r => r.Status == SyncStatus.Pending),
            all.Where(r => r.Status is SyncStatus.Error or SyncStatus.Pending)
                .GroupBy(r => r)
                .Select(g => new UsageBatchDetail(g.Key.ErrorCode, g.Key.ErrorMessage, g.Key.Status, g.Count()))
                .OrderBy(d => d.Status == SyncStatus.Error ? 0 : 1)
                .ThenBy(d => d.ErrorCode, StringComparer.Ordinal)
                .ToArray());
    }
}
