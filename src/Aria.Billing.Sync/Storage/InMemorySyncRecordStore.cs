using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// The in-memory <see cref="ISyncRecordStore"/>. One lock makes each operation atomic; the summary levels and the
/// aggregated-usage batch counts are kept as running counts (updated under the lock by every write), so a summary costs the
/// number of groups, not the number of records — as the relational stores' counter tables do.
/// </summary>
public sealed partial class InMemorySyncRecordStore : ISyncRecordStore
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _adds = new(1, 1); // held by every add; by a bulk add with processing while it processes
    private readonly List<SyncRecord> _byId = [];
    private readonly Dictionary<(ClientNumber, SyncDomain, string), long> _byEvent = [];
    private readonly Dictionary<GroupKey, long> _errorCounts = [];
    private readonly SortedDictionary<(long Client, NodaTime.Instant Start), Dictionary<BatchKey, (long Records, NodaTime.Instant? End)>> _batchCounts = [];
    private readonly Dictionary<(ClientNumber, SyncDomain, AccountNumber), List<long>> _byAccount = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord?>> UpdateManyAsync(IReadOnlyList<(SyncRecord Updated, long ExpectedVersion)> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Select(u => u.Updated.Id).Distinct().Count() != updates.Count)
        {
            throw new ArgumentException("Each record may be updated once per call.", nameof(updates));
        }

        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SyncRecord?>>([.. updates.Select(u => Outcome(u.Updated, u.ExpectedVersion))]);
        }
    }

    private (SyncRecord Record, bool Created) Add(SyncRecord record)
    {
        if (_byEvent.TryGetValue((record.Client, record.Domain, record.EventId), out var existing))
        {
            return (_byId[(int)existing - 1], false);
        }

        var stored = record with { Id = _byId.Count + 1, Version = 1 };
        _byId.Add(stored);
        _byEvent[(record.Client, record.Domain, record.EventId)] = stored.Id;
        if (stored.AccountNumber is { } account)
        {
            var key = (stored.Client, stored.Domain, account);
            if (!_byAccount.TryGetValue(key, out var ids))
            {
                _byAccount[key] = ids = [];
            }

            ids.Add(stored.Id);
        }

        Count(stored, +1);
        return (stored, true);
    }

    /// <inheritdoc />
    public Task<SyncRecord?> GetAsync(ClientNumber client, long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(id >= 1 && id <= _byId.Count && _byId[(int)id - 1].Client == client ? _byId[(int)id - 1] : null);
        }
    }

    /// <inheritdoc />
    public Task<Page<SyncRecord>> SearchAsync(SyncSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        lock (_gate)
        {
            var sorted = Sort(Candidates(search).Where(r => Matches(r, search)), search).ToList();
            return Task.FromResult(Page<SyncRecord>.FromOffset(sorted, search.Page));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncSummaryRow>> SummarizeAsync(ClientNumber client, SyncDomain domain, AccountNumber? account = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SyncSummaryRow> rows = ErrorGroups(client, domain, account)
                .GroupBy(g => (g.Key.ObjectName, g.Key.ActionName))
                .Select(g => new SyncSummaryRow(g.Key.ObjectName, g.Key.ActionName, g.Sum(x => x.Value)))
                .Where(r => r.Count > 0)
                .OrderBy(r => r.ObjectName, StringComparer.Ordinal).ThenBy(r => r.ActionName, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncErrorPeriodRow>> CountErrorsByPeriodAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<Instant> boundaries, CancellationToken cancellationToken = default)
    {
        SyncPeriods.ThrowIfInvalid(boundaries);
        lock (_gate)
        {
            IReadOnlyList<SyncErrorPeriodRow> rows = _byId
                .Where(r => r.Client == client && r.Domain == domain && r.Status == SyncStatus.Error && r.EventTime >= boundaries[0] && r.EventTime < boundaries[^1])
                .GroupBy(r => (r.ObjectName, r.ActionName, Period: SyncPeriods.IndexOf(boundaries, r.EventTime)))
                .Select(g => new SyncErrorPeriodRow(g.Key.ObjectName, g.Key.ActionName, g.Key.Period, g.LongCount()))
                .OrderBy(r => r.ObjectName, StringComparer.Ordinal).ThenBy(r => r.ActionName, StringComparer.Ordinal).ThenBy(r => r.Period)
                .ToArray();
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncErrorSummaryRow>> SummarizeErrorsAsync(
        ClientNumber client, SyncDomain domain, string objectName, string actionName, AccountNumber? account = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SyncErrorSummaryRow> rows = ErrorGroups(client, domain, account)
                .Where(g => g.Key.ObjectName == objectName && g.Key.ActionName == actionName)
                .GroupBy(g => (g.Key.ErrorCode, g.Key.ErrorMessage))
                .Select(g => new SyncErrorSummaryRow(objectName, actionName, g.Key.ErrorCode, g.Key.ErrorMessage, g.Sum(x => x.Value)))
                .Where(r => r.Count > 0)
                .OrderByDescending(r => r.Count).ThenBy(r => r.ErrorCode, StringComparer.Ordinal).ThenBy(r => r.ErrorMessage, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord>> ListErrorsAsync(
        ClientNumber client, SyncDomain domain, SyncScope scope, long afterId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            return Task.FromResult(SyncScopePlan.ListErrors(_byId, client, domain, scope, afterId, max));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UsageBatch>> SummarizeBatchesAsync(UsageBatchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var from = filter.StartDate?.AtStartOfDayInZone(filter.Zone ?? NodaTime.DateTimeZone.Utc).ToInstant();
        var until = filter.EndDate?.AtStartOfDayInZone(filter.Zone ?? NodaTime.DateTimeZone.Utc).ToInstant();
        lock (_gate)
        {
            var first = (filter.Client.Value, from ?? NodaTime.Instant.MinValue);
            IReadOnlyList<UsageBatch> batches = _batchCounts
                .SkipWhile(b => b.Key.CompareTo(first) < 0)
                .TakeWhile(b => b.Key.Client == filter.Client.Value && (until is null || b.Key.Start < until))
                .Where(b => filter.Status is null || b.Value.Any(c => c.Key.Status == filter.Status))
                .Select(b => new UsageBatch(
                    b.Key.Start,
                    b.Value.Values.Max(c => c.End) ?? b.Key.Start,
                    (int)b.Value.Values.Sum(c => c.Records),
                    (int)b.Value.Where(c => c.Key.Status == SyncStatus.Complete).Sum(c => c.Value.Records),
                    (int)b.Value.Where(c => c.Key.Status == SyncStatus.Error).Sum(c => c.Value.Records),
                    (int)b.Value.Where(c => c.Key.Status == SyncStatus.Pending).Sum(c => c.Value.Records),
                    [.. b.Value.Where(c => c.Key.Status is SyncStatus.Error or SyncStatus.Pending)
                        .Select(c => new UsageBatchDetail(c.Key.ErrorCode, c.Key.ErrorMessage, c.Key.Status, (int)c.Value.Records))
                        .OrderBy(d => d.Status == SyncStatus.Error ? 0 : 1).ThenBy(d => d.ErrorCode, StringComparer.Ordinal).ThenBy(d => d.ErrorMessage, StringComparer.Ordinal)]))
                .Where(b => b.IsIncomplete)
                .ToArray();
            return Task.FromResult(batches);
        }
    }

    /// <inheritdoc />
    public Task<SyncRecord?> UpdateAsync(SyncRecord updated, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        lock (_gate)
        {
            return Task.FromResult(Update(updated, expectedVersion));
        }
    }

    /// <summary>The processing fields of <paramref name="updated"/> written onto the stored record, if its version is the expected one.</summary>
    private SyncRecord? Outcome(SyncRecord updated, long expectedVersion) =>
        updated.Id >= 1 && updated.Id <= _byId.Count && _byId[(int)updated.Id - 1] is { } current && current.Version == expectedVersion
            && current.Client == updated.Client && current.Domain == updated.Domain && current.EventId == updated.EventId
            ? Update(current with
            {
                Status = updated.Status, ErrorCode = updated.ErrorCode, ErrorMessage = updated.ErrorMessage, ErrorNumber = updated.ErrorNumber,
                Attempts = updated.Attempts, InFlightOperation = updated.InFlightOperation, PendingSince = updated.PendingSince,
            }, expectedVersion)
            : null;

    private SyncRecord? Update(SyncRecord updated, long expectedVersion)
    {
        if (updated.Id < 1 || updated.Id > _byId.Count)
        {
            return null;
        }

        var current = _byId[(int)updated.Id - 1];
        if (current.Version != expectedVersion || current.Client != updated.Client || current.Domain != updated.Domain || current.EventId != updated.EventId)
        {
            return null;
        }

        var stored = updated with { Version = expectedVersion + 1, AccountNumber = current.AccountNumber };
        Count(current, -1);
        _byId[(int)updated.Id - 1] = stored;
        Count(stored, +1);
        return stored;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord>> ClaimStalePendingAsync(NodaTime.Instant staleBefore, NodaTime.Instant claimedAt, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var claimed = new List<SyncRecord>();
            for (var i = 0; i < _byId.Count && claimed.Count < max; i++)
            {
                if (_byId[i] is { Status: SyncStatus.Pending, InFlightOperation: null } current && (current.PendingSince is null || current.PendingSince < staleBefore))
                {
                    var stored = current with { PendingSince = claimedAt, Version = current.Version + 1 };
                    _byId[i] = stored;
                    claimed.Add(stored);
                }
            }

            return Task.FromResult<IReadOnlyList<SyncRecord>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> DiscardAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<long> ids, SyncAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(attempt);
        lock (_gate)
        {
            var discarded = new List<long>();
            foreach (var id in ids.Distinct())
            {
                if (id < 1 || id > _byId.Count || _byId[(int)id - 1] is not { Status: SyncStatus.Error, InFlightOperation: null } current
                    || current.Client != client || current.Domain != domain)
                {
                    continue;
                }

                var stored = current with { Status = SyncStatus.Discarded, Attempts = [.. current.Attempts, attempt], Version = current.Version + 1 };
                Count(current, -1);
                _byId[(int)id - 1] = stored;
                discarded.Add(id);
            }

            return Task.FromResult<IReadOnlyList<long>>(discarded);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord>> MarkInFlightAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<long> ids, Guid? holder, Guid? operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            var marked = new List<SyncRecord>();
            foreach (var id in ids.Distinct().Order())
            {
                if (id < 1 || id > _byId.Count || _byId[(int)id - 1] is not { Status: SyncStatus.Error } current
                    || current.Client != client || current.Domain != domain || current.InFlightOperation != holder)
                {
                    continue;
                }

                var stored = current with { InFlightOperation = operation, Version = current.Version + 1 };
                _byId[(int)id - 1] = stored;
                marked.Add(stored);
            }

            return Task.FromResult<IReadOnlyList<SyncRecord>>(marked);
        }
    }

    /// <summary>The records a search can match: one account's when it names one (an index), else all.</summary>
    private IEnumerable<SyncRecord> Candidates(SyncSearch search) =>
        search.AccountNumber is { } account
            ? _byAccount.TryGetValue((search.Client, search.Domain, account), out var ids) ? ids.Select(id => _byId[(int)id - 1]) : []
            : _byId;

    private static bool Matches(SyncRecord r, SyncSearch s) =>
        r.Client == s.Client && r.Domain == s.Domain
        && (s.Status is { } status ? r.Status == status : r.Status != SyncStatus.Discarded)
        && (s.AriaSyncId is null || r.AriaSyncId == s.AriaSyncId)
        && (s.Action is null || r.Action == s.Action)
        && (s.ErrorCode is null || r.ErrorCode == s.ErrorCode)
        && (s.EventId is null || r.EventId == s.EventId)
        && (s.ObjectType is null || r.ObjectType == s.ObjectType)
        && (s.AccountNumber is null || r.AccountNumber == s.AccountNumber)
        && (s.BatchStart is null || r.BatchStart == s.BatchStart)
        && (string.IsNullOrEmpty(s.ActionNameContains) || r.ActionName.Contains(s.ActionNameContains, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(s.ObjectNameContains) || r.ObjectName.Contains(s.ObjectNameContains, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<SyncRecord> Sort(IEnumerable<SyncRecord> records, SyncSearch s)
    {
        IOrderedEnumerable<SyncRecord> ordered = s.SortBy switch
        {
            SyncSortField.Status => s.Descending ? records.OrderByDescending(r => r.Status.ToString(), StringComparer.Ordinal) : records.OrderBy(r => r.Status.ToString(), StringComparer.Ordinal),
            SyncSortField.ActionName => s.Descending ? records.OrderByDescending(r => r.ActionName, StringComparer.OrdinalIgnoreCase) : records.OrderBy(r => r.ActionName, StringComparer.OrdinalIgnoreCase),
            SyncSortField.ObjectName => s.Descending ? records.OrderByDescending(r => r.ObjectName, StringComparer.OrdinalIgnoreCase) : records.OrderBy(r => r.ObjectName, StringComparer.OrdinalIgnoreCase),
            _ => s.Descending ? records.OrderByDescending(r => r.Id) : records.OrderBy(r => r.Id),
        };
        return s.SortBy == SyncSortField.Id ? ordered : s.Descending ? ordered.ThenByDescending(r => r.Id) : ordered.ThenBy(r => r.Id);
    }

    private IEnumerable<KeyValuePair<GroupKey, long>> ErrorGroups(ClientNumber client, SyncDomain domain, AccountNumber? account)
    {
        if (account is null)
        {
            return _errorCounts.Where(g => g.Key.Client == client && g.Key.Domain == domain && g.Value > 0);
        }

        return _byAccount.TryGetValue((client, domain, account.Value), out var ids)
            ? ids.Select(id => _byId[(int)id - 1]).Where(r => r.Status == SyncStatus.Error)
                .GroupBy(Key).Select(g => new KeyValuePair<GroupKey, long>(g.Key, g.LongCount()))
            : [];
    }

    private void Count(SyncRecord record, int delta)
    {
        if (record is { Domain: SyncDomain.AggregatedUsage, BatchStart: { } start } && record.Status != SyncStatus.Discarded)
        {
            var batch = (record.Client.Value, start);
            if (!_batchCounts.TryGetValue(batch, out var counts))
            {
                _batchCounts[batch] = counts = [];
            }

            var batchKey = new BatchKey(record.Status, record.ErrorCode, record.ErrorMessage);
            var (records, end) = counts.GetValueOrDefault(batchKey);
            records += delta;
            if (records == 0)
            {
                counts.Remove(batchKey);
                if (counts.Count == 0)
                {
                    _batchCounts.Remove(batch);
                }
            }
            else
            {
                counts[batchKey] = (records, delta > 0 && (end is null || record.BatchEnd > end) ? record.BatchEnd : end);
            }
        }

        if (record.Status != SyncStatus.Error)
        {
            return;
        }

        var key = Key(record);
        var count = _errorCounts.GetValueOrDefault(key) + delta;
        if (count == 0)
        {
            _errorCounts.Remove(key);
        }
        else
        {
            _errorCounts[key] = count;
        }
    }

    private static GroupKey Key(SyncRecord r) => new(r.Client, r.Domain, r.ObjectName, r.ActionName, r.ErrorCode, r.ErrorMessage);

    private readonly record struct BatchKey(SyncStatus Status, string? ErrorCode, string? ErrorMessage);

    private readonly record struct GroupKey(ClientNumber Client, SyncDomain Domain, string ObjectName, string ActionName, string? ErrorCode, string? ErrorMessage);
}
