using System.Data.Common;
using System.Globalization;
using System.Text;
using NodaTime;

namespace Aria.Billing.Storage;

/// <summary>The sync activity log's reads: a record, searches with keyset paging, the summaries, errors over time, the errors of a scope, the batch counts.</summary>
internal sealed partial class SqlSyncRecordStore
{
    /// <inheritdoc />
    public Task<SyncRecord?> GetAsync(ClientNumber client, long id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {SyncRecordRows.Columns} FROM sync_record WHERE id = @id AND client = @client")
                .With("id", id).With("client", client.Value);
            return await command.FirstOrDefaultAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// One page of the log, keyset-paged: the continuation token carries the sort key and id of the last row, so a page deep
    /// in the log costs what the first one does. The total is counted on the first page only (null on later pages).
    /// </summary>
    public Task<Page<SyncRecord>> SearchAsync(SyncSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        KeysetToken? after = search.Page.ContinuationToken is { } token ? KeysetToken.Parse(token, search.SortBy, search.Descending) : null;
        if (database.Unmatchable(search.AriaSyncId, search.Action, search.ErrorCode, search.EventId, search.ActionNameContains, search.ObjectNameContains))
        {
            return Task.FromResult(Page<SyncRecord>.Empty);
        }

        return database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            var filter = Filter(command, search);
            var sortKey = search.SortBy switch
            {
                SyncSortField.Status => StatusRank,
                SyncSortField.ActionName => "action_name_key",
                SyncSortField.ObjectName => "object_name_key",
                _ => null,
            };
            var direction = search.Descending ? "DESC" : "ASC";
            var comparison = search.Descending ? "<" : ">";
            var size = search.Page.Size;
            var columns = SyncRecordRows.Columns + (sortKey is null ? "" : $", {sortKey} AS sort_key");
            if (after is not { } last)
            {
                command.CommandText = $"SELECT {columns} FROM sync_record WHERE {filter} " +
                    $"ORDER BY {(sortKey is null ? "" : $"{sortKey} {direction}, ")}id {direction} LIMIT {size + 1}";
            }
            else if (sortKey is null)
            {
                command.With("after_id", last.Id);
                command.CommandText = $"SELECT {columns} FROM sync_record WHERE {filter} AND id {comparison} @after_id ORDER BY id {direction} LIMIT {size + 1}";
            }
            else
            {
                // Rest of the last row's key, then the keys after it: two index seeks (a row-value comparison would make
                // some planners scan every row of the last key).
                command.With("after_id", last.Id);
                command.With("after_key", search.SortBy == SyncSortField.Status ? long.Parse(last.Key, CultureInfo.InvariantCulture) : last.Key);
                command.CommandText =
                    $"SELECT * FROM (SELECT {columns} FROM sync_record WHERE {filter} AND {sortKey} = @after_key AND id {comparison} @after_id " +
                    $"ORDER BY id {direction} LIMIT {size + 1}) same_key UNION ALL " +
                    $"SELECT * FROM (SELECT {columns} FROM sync_record WHERE {filter} AND {sortKey} {comparison} @after_key " +
                    $"ORDER BY {sortKey} {direction}, id {direction} LIMIT {size + 1}) later_keys " +
                    $"ORDER BY sort_key {direction}, id {direction} LIMIT {size + 1}";
            }

            var keys = new List<string?>();
            var rows = await command.ListAsync(r =>
            {
                keys.Add(sortKey is null ? null : Convert.ToString(r.GetValue(SortKeyOrdinal), CultureInfo.InvariantCulture));
                return SyncRecordRows.Read(r);
            }, cancellationToken).ConfigureAwait(false);

            long? total = after is null && rows.Count <= size ? rows.Count : null;
            if (after is null && total is null)
            {
                command.Parameters.Clear();
                Filter(command, search);
                command.CommandText = $"SELECT COUNT(*) FROM sync_record WHERE {filter}";
                total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            string? next = null;
            if (rows.Count > size)
            {
                rows.RemoveAt(size);
                next = new KeysetToken(keys[size - 1] ?? "", rows[^1].Id).Format(search.SortBy, search.Descending);
            }

            return new Page<SyncRecord>(rows, total, next);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncSummaryRow>> SummarizeAsync(ClientNumber client, SyncDomain domain, AccountNumber? account = null, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SyncSummaryRow>>(async connection =>
        {
            // Without an account: the counters step 9 keeps (a row per error group). With one: that account's ERROR rows.
            await using var command = connection.Command(account is null
                ? "SELECT object_name, action_name, CAST(SUM(records) AS bigint) AS records FROM sync_error_count WHERE client = @client AND domain = @domain " +
                    "GROUP BY object_name, action_name HAVING SUM(records) > 0"
                : $"SELECT object_name, action_name, COUNT(*) AS records FROM sync_record WHERE client = @client AND domain = @domain AND status = {Error}" +
                    " AND account_no = @account GROUP BY object_name, action_name")
                .With("client", client.Value).With("domain", (int)domain).With("account", account?.Value);
            var rows = await command.ListAsync(r => new SyncSummaryRow(r.GetString(r.GetOrdinal("object_name")), r.GetString(r.GetOrdinal("action_name")), r.GetInt64(r.GetOrdinal("records"))), cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(r => r.ObjectName, StringComparer.Ordinal).ThenBy(r => r.ActionName, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncErrorPeriodRow>> CountErrorsByPeriodAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<Instant> boundaries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        if (boundaries.Count is < 2 or > ISyncRecordStore.MaxPeriodBoundaries || boundaries.Zip(boundaries.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException($"Boundaries should ascend strictly, 2 to {ISyncRecordStore.MaxPeriodBoundaries} of them.", nameof(boundaries));
        }

        return database.ReadAsync<IReadOnlyList<SyncErrorPeriodRow>>(async connection =>
        {
            // One grouped count: the period is a CASE over the boundaries (a client's days are not all 24 hours long), and the
            // range condition lets the (client, domain, status) rows be read once.
            await using var command = connection.CreateCommand();
            command.With("client", client.Value).With("domain", (int)domain);
            var period = new StringBuilder("CASE");
            for (var i = 0; i < boundaries.Count; i++)
            {
                command.With($"b{i}", SqlCommands.Ticks(boundaries[i]));
                if (i > 0 && i < boundaries.Count - 1)
                {
                    period.Append(CultureInfo.InvariantCulture, $" WHEN event_time < @b{i} THEN {i - 1}");
                }
            }

            period.Append(CultureInfo.InvariantCulture, $" ELSE {boundaries.Count - 2} END");
            var bucket = boundaries.Count == 2 ? "0" : period.ToString();
            command.CommandText =
                $"SELECT object_name, action_name, {bucket} AS period, COUNT(*) AS records FROM sync_record " +
                $"WHERE client = @client AND domain = @domain AND status = {Error} AND event_time >= @b0 AND event_time < @b{boundaries.Count - 1} " +
                "GROUP BY object_name, action_name" + (boundaries.Count == 2 ? "" : $", {bucket}");
            var rows = await command.ListAsync(
                r => new SyncErrorPeriodRow(
                    r.GetString(r.GetOrdinal("object_name")), r.GetString(r.GetOrdinal("action_name")),
                    Convert.ToInt32(r.GetValue(r.GetOrdinal("period")), CultureInfo.InvariantCulture), r.GetInt64(r.GetOrdinal("records"))),
                cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderBy(r => r.ObjectName, StringComparer.Ordinal).ThenBy(r => r.ActionName, StringComparer.Ordinal).ThenBy(r => r.Period)];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncErrorSummaryRow>> SummarizeErrorsAsync(
        ClientNumber client, SyncDomain domain, string objectName, string actionName, AccountNumber? account = null, CancellationToken cancellationToken = default) =>
        database.Unmatchable(objectName, actionName) ? Task.FromResult<IReadOnlyList<SyncErrorSummaryRow>>([]) : database.ReadAsync<IReadOnlyList<SyncErrorSummaryRow>>(async connection =>
        {
            await using var command = connection.Command(account is null
                ? "SELECT error_code, error_message, records FROM sync_error_count WHERE client = @client AND domain = @domain " +
                    "AND object_name = @object_name AND action_name = @action_name AND records > 0"
                : $"SELECT error_code, error_message, COUNT(*) AS records FROM sync_record WHERE client = @client AND domain = @domain AND status = {Error} " +
                    "AND object_name = @object_name AND action_name = @action_name AND account_no = @account GROUP BY error_code, error_message")
                .With("client", client.Value).With("domain", (int)domain).With("object_name", objectName).With("action_name", actionName).With("account", account?.Value);
            var rows = await command.ListAsync(
                r => new SyncErrorSummaryRow(
                    objectName, actionName, r.GetStringOrNull(r.GetOrdinal("error_code")), r.GetStringOrNull(r.GetOrdinal("error_message")), r.GetInt64(r.GetOrdinal("records"))), cancellationToken).ConfigureAwait(false);
            return [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.ErrorCode, StringComparer.Ordinal).ThenBy(r => r.ErrorMessage, StringComparer.Ordinal)];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncRecord>> ListErrorsAsync(
        ClientNumber client, SyncDomain domain, SyncScope scope, long afterId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (database.Unmatchable(scope.ObjectName, scope.ActionName, scope.ErrorCode, scope.ErrorMessage))
        {
            return Task.FromResult<IReadOnlyList<SyncRecord>>([]);
        }

        return database.ReadAsync<IReadOnlyList<SyncRecord>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.With("client", client.Value).With("domain", (int)domain).With("after", afterId);
            var where = new StringBuilder($"client = @client AND domain = @domain AND status = {Error} AND id > @after");
            switch (scope.Level)
            {
                case SyncScopeLevel.Record:
                    where.Append(" AND id = @id");
                    command.With("id", scope.RecordId);
                    break;
                case SyncScopeLevel.Batch or SyncScopeLevel.BatchErrorSummary:
                    where.Append(" AND batch_start = @batch_start");
                    command.With("batch_start", SqlCommands.Ticks(scope.BatchStart));
                    if (scope.Level == SyncScopeLevel.BatchErrorSummary)
                    {
                        Equal(command, where, "error_code", scope.ErrorCode);
                    }

                    break;
                default:
                    if (scope.AccountNumber is { } account)
                    {
                        where.Append(" AND account_no = @account");
                        command.With("account", account.Value);
                    }

                    if (scope.Level is SyncScopeLevel.Summary or SyncScopeLevel.ErrorSummary)
                    {
                        Equal(command, where, "object_name", scope.ObjectName);
                        Equal(command, where, "action_name", scope.ActionName);
                    }

                    if (scope.Level == SyncScopeLevel.ErrorSummary)
                    {
                        Equal(command, where, "error_code", scope.ErrorCode);
                        Equal(command, where, "error_message", scope.ErrorMessage);
                    }

                    break;
            }

            command.CommandText = $"SELECT {SyncRecordRows.Columns} FROM sync_record WHERE {where} ORDER BY id LIMIT @max";
            command.With("max", Math.Max(0, max));
            return await command.ListAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UsageBatch>> SummarizeBatchesAsync(UsageBatchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return database.ReadAsync<IReadOnlyList<UsageBatch>>(async connection =>
        {
            // The counters step 9 keeps: a row per (batch, status, error code, error message) of the records not DISCARDED.
            await using var command = connection.CreateCommand();
            command.With("client", filter.Client.Value);
            var where = new StringBuilder("client = @client");
            if (filter.StartDate is { } from)
            {
                where.Append(" AND batch_start >= @from");
                command.With("from", SqlCommands.Ticks(from.AtStartOfDayInZone(filter.Zone ?? NodaTime.DateTimeZone.Utc).ToInstant()));
            }

            if (filter.EndDate is { } until)
            {
                where.Append(" AND batch_start < @until");
                command.With("until", SqlCommands.Ticks(until.AtStartOfDayInZone(filter.Zone ?? NodaTime.DateTimeZone.Utc).ToInstant()));
            }

            var having = $"SUM(CASE WHEN status IN ({Pending}, {Error}) THEN records ELSE 0 END) > 0";
            if (filter.Status is { } status)
            {
                having += " AND SUM(CASE WHEN status = @status THEN records ELSE 0 END) > 0";
                command.With("status", (int)status);
            }

            command.CommandText =
                $"SELECT batch_start, MAX(batch_end) AS batch_end, CAST(SUM(records) AS bigint) AS total, CAST(SUM(CASE WHEN status = {Complete} THEN records ELSE 0 END) AS bigint) AS completed, " +
                $"CAST(SUM(CASE WHEN status = {Error} THEN records ELSE 0 END) AS bigint) AS errored, CAST(SUM(CASE WHEN status = {Pending} THEN records ELSE 0 END) AS bigint) AS pending " +
                $"FROM sync_batch_count WHERE {where} GROUP BY batch_start HAVING {having} ORDER BY batch_start";
            var batches = await command.ListAsync(
                r => (Start: r.GetInt64(r.GetOrdinal("batch_start")), End: r.GetInt64OrNull(r.GetOrdinal("batch_end")), Total: (int)r.GetInt64(r.GetOrdinal("total")),
                    Completed: (int)r.GetInt64(r.GetOrdinal("completed")), Errored: (int)r.GetInt64(r.GetOrdinal("errored")), Pending: (int)r.GetInt64(r.GetOrdinal("pending"))),
                cancellationToken).ConfigureAwait(false);
            if (batches.Count == 0)
            {
                return [];
            }

            command.CommandText =
                $"SELECT batch_start, status, error_code, error_message, records FROM sync_batch_count WHERE {where} AND status IN ({Pending}, {Error}) AND records > 0";
            var details = (await command.ListAsync(
                    r => (Start: r.GetInt64(r.GetOrdinal("batch_start")), Detail: new UsageBatchDetail(
                        r.GetStringOrNull(r.GetOrdinal("error_code")), r.GetStringOrNull(r.GetOrdinal("error_message")),
                        (SyncStatus)r.GetInt32(r.GetOrdinal("status")), (int)r.GetInt64(r.GetOrdinal("records")))),
                    cancellationToken).ConfigureAwait(false))
                .ToLookup(d => d.Start, d => d.Detail);
            return [.. batches.Select(b => new UsageBatch(
                NodaTime.Instant.FromUnixTimeTicks(b.Start),
                NodaTime.Instant.FromUnixTimeTicks(b.End ?? b.Start),
                b.Total, b.Completed, b.Errored, b.Pending,
                [.. details[b.Start].OrderBy(d => d.Status == SyncStatus.Error ? 0 : 1).ThenBy(d => d.ErrorCode, StringComparer.Ordinal)
                    .ThenBy(d => d.ErrorMessage, StringComparer.Ordinal)]))];
        }, cancellationToken);
    }

    /// <summary>The WHERE clause (and its parameters) of a search, without paging.</summary>
    private static string Filter(DbCommand command, SyncSearch s)
    {
        var where = new StringBuilder("client = @client AND domain = @domain");
        command.With("client", s.Client.Value).With("domain", (int)s.Domain);
        if (s.Status is { } status)
        {
            where.Append(" AND status = @status");
            command.With("status", (int)status);
        }
        else
        {
            where.Append(CultureInfo.InvariantCulture, $" AND status <> {Discarded}");
        }

        Optional(command, where, "aria_sync_id", s.AriaSyncId);
        Optional(command, where, "action", s.Action);
        Optional(command, where, "error_code", s.ErrorCode);
        Optional(command, where, "event_id", s.EventId);
        Optional(command, where, "object_type", s.ObjectType);
        Optional(command, where, "account_no", s.AccountNumber?.Value);
        Optional(command, where, "batch_start", SqlCommands.Ticks(s.BatchStart));
        if (!string.IsNullOrEmpty(s.ActionNameContains))
        {
            where.Append(" AND action_name_key LIKE @action_name_like ESCAPE '\\'");
            command.With("action_name_like", SqlCommands.ContainsPattern(s.ActionNameContains));
        }

        if (!string.IsNullOrEmpty(s.ObjectNameContains))
        {
            where.Append(" AND object_name_key LIKE @object_name_like ESCAPE '\\'");
            command.With("object_name_like", SqlCommands.ContainsPattern(s.ObjectNameContains));
        }

        return where.ToString();
    }

    private static void Optional(DbCommand command, StringBuilder where, string column, object? value)
    {
        if (value is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} = @{column}");
            command.With(column, value);
        }
    }

    /// <summary>Equality that holds for two nulls, as the scopes compare.</summary>
    private static void Equal(DbCommand command, StringBuilder where, string column, string? value)
    {
        if (value is null)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} IS NULL");
        }
        else
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {column} = @{column}");
            command.With(column, value);
        }
    }
}
