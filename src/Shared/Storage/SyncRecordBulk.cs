using System.Data.Common;

namespace Aria.Billing.Storage;

/// <summary>
/// The statements of a bulk ingest inside one transaction, one row at a time on one reused command: the default of
/// <see cref="SqlDatabase.InsertSyncRecordsAsync"/> and <see cref="SqlDatabase.UpdateSyncRecordsAsync"/>, right where
/// writers are serialised (SQLite: one transaction, the statement compiled once). PostgreSQL replaces both with one
/// multi-row statement each.
/// </summary>
internal static class SyncRecordBulk
{
    /// <summary>The columns an insert writes but the id (assigned) and the version (1), which follows them.</summary>
    internal const string InsertColumns =
        "client, domain, event_id, account_no, aria_sync_id, event_time, object_type, object_name, object_name_key, action, action_name, action_name_key, " +
        "status, error_code, error_message, error_number, scn_number, payload, audit_header, batch_start, batch_end, attempts, in_flight, pending_since";

    /// <summary>The parameters of <see cref="InsertColumns"/>.</summary>
    internal const string InsertValues =
        "@client, @domain, @event_id, @account_no, @aria_sync_id, @event_time, @object_type, @object_name, @object_name_key, @action, @action_name, " +
        "@action_name_key, @status, @error_code, @error_message, @error_number, @scn_number, @payload, @audit_header, @batch_start, @batch_end, @attempts, @in_flight, @pending_since";

    /// <summary>
    /// The processing fields an outcome changes: the only columns a bulk outcome write sets, so the indexes on the message's
    /// own columns (names, sort keys, account, batch) are left alone.
    /// </summary>
    internal static readonly string[] OutcomeColumns = ["status", "error_code", "error_message", "error_number", "attempts", "in_flight", "pending_since"];

    /// <summary>The compare-and-swap outcome write of one record.</summary>
    internal static readonly string UpdateSql =
        $"UPDATE sync_record SET {string.Join(", ", OutcomeColumns.Select(c => $"{c} = @{c}"))}, version = version + 1 " +
        $"WHERE id = @id AND version = @expected AND client = @client AND domain = @domain AND event_id = @event_id RETURNING {SyncRecordRows.Columns}";

    /// <summary>Inserts each record unless its (client, domain, event id) is stored; the records inserted now.</summary>
    internal static async Task<List<SyncRecord>> InsertEachAsync(SqlDatabase database, DbConnection connection, DbTransaction transaction, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        var created = new List<SyncRecord>(records.Count);
        var (idColumn, idValue) = database.NewSyncRecordId;
        await using var insert = connection.Command(
            $"INSERT INTO sync_record ({idColumn}{InsertColumns}, version) VALUES ({idValue}{InsertValues}, 1) ON CONFLICT (client, domain, event_id) DO NOTHING RETURNING {SyncRecordRows.Columns}", transaction);
        var parameters = new Dictionary<string, DbParameter>();
        if (database.ReservedSyncRecordIds is { } reserved)
        {
            Bind(insert, parameters, [("reserved_ids", reserved)]);
        }

        foreach (var record in records)
        {
            Bind(insert, parameters, [("client", record.Client.Value), ("domain", (int)record.Domain), ("event_id", record.EventId), ("account_no", record.AccountNumber?.Value)]);
            Bind(insert, parameters, SyncRecordRows.Fields(record));
            if (await insert.FirstOrDefaultAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                created.Add(stored);
            }
        }

        return created;
    }

    /// <summary>Writes each record as a new row, its id and version as given.</summary>
    internal static async Task WriteEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command($"INSERT INTO sync_record (id, {InsertColumns}, version) VALUES (@id, {InsertValues}, @version)", transaction);
        var parameters = new Dictionary<string, DbParameter>();
        foreach (var record in records)
        {
            Bind(insert, parameters, [("id", record.Id), ("version", record.Version), ("client", record.Client.Value), ("domain", (int)record.Domain), ("event_id", record.EventId), ("account_no", record.AccountNumber?.Value)]);
            Bind(insert, parameters, SyncRecordRows.Fields(record));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes each outcome (compare-and-swap); the records updated now.</summary>
    internal static async Task<List<SyncRecord>> UpdateEachAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(SyncRecord Updated, long ExpectedVersion)> updates, CancellationToken cancellationToken)
    {
        var updated = new List<SyncRecord>(updates.Count);
        await using var command = connection.Command(UpdateSql, transaction);
        var parameters = new Dictionary<string, DbParameter>();
        foreach (var (record, expected) in updates)
        {
            Bind(command, parameters, [("id", record.Id), ("expected", expected), ("client", record.Client.Value), ("domain", (int)record.Domain), ("event_id", record.EventId)]);
            Bind(command, parameters, SyncRecordRows.Fields(record).Where(f => OutcomeColumns.Contains(f.Name)));
            if (await command.FirstOrDefaultAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                updated.Add(stored);
            }
        }

        return updated;
    }

    /// <summary>Sets the values on the command's parameters, adding those it has not yet: one compiled statement for every row.</summary>
    private static void Bind(DbCommand command, Dictionary<string, DbParameter> parameters, IEnumerable<(string Name, object? Value)> values)
    {
        foreach (var (name, value) in values)
        {
            if (!parameters.TryGetValue(name, out var parameter))
            {
                parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
                parameters[name] = parameter;
            }

            parameter.Value = value ?? DBNull.Value;
        }
    }
}
