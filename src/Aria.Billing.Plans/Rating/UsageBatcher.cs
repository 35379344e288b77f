namespace Aria.Billing.Plans.Rating;

/// <summary>Groups rated usage records into batches by the aggregation frequency and counts their sync outcomes.</summary>
public static class UsageBatcher
{
    /// <summary>
    /// The batches of <paramref name="records"/>, oldest first; with <paramref name="incompleteOnly"/> only those still in
    /// process or with errors, as the Aggregated Usage Sync view lists them.
    /// </summary>
    public static IReadOnlyList<UsageBatch> Batch(IEnumerable<AggregatedUsageRecord> records, AggregationFrequency frequency, bool incompleteOnly = false)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batches = new List<UsageBatch>();
        foreach (var window in records.Where(r => r is not null).GroupBy(r => frequency.WindowOf(r.RecordedAt)).OrderBy(g => g.Key.Start))
        {
            var all = window.ToList();
            var batch = new UsageBatch(
                window.Key.Start,
                window.Key.End,
                all.Count,
                all.Count(r => r.Status == SyncStatus.Complete),
                all.Count(r => r.Status == SyncStatus.Error),
                all.Count(r => r.Status == SyncStatus.Pending),
                all.Where(r => r.Status is SyncStatus.Error or SyncStatus.Pending)
                    .GroupBy(r => (r.Status, r.ErrorCode, r.ErrorMessage))
                    .Select(g => new UsageBatchDetail(g.Key.ErrorCode, g.Key.ErrorMessage, g.Key.Status, g.Count()))
                    .OrderBy(d => d.Status == SyncStatus.Error ? 0 : 1)
                    .ThenBy(d => d.ErrorCode, StringComparer.Ordinal)
                    .ToArray());
            if (!incompleteOnly || batch.IsIncomplete)
            {
                batches.Add(batch);
            }
        }

        return batches;
    }
}
