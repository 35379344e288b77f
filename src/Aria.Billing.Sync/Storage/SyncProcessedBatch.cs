namespace Aria.Billing.Sync;

/// <summary>The check of what a bulk add's processing step returned.</summary>
internal static class SyncProcessedBatch
{
    /// <summary>
    /// <paramref name="processed"/> when it holds each record of <paramref name="created"/>, in order, with its id, client,
    /// domain and event id; else an <see cref="InvalidOperationException"/> (nothing more is stored).
    /// </summary>
    internal static IReadOnlyList<SyncRecord> Check(IReadOnlyList<SyncRecord> created, IReadOnlyList<SyncRecord>? processed) =>
        processed is not null && processed.Count == created.Count && !processed.Where((r, i) => r is null || r.Id != created[i].Id
            || (r.Client, r.Domain, r.EventId) != (created[i].Client, created[i].Domain, created[i].EventId)).Any()
            ? processed
            : throw new InvalidOperationException("The processing step of a bulk add must return each record it was given, in order, with its id and event key.");
}
