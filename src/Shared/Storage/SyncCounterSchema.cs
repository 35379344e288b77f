namespace Aria.Billing.Storage;

/// <summary>
/// Schema step 9: the counter tables the summaries read, so that levels 1 and 2 of the reprocess summary and the
/// aggregated-usage batch counts cost the number of groups, not the number of records.
/// <list type="bullet">
/// <item><c>sync_error_count</c>: ERROR records by (client, domain, object name, action name, error code, error message).</item>
/// <item><c>sync_batch_count</c>: aggregated-usage records that are not DISCARDED by (client, batch start, status, error
/// code, error message), with the latest batch end seen.</item>
/// </list>
/// Triggers on <c>sync_record</c> keep them, so every status change (ingest, handler outcome, reprocess, discard, in-flight
/// mark, pending claim, and any write a future statement makes) moves the counters in the same transaction; a row whose
/// count falls to zero is deleted. The step builds the counters from the rows already stored.
/// <para>
/// PostgreSQL: one statement-level trigger per event with transition tables: the statement's rows are folded into one delta
/// per key, applied as one <c>INSERT … ON CONFLICT DO UPDATE</c> in key order, so two writers lock the counter rows they share
/// in the same order and cannot deadlock on them (their record rows are locked in id order before, see
/// <see cref="SqlDatabase.LockedInOrder"/>; a transient error left over is retried by <see cref="SqlDatabase"/>). Keys with
/// no error code or message are equal (<c>NULLS NOT DISTINCT</c>, PostgreSQL 15). SQLite: row triggers (writers are
/// serialised), null keys compared with <c>IS</c>.
/// </para>
/// </summary>
internal static class SyncCounterSchema
{
    /// <summary>The step's description.</summary>
    internal const string Description =
        "counters of ERROR records by summary group and of aggregated-usage records by batch and status, kept by triggers in the transaction of every change, so the summaries cost the number of groups";

    private const int Error = (int)Sync.SyncStatus.Error;
    private const int Discarded = (int)Sync.SyncStatus.Discarded;
    private const int Usage = (int)Sync.SyncDomain.AggregatedUsage;

    /// <summary>The columns the counters depend on.</summary>
    private static readonly string[] Changing = ["client", "domain", "object_name", "action_name", "error_code", "error_message", "status", "batch_start", "batch_end"];

    private const string ErrorKey = "client, domain, object_name, action_name, error_code, error_message";
    private const string BatchKey = "client, batch_start, status, error_code, error_message";

    /// <summary>Which rows the error counters count.</summary>
    private static string Errors(string row) => $"{row}status = {Error}";

    /// <summary>Which rows the batch counters count.</summary>
    private static string Batches(string row) => $"{row}domain = {Usage} AND {row}batch_start IS NOT NULL AND {row}status <> {Discarded}";

    private static string Backfill => $"""
        INSERT INTO sync_error_count ({ErrorKey}, records)
            SELECT {ErrorKey}, COUNT(*) FROM sync_record WHERE {Errors("")} GROUP BY {ErrorKey};
        INSERT INTO sync_batch_count ({BatchKey}, batch_end, records)
            SELECT {BatchKey}, MAX(batch_end), COUNT(*) FROM sync_record WHERE {Batches("")} GROUP BY {BatchKey};
        """;

    /// <summary>Step 9 on PostgreSQL.</summary>
    internal static string PostgreSql => $"""
        CREATE TABLE sync_error_count (
            client bigint NOT NULL, domain integer NOT NULL, object_name text NOT NULL, action_name text NOT NULL,
            error_code text, error_message text, records bigint NOT NULL,
            CONSTRAINT ux_sync_error_count UNIQUE NULLS NOT DISTINCT ({ErrorKey}));
        CREATE TABLE sync_batch_count (
            client bigint NOT NULL, batch_start bigint NOT NULL, status integer NOT NULL, error_code text, error_message text,
            batch_end bigint, records bigint NOT NULL,
            CONSTRAINT ux_sync_batch_count UNIQUE NULLS NOT DISTINCT ({BatchKey}));
        {PostgreSqlFunction("insert", "new_rows", null)}
        {PostgreSqlFunction("update", "new_rows", "old_rows")}
        {PostgreSqlFunction("delete", null, "old_rows")}
        CREATE TRIGGER tr_sync_record_count_insert AFTER INSERT ON sync_record REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION sync_record_count_insert();
        CREATE TRIGGER tr_sync_record_count_update AFTER UPDATE ON sync_record REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION sync_record_count_update();
        CREATE TRIGGER tr_sync_record_count_delete AFTER DELETE ON sync_record REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION sync_record_count_delete();
        {Backfill}
        """;

    /// <summary>Step 9 on SQLite.</summary>
    internal static string Sqlite => $"""
        CREATE TABLE sync_error_count (
            client INTEGER NOT NULL, domain INTEGER NOT NULL, object_name TEXT NOT NULL, action_name TEXT NOT NULL,
            error_code TEXT, error_message TEXT, records INTEGER NOT NULL);
        CREATE INDEX ix_sync_error_count ON sync_error_count ({ErrorKey});
        CREATE TABLE sync_batch_count (
            client INTEGER NOT NULL, batch_start INTEGER NOT NULL, status INTEGER NOT NULL, error_code TEXT, error_message TEXT,
            batch_end INTEGER, records INTEGER NOT NULL);
        CREATE INDEX ix_sync_batch_count ON sync_batch_count ({BatchKey});
        {SqliteTrigger("insert_errors", "INSERT", null, "NEW", "sync_error_count", ErrorKey, Errors)}
        {SqliteTrigger("insert_batches", "INSERT", null, "NEW", "sync_batch_count", BatchKey, Batches)}
        {SqliteTrigger("update_errors", "UPDATE", "OLD", "NEW", "sync_error_count", ErrorKey, Errors)}
        {SqliteTrigger("update_batches", "UPDATE", "OLD", "NEW", "sync_batch_count", BatchKey, Batches)}
        {SqliteTrigger("delete_errors", "DELETE", "OLD", null, "sync_error_count", ErrorKey, Errors)}
        {SqliteTrigger("delete_batches", "DELETE", "OLD", null, "sync_batch_count", BatchKey, Batches)}
        {Backfill}
        """;

    /// <summary>
    /// A PostgreSQL trigger function folding a statement's transition tables into one delta per counter key, applied in key
    /// order; counters that fall to zero (only rows this statement already locked) are deleted.
    /// </summary>
    private static string PostgreSqlFunction(string name, string? added, string? removed)
    {
        string Delta(string key, Func<string, string> counted, string extra = "")
        {
            var parts = new List<string>();
            if (added is not null)
            {
                parts.Add($"SELECT {key}{extra}, 1 AS delta FROM {added} WHERE {counted("")}");
            }

            if (removed is not null)
            {
                parts.Add($"SELECT {key}{(extra.Length == 0 ? "" : ", NULL::bigint")}, -1 AS delta FROM {removed} WHERE {counted("")}");
            }

            return string.Join(" UNION ALL ", parts);
        }

        return $"""
            CREATE FUNCTION sync_record_count_{name}() RETURNS trigger LANGUAGE plpgsql AS $count$
            DECLARE zeros tid[];
            BEGIN
                WITH d AS (SELECT {ErrorKey}, SUM(delta) AS delta FROM ({Delta(ErrorKey, Errors)}) x GROUP BY {ErrorKey} HAVING SUM(delta) <> 0),
                applied AS (
                    INSERT INTO sync_error_count AS c ({ErrorKey}, records) SELECT {ErrorKey}, delta FROM d ORDER BY {ErrorKey}
                    ON CONFLICT ON CONSTRAINT ux_sync_error_count DO UPDATE SET records = c.records + EXCLUDED.records
                    RETURNING c.ctid AS row_id, c.records)
                SELECT array_agg(row_id) INTO zeros FROM applied WHERE records = 0;
                IF zeros IS NOT NULL THEN
                    DELETE FROM sync_error_count WHERE ctid = ANY (zeros);
                END IF;
                WITH d AS (SELECT {BatchKey}, MAX(batch_end) AS batch_end, SUM(delta) AS delta FROM ({Delta(BatchKey, Batches, ", batch_end")}) x
                    GROUP BY {BatchKey} HAVING SUM(delta) <> 0),
                applied AS (
                    INSERT INTO sync_batch_count AS c ({BatchKey}, batch_end, records) SELECT {BatchKey}, batch_end, delta FROM d ORDER BY {BatchKey}
                    ON CONFLICT ON CONSTRAINT ux_sync_batch_count DO UPDATE
                    SET records = c.records + EXCLUDED.records, batch_end = GREATEST(c.batch_end, EXCLUDED.batch_end)
                    RETURNING c.ctid AS row_id, c.records)
                SELECT array_agg(row_id) INTO zeros FROM applied WHERE records = 0;
                IF zeros IS NOT NULL THEN
                    DELETE FROM sync_batch_count WHERE ctid = ANY (zeros);
                END IF;
                RETURN NULL;
            END
            $count$;
            """;
    }

    /// <summary>
    /// SQLite row triggers for one counter table: the old row's key down by one, the new row's up by one (a row created at
    /// zero first), a counter at zero deleted.
    /// </summary>
    private static string SqliteTrigger(string name, string @event, string? removed, string? added, string table, string key, Func<string, string> counted)
    {
        static string Match(string row, string key) => string.Join(" AND ", key.Split(", ").Select(c => $"{c} IS {row}.{c}"));
        var body = new List<string>();
        var when = new List<string>();
        if (removed is not null)
        {
            when.Add($"({counted(removed + ".")})");
            body.Add($"UPDATE {table} SET records = records - 1 WHERE {counted(removed + ".")} AND {Match(removed, key)};");
            body.Add($"DELETE FROM {table} WHERE records = 0 AND {Match(removed, key)};");
        }

        if (added is not null)
        {
            var endColumn = table == "sync_batch_count" ? ", batch_end" : "";
            var endValue = table == "sync_batch_count" ? $", {added}.batch_end" : "";
            when.Add($"({counted(added + ".")})");
            body.Add($"INSERT INTO {table} ({key}{endColumn}, records) SELECT {string.Join(", ", key.Split(", ").Select(c => $"{added}.{c}"))}{endValue}, 0 " +
                $"WHERE {counted(added + ".")} AND NOT EXISTS (SELECT 1 FROM {table} WHERE {Match(added, key)});");
            body.Add($"UPDATE {table} SET records = records + 1{(endColumn.Length == 0 ? "" : $", batch_end = MAX(COALESCE(batch_end, {added}.batch_end), COALESCE({added}.batch_end, batch_end))")} " +
                $"WHERE {counted(added + ".")} AND {Match(added, key)};");
        }

        var condition = $"({string.Join(" OR ", when)})";
        if (removed is not null && added is not null)
        {
            // An update that moves nothing this table counts by (an in-flight mark, a claim) leaves its counters alone.
            condition += $" AND NOT ({string.Join(" AND ", Changing.Select(c => $"{removed}.{c} IS {added}.{c}"))})";
        }

        return $"""
            CREATE TRIGGER tr_sync_record_{name} AFTER {@event} ON sync_record WHEN {condition}
            BEGIN
                {string.Join("\n    ", body)}
            END;
            """;
    }
}
