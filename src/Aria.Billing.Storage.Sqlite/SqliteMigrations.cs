namespace Aria.Billing.Storage.Sqlite;

/// <summary>The schema of the SQLite store, one forward step per version. Never edit a released step: add one.</summary>
internal static class SqliteMigrations
{
    internal static readonly IReadOnlyList<SqlMigration> All =
    [
        new(1, "sync records and operations, plan changes, schedule runs and work items", """
            CREATE TABLE sync_record (
                id INTEGER PRIMARY KEY,
                client INTEGER NOT NULL,
                domain INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                account_no INTEGER,
                aria_sync_id TEXT,
                event_time INTEGER NOT NULL,
                object_type INTEGER NOT NULL,
                object_name TEXT NOT NULL,
                object_name_key TEXT NOT NULL,
                action TEXT,
                action_name TEXT NOT NULL,
                action_name_key TEXT NOT NULL,
                status INTEGER NOT NULL,
                error_code TEXT,
                error_message TEXT,
                error_number INTEGER,
                scn_number INTEGER,
                payload TEXT NOT NULL,
                audit_header TEXT,
                batch_start INTEGER,
                batch_end INTEGER,
                attempts TEXT NOT NULL,
                in_flight BLOB,
                version INTEGER NOT NULL,
                UNIQUE (client, domain, event_id));
            CREATE INDEX ix_sync_record_log ON sync_record (client, domain, id);
            CREATE INDEX ix_sync_record_status ON sync_record (client, domain, status, id);
            CREATE INDEX ix_sync_record_account ON sync_record (client, domain, account_no, id) WHERE account_no IS NOT NULL;
            CREATE INDEX ix_sync_record_errors ON sync_record (client, domain, object_name, action_name, error_code, error_message, id) WHERE status = 2;
            CREATE INDEX ix_sync_record_batch ON sync_record (client, domain, batch_start, status) WHERE batch_start IS NOT NULL;

            CREATE TABLE sync_operation (
                id BLOB PRIMARY KEY,
                client INTEGER NOT NULL,
                domain INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                scope_level INTEGER NOT NULL,
                scope_object TEXT,
                scope_action TEXT,
                scope_error_code TEXT,
                scope_error_message TEXT,
                scope_record_id INTEGER,
                scope_batch_start INTEGER,
                scope_account INTEGER,
                requested_by TEXT NOT NULL,
                requested_at INTEGER NOT NULL,
                state INTEGER NOT NULL,
                processed INTEGER NOT NULL,
                succeeded INTEGER NOT NULL,
                failed INTEGER NOT NULL,
                skipped INTEGER NOT NULL,
                finished_at INTEGER);
            CREATE INDEX ix_sync_operation_running ON sync_operation (client, domain) WHERE state = 0;

            CREATE TABLE plan_change (
                id BLOB PRIMARY KEY,
                client INTEGER NOT NULL,
                account_no INTEGER NOT NULL,
                instance_no INTEGER NOT NULL,
                parent_instance_no INTEGER,
                plan_kind INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                timing INTEGER NOT NULL,
                effective_date INTEGER NOT NULL,
                parent_change_id BLOB,
                new_plan_no INTEGER,
                units TEXT,
                new_status INTEGER,
                rate_schedule INTEGER,
                billing_group TEXT,
                queued_at INTEGER NOT NULL,
                queued_by TEXT NOT NULL,
                state INTEGER NOT NULL,
                closed_at INTEGER,
                closed_by TEXT,
                reason TEXT,
                last_error TEXT,
                attempts INTEGER NOT NULL,
                claimed_by TEXT,
                claim_expires_at INTEGER,
                version INTEGER NOT NULL);
            CREATE INDEX ix_plan_change_account ON plan_change (client, account_no, effective_date);
            CREATE INDEX ix_plan_change_due ON plan_change (client, effective_date, queued_at) WHERE state = 0;

            CREATE TABLE schedule_run (
                id BLOB PRIMARY KEY,
                client INTEGER NOT NULL,
                schedule TEXT NOT NULL,
                run_date INTEGER NOT NULL,
                status INTEGER NOT NULL,
                started_by TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                finished_at INTEGER,
                jobs TEXT NOT NULL,
                version INTEGER NOT NULL,
                UNIQUE (client, schedule, run_date));

            CREATE TABLE work_item (
                id INTEGER PRIMARY KEY,
                run_id BLOB NOT NULL,
                job_index INTEGER NOT NULL,
                item_key TEXT NOT NULL,
                state INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                lease_owner TEXT,
                lease_expires_at INTEGER,
                error TEXT,
                history TEXT NOT NULL,
                UNIQUE (run_id, job_index, item_key));
            CREATE INDEX ix_work_item_claim ON work_item (run_id, job_index, state, id);
            """),
        new(2, "indexes for keyset paging of the activity log sorted by object or action name", """
            CREATE INDEX ix_sync_record_object_sort ON sync_record (client, domain, object_name_key, id);
            CREATE INDEX ix_sync_record_action_sort ON sync_record (client, domain, action_name_key, id);
            """),
        new(3, "schedule definitions, shared by every node of a host", """
            CREATE TABLE job_schedule (
                client INTEGER NOT NULL,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                saved_at INTEGER NOT NULL,
                saved_by TEXT NOT NULL,
                PRIMARY KEY (client, name));
            """),
    ];
}
