using NodaTime;

namespace Aria.Billing.Plans.Rating;

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
}
