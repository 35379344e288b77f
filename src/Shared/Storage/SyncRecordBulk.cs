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
    /// <summary>The columns an insert writes (the id is assigned, the version is 1).</summary>
    internal const string InsertColumns =
        "client, domain, event_id, account_no, aria_sync_id, event_time, object_type, object_name, object_name_key, action, action_name, action_name_key, " +
        "status, error_code, error_message, error_number, scn_number, payload, audit_header, batch_start, batch_end, attempts, in_flight, pending_since, version";

    /// <summary>The parameters of <see cref="InsertColumns"/>.</summary>
    internal const string InsertValues =
        "@client, @domain, @event_id, @account_no, @aria_sync_id, @event_time, @object_type, @object_name, @object_name_key, @action, @action_name, " +
        "@action_name_key, @status, @error_code, @error_message, @error_number, @scn_number, @payload, @audit_header, @batch_start, @batch_end, @attempts, @in_flight, @pending_since, 1";

    /// <summary>The compare-and-swap update of one record.</summary>
    internal static readonly string UpdateSql =
        $"UPDATE sync_record SET {SyncRecordRows.Assignments}, version = version + 1 " +
        $"WHERE id = @id AND version = @expected AND client = @client AND domain = @domain AND event_id = @event_id RETURNING {SyncRecordRows.Columns}";

    /// <summary>Inserts each record unless its (client, domain, event id) is stored; the records inserted now.</summary>
    internal static async Task<List<SyncRecord>> InsertEachAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        var created = new List<SyncRecord>(records.Count);
        await using var insert = connection.Command(
            $"INSERT INTO sync_record ({InsertColumns}) VALUES ({InsertValues}) ON CONFLICT (client, domain, event_id) DO NOTHING RETURNING {SyncRecordRows.Columns}", transaction);
        foreach (var record in records)
        {
            insert.Parameters.Clear();
            insert.With("client", record.Client.Value).With("domain", (int)record.Domain).With("event_id", record.EventId)
                .With("account_no", record.AccountNumber?.Value).WithFields(record);
            if (await insert.FirstOrDefaultAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                created.Add(stored);
            }
        }

        return created;
    }

    /// <summary>Applies each compare-and-swap update; the records updated now.</summary>
    internal static async Task<List<SyncRecord>> UpdateEachAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(SyncRecord Updated, long ExpectedVersion)> updates, CancellationToken cancellationToken)
    {
        var updated = new List<SyncRecord>(updates.Count);
        await using var command = connection.Command(UpdateSql, transaction);
        foreach (var (record, expected) in updates)
        {
            command.Parameters.Clear();
            command.With("id", record.Id).With("expected", expected).With("client", record.Client.Value).With("domain", (int)record.Domain)
                .With("event_id", record.EventId).WithFields(record);
            if (await command.FirstOrDefaultAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                updated.Add(stored);
            }
        }

        return updated;
    }
}
