namespace Aria.Billing.Sync;

/// <summary>The adds of the in-memory store: one message, a batch, and a batch processed before it is added.</summary>
public sealed partial class InMemorySyncRecordStore
{
    /// <inheritdoc />
    public async Task<(SyncRecord Record, bool Created)> AddAsync(SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _adds.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                return Add(record);
            }
        }
        finally
        {
            _adds.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(SyncRecord Record, bool Created)>> AddManyAsync(IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken = default)
    {
        CheckBatch(records);
        await _adds.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                return [.. records.Select(Add)];
            }
        }
        finally
        {
            _adds.Release();
        }
    }

    /// <summary>
    /// The bulk add with processing, all or nothing: other adds wait while <paramref name="process"/> runs; the processed
    /// records are then added at once, at version 2.
    /// </summary>
    public async Task<IReadOnlyList<(SyncRecord Record, bool Created)>> AddManyAsync(
        IReadOnlyList<SyncRecord> records, Func<IReadOnlyList<SyncRecord>, CancellationToken, Task<IReadOnlyList<SyncRecord>>> process, CancellationToken cancellationToken = default)
    {
        CheckBatch(records);
        ArgumentNullException.ThrowIfNull(process);
        await _adds.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<SyncRecord> created;
            lock (_gate)
            {
                var next = _byId.Count + 1L;
                created = [.. records.DistinctBy(EventKey).Where(r => !_byEvent.ContainsKey(EventKey(r))).Select(r => r with { Id = next++, Version = 1 })];
            }

            var processed = created.Count == 0 ? created : SyncProcessedBatch.Check(created, await process(created, cancellationToken).ConfigureAwait(false));
            lock (_gate)
            {
                foreach (var record in processed)
                {
                    var (added, _) = Add(record);
                    _byId[(int)added.Id - 1] = added with { Version = 2 };
                }

                var fresh = created.Select(EventKey).ToHashSet();
                return [.. records.Select(r => (_byId[(int)_byEvent[EventKey(r)] - 1], fresh.Remove(EventKey(r))))];
            }
        }
        finally
        {
            _adds.Release();
        }
    }

    private static void CheckBatch(IReadOnlyList<SyncRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
        }
    }

    private static (ClientNumber, SyncDomain, string) EventKey(SyncRecord r) => (r.Client, r.Domain, r.EventId);
}
