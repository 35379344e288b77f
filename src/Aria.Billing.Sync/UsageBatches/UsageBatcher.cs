namespace Aria.Billing.Sync;

/// <summary>Groups rated usage records into batches by the aggregation frequency and counts their sync outcomes.</summary>
public static class UsageBatcher
{
    /// <summary>
    /// The batches of <paramref name="records"/>, oldest first; with <paramref name="incompleteOnly"/> only those still in
    /// process or with errors, as the Aggregated Usage Sync view lists them. DISCARDED records count nowhere, and a window
    /// holding only discarded records is no batch, as in the stores.
    /// </summary>
    public static IReadOnlyList<UsageBatch> Batch(IEnumerable<AggregatedUsageRecord> records, AggregationFrequency frequency, bool incompleteOnly = false)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batches = new List<UsageBatch>();
        foreach (var window in records.Where(r => r is not null).GroupBy(r => frequency.WindowOf(r.RecordedAt)).OrderBy(g => g.Key.Start))
        {
            var batch = UsageBatch.Summarize(window.Key.Start, window.Key.End, window.Select(r => (r.Status, r.ErrorCode, r.ErrorMessage)));
            if (batch.Total > 0 && (!incompleteOnly || batch.IsIncomplete))
            {
                batches.Add(batch);
            }
        }

        return batches;
    }
}
