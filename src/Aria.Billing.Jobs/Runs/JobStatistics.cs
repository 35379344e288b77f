using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>The statistics of one job of a run: its status, its work items by state, and its timings.</summary>
/// <param name="Index">The job's position.</param>
/// <param name="Name">The job's name.</param>
/// <param name="Status">Its status.</param>
/// <param name="Pending">Items not yet taken.</param>
/// <param name="Running">Items being processed.</param>
/// <param name="Completed">Items done successfully.</param>
/// <param name="Failed">Items that failed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record JobStatistics(int Index, string Name, BatchStatus Status, int Pending, int Running, int Completed, int Failed, Instant? StartedAt, Instant? FinishedAt)
{
    /// <summary>How long it ran, once finished.</summary>
    public Duration? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;
}
