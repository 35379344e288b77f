namespace Aria.Billing.Sync;

/// <summary>
/// What a scope means, written once in C#: which ERROR records it covers, how many there are, and in which order a bulk
/// operation takes them. <see cref="SyncScope.Contains"/>, the in-memory store's listing, the log's activity level and the
/// reprocessor all go through it. <c>SqlSyncRecordStore.ListErrorsAsync</c> (src/Shared/Storage) is its SQL twin; the store
/// conformance suite holds the two together.
/// </summary>
/// <remarks>
/// The order: a scope of all records or of one summary row is cut into its summary rows, prerequisites first for a
/// reprocess (<see cref="SyncOptions.DependencyOrder"/>, create actions before the others), then by object and action name
/// (ordinal); any other scope is one unit. Within a unit, records go by id.
/// </remarks>
internal sealed class SyncScopePlan
{
    private readonly ISyncRecordStore _store;
    private readonly SyncOptions _options;

    /// <summary>A plan counting and cutting scopes with the summaries of <paramref name="store"/>.</summary>
    internal SyncScopePlan(ISyncRecordStore store, SyncOptions options)
    {
        _store = store;
        _options = options;
    }

    /// <summary>Whether <paramref name="record"/> falls in <paramref name="scope"/> (its status aside).</summary>
    internal static bool Covers(SyncScope scope, SyncRecord record) => scope.Level switch
    {
        SyncScopeLevel.Record => scope.RecordId is { } id ? record.Id == id : record.EventId == scope.EventId,
        SyncScopeLevel.Batch => record.BatchStart == scope.BatchStart,
        SyncScopeLevel.BatchErrorSummary => record.BatchStart == scope.BatchStart && record.ErrorCode == scope.ErrorCode,
        _ => (scope.AccountNumber is null || record.AccountNumber == scope.AccountNumber)
            && (scope.Level == SyncScopeLevel.All
                || (record.ObjectName == scope.ObjectName && record.ActionName == scope.ActionName
                    && (scope.Level == SyncScopeLevel.Summary || (record.ErrorCode == scope.ErrorCode && record.ErrorMessage == scope.ErrorMessage)))),
    };

    /// <summary>
    /// The ERROR records of the client and domain in <paramref name="scope"/> with an id above <paramref name="afterId"/>, by
    /// id, at most <paramref name="max"/> (a record scope: its record, found by id), out of <paramref name="byId"/>: every
    /// record, the one with id n at index n - 1, as the in-memory store keeps them.
    /// </summary>
    internal static IReadOnlyList<SyncRecord> ListErrors(List<SyncRecord> byId, ClientNumber client, SyncDomain domain, SyncScope scope, long afterId, int max)
    {
        var found = new List<SyncRecord>();
        if (scope.Level == SyncScopeLevel.Record)
        {
            if (scope.RecordId is { } id && id > afterId && id <= byId.Count && byId[(int)id - 1] is { Status: SyncStatus.Error } only && only.Client == client && only.Domain == domain)
            {
                found.Add(only);
            }

            return found;
        }

        for (var i = (int)Math.Max(0, afterId); i < byId.Count && found.Count < max; i++)
        {
            var record = byId[i];
            if (record.Client == client && record.Domain == domain && record.Status == SyncStatus.Error && Covers(scope, record))
            {
                found.Add(record);
            }
        }

        return found;
    }

    /// <summary>The scope of the records under one error-summary row (the activity level of the reprocess summary).</summary>
    internal static SyncScope Of(SyncErrorSummaryRow row, AccountNumber? account) =>
        SyncScope.ErrorSummary(row.ObjectName, row.ActionName, row.ErrorCode, row.ErrorMessage, account);

    /// <summary>How many ERROR records the operation's scope covers now (a record scope: one).</summary>
    internal async Task<long> CountAsync(SyncOperation operation, CancellationToken cancellationToken)
    {
        var scope = operation.Scope;
        switch (scope.Level)
        {
            case SyncScopeLevel.Record:
                return 1;
            case SyncScopeLevel.Batch or SyncScopeLevel.BatchErrorSummary:
                var batches = await _store.SummarizeBatchesAsync(new UsageBatchFilter(operation.Client), cancellationToken).ConfigureAwait(false);
                return batches.Where(b => b.Start == scope.BatchStart)
                    .SelectMany(b => b.Details)
                    .Where(d => d.Status == SyncStatus.Error && (scope.Level == SyncScopeLevel.Batch || d.ErrorCode == scope.ErrorCode))
                    .Sum(d => (long)d.Count);
            case SyncScopeLevel.ErrorSummary:
                var errors = await _store.SummarizeErrorsAsync(operation.Client, operation.Domain, scope.ObjectName!, scope.ActionName!, scope.AccountNumber, cancellationToken).ConfigureAwait(false);
                return errors.Where(e => e.ErrorCode == scope.ErrorCode && e.ErrorMessage == scope.ErrorMessage).Sum(e => e.Count);
            default:
                var rows = await _store.SummarizeAsync(operation.Client, operation.Domain, scope.AccountNumber, cancellationToken).ConfigureAwait(false);
                return rows.Where(r => Covers(scope, r)).Sum(r => r.Count);
        }
    }

    /// <summary>The operation's scope cut into the units it takes one after the other, in order (see the remarks).</summary>
    internal async Task<IReadOnlyList<SyncScope>> UnitsAsync(SyncOperation operation, CancellationToken cancellationToken)
    {
        var scope = operation.Scope;
        if (scope.Level is SyncScopeLevel.Record or SyncScopeLevel.ErrorSummary or SyncScopeLevel.Batch or SyncScopeLevel.BatchErrorSummary)
        {
            return [scope];
        }

        var rows = await _store.SummarizeAsync(operation.Client, operation.Domain, scope.AccountNumber, cancellationToken).ConfigureAwait(false);
        return rows
            .Where(r => Covers(scope, r))
            .OrderBy(r => operation.Kind == SyncOperationKind.Reprocess ? Rank(r.ObjectName, r.ActionName) : 0)
            .ThenBy(r => r.ObjectName, StringComparer.Ordinal).ThenBy(r => r.ActionName, StringComparer.Ordinal)
            .Select(r => SyncScope.Summary(r.ObjectName, r.ActionName, scope.AccountNumber))
            .ToArray();
    }

    /// <summary>The rank of an object in the dependency order (lower first); create actions before others.</summary>
    internal int Rank(string objectName, string actionName)
    {
        var index = -1;
        for (var i = 0; i < _options.EffectiveDependencyOrder.Count; i++)
        {
            if (string.Equals(_options.EffectiveDependencyOrder[i], objectName, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
                break;
            }
        }

        var objectRank = index < 0 ? _options.EffectiveDependencyOrder.Count : index;
        return (objectRank * 2) + (actionName.Contains("create", StringComparison.OrdinalIgnoreCase) ? 0 : 1);
    }

    /// <summary>
    /// Whether a summary row (already narrowed to the scope's account) falls in a scope of all records or of one summary row.
    /// </summary>
    private static bool Covers(SyncScope scope, SyncSummaryRow row) =>
        scope.Level == SyncScopeLevel.All || (row.ObjectName == scope.ObjectName && row.ActionName == scope.ActionName);
}
