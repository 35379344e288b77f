namespace Aria.Billing.Storage;

/// <summary>
/// The schema of the relational stores, one forward step per version, written once with column-type tokens that each
/// dialect fills in (<see cref="SqlTypes"/>). Never edit a released step: add one.
/// </summary>
internal static class SqlSchema
{
    /// <summary>
    /// The migrations with the dialect's types, then the steps written per dialect (<paramref name="counters"/>: step 9,
    /// <see cref="SyncCounterSchema"/>, whose triggers the dialects write differently).
    /// </summary>
    internal static IReadOnlyList<SqlMigration> For(SqlTypes types, string counters) =>
        [.. Steps.Select(step => step with { Sql = types.Fill(step.Sql) }), new(9, SyncCounterSchema.Description, counters)];

    private static readonly SqlMigration[] Steps =
    [
        new(1, "sync records and operations, plan changes, schedule runs and work items", $$"""
            CREATE TABLE sync_record (
                id {Identity},
                client {Long} NOT NULL,
                domain {Int} NOT NULL,
                event_id {Text} NOT NULL,
                account_no {Long},
                aria_sync_id {Text},
                event_time {Long} NOT NULL,
                object_type {Int} NOT NULL,
                object_name {Text} NOT NULL,
                object_name_key {Key} NOT NULL,
                action {Text},
                action_name {Text} NOT NULL,
                action_name_key {Key} NOT NULL,
                status {Int} NOT NULL,
                error_code {Text},
                error_message {Text},
                error_number {Long},
                scn_number {Long},
                payload {Text} NOT NULL,
                audit_header {Text},
                batch_start {Long},
                batch_end {Long},
                attempts {Text} NOT NULL,
                in_flight {Guid},
                version {Long} NOT NULL,
                UNIQUE (client, domain, event_id));
            CREATE INDEX ix_sync_record_log ON sync_record (client, domain, id);
            CREATE INDEX ix_sync_record_status ON sync_record (client, domain, status, id);
            CREATE INDEX ix_sync_record_account ON sync_record (client, domain, account_no, id) WHERE account_no IS NOT NULL;
            CREATE INDEX ix_sync_record_errors ON sync_record (client, domain, object_name, action_name, error_code, error_message, id) WHERE status = {{(int)SyncStatus.Error}};
            CREATE INDEX ix_sync_record_batch ON sync_record (client, domain, batch_start, status) WHERE batch_start IS NOT NULL;

            CREATE TABLE sync_operation (
                id {Guid} PRIMARY KEY,
                client {Long} NOT NULL,
                domain {Int} NOT NULL,
                kind {Int} NOT NULL,
                scope_level {Int} NOT NULL,
                scope_object {Text},
                scope_action {Text},
                scope_error_code {Text},
                scope_error_message {Text},
                scope_record_id {Long},
                scope_batch_start {Long},
                scope_account {Long},
                requested_by {Text} NOT NULL,
                requested_at {Long} NOT NULL,
                state {Int} NOT NULL,
                processed {Long} NOT NULL,
                succeeded {Long} NOT NULL,
                failed {Long} NOT NULL,
                skipped {Long} NOT NULL,
                finished_at {Long});
            CREATE INDEX ix_sync_operation_running ON sync_operation (client, domain) WHERE state = {{(int)SyncOperationState.Running}};

            CREATE TABLE plan_change (
                id {Guid} PRIMARY KEY,
                client {Long} NOT NULL,
                account_no {Long} NOT NULL,
                instance_no {Long} NOT NULL,
                parent_instance_no {Long},
                plan_kind {Int} NOT NULL,
                kind {Int} NOT NULL,
                timing {Int} NOT NULL,
                effective_date {Int} NOT NULL,
                parent_change_id {Guid},
                new_plan_no {Long},
                units {Decimal},
                new_status {Int},
                rate_schedule {Long},
                billing_group {Text},
                queued_at {Long} NOT NULL,
                queued_by {Text} NOT NULL,
                state {Int} NOT NULL,
                closed_at {Long},
                closed_by {Text},
                reason {Text},
                last_error {Text},
                attempts {Int} NOT NULL,
                claimed_by {Text},
                claim_expires_at {Long},
                version {Long} NOT NULL);
            CREATE INDEX ix_plan_change_account ON plan_change (client, account_no, effective_date);
            CREATE INDEX ix_plan_change_due ON plan_change (client, effective_date, queued_at) WHERE state = {{(int)PlanChangeState.Queued}};

            CREATE TABLE schedule_run (
                id {Guid} PRIMARY KEY,
                client {Long} NOT NULL,
                schedule {Text} NOT NULL,
                run_date {Int} NOT NULL,
                status {Int} NOT NULL,
                started_by {Text} NOT NULL,
                created_at {Long} NOT NULL,
                finished_at {Long},
                jobs {Text} NOT NULL,
                version {Long} NOT NULL,
                UNIQUE (client, schedule, run_date));

            CREATE TABLE work_item (
                id {Identity},
                run_id {Guid} NOT NULL,
                job_index {Int} NOT NULL,
                item_key {Text} NOT NULL,
                state {Int} NOT NULL,
                attempts {Int} NOT NULL,
                lease_owner {Text},
                lease_expires_at {Long},
                error {Text},
                history {Text} NOT NULL,
                UNIQUE (run_id, job_index, item_key));
            CREATE INDEX ix_work_item_claim ON work_item (run_id, job_index, state, id);
            """),
        new(2, "indexes for keyset paging of the activity log sorted by object or action name", """
            CREATE INDEX ix_sync_record_object_sort ON sync_record (client, domain, object_name_key, id);
            CREATE INDEX ix_sync_record_action_sort ON sync_record (client, domain, action_name_key, id);
            """),
        new(3, "schedule definitions, shared by every node of a host", """
            CREATE TABLE job_schedule (
                client {Long} NOT NULL,
                name {Text} NOT NULL,
                definition {Text} NOT NULL,
                saved_at {Long} NOT NULL,
                saved_by {Text} NOT NULL,
                PRIMARY KEY (client, name));
            """),
        new(4, "a lease on a running sync operation, so one node at a time runs it", """
            ALTER TABLE sync_operation ADD COLUMN runner {Text};
            ALTER TABLE sync_operation ADD COLUMN lease_until {Long};
            """),
        new(5, "when the schedule driver meant a run to start and whether it caught it up; runs not ended, for recovery; the queued changes of a plan instance in queue order, so a claim finds the first of each instance", $$"""
            ALTER TABLE schedule_run ADD COLUMN scheduled_at {Long};
            ALTER TABLE schedule_run ADD COLUMN caught_up {Int} NOT NULL DEFAULT 0;
            CREATE INDEX ix_schedule_run_unfinished ON schedule_run (run_date) WHERE status IN ({{(int)BatchStatus.New}}, {{(int)BatchStatus.Running}}, {{(int)BatchStatus.Incomplete}});
            CREATE INDEX ix_plan_change_instance_queue ON plan_change (client, instance_no, effective_date, queued_at, id) WHERE state = {{(int)PlanChangeState.Queued}};
            """),
        new(6, "invoice ledger: invoices, credit memos, number sequences", """
            CREATE TABLE invoice (
                client {Long} NOT NULL,
                account_no {Long} NOT NULL,
                invoice_no {Long} NOT NULL,
                currency {Text} NOT NULL,
                minor_units {Int} NOT NULL,
                bill_date {Int} NOT NULL,
                invoice_date {Int},
                due_date {Int},
                period_start {Int} NOT NULL,
                period_end {Int} NOT NULL,
                billing_group {Text},
                master_plan_instances {Text} NOT NULL,
                state {Int} NOT NULL,
                disputed_amount {Decimal} NOT NULL,
                has_refund_reversal {Int} NOT NULL,
                is_parent_pay_child {Int} NOT NULL,
                payment_method {Text},
                lines {Text} NOT NULL,
                original_invoice_no {Long},
                rebill_number {Text},
                rebill_reason_code {Text},
                rebilled_by {Long},
                rebill_voided {Int} NOT NULL,
                version {Long} NOT NULL,
                PRIMARY KEY (client, invoice_no));
            CREATE INDEX ix_invoice_account ON invoice (client, account_no, invoice_no);

            CREATE TABLE credit_memo (
                id {Guid} NOT NULL,
                client {Long} NOT NULL,
                account_no {Long} NOT NULL,
                invoice_no {Long} NOT NULL,
                currency {Text} NOT NULL,
                minor_units {Int} NOT NULL,
                number {Text} NOT NULL,
                sequence {Long} NOT NULL,
                reason_code {Text} NOT NULL,
                comment {Text} NOT NULL,
                lines {Text} NOT NULL,
                created_at {Long} NOT NULL,
                created_by {Text} NOT NULL,
                state {Int} NOT NULL,
                voided_at {Long},
                voided_by {Text},
                rebill_invoice_no {Long},
                version {Long} NOT NULL,
                PRIMARY KEY (client, id),
                UNIQUE (client, number));
            CREATE INDEX ix_credit_memo_invoice ON credit_memo (client, invoice_no, sequence);

            CREATE TABLE number_sequence (
                client {Long} NOT NULL,
                kind {Int} NOT NULL,
                next {Long} NOT NULL,
                PRIMARY KEY (client, kind));
            """),
        new(7, "payment terms, names and client-defined ids unique per client, and the last number each client was given (numbers are never reused)", """
            CREATE TABLE payment_term (
                client {Long} NOT NULL,
                term_no {Long} NOT NULL,
                name {Text} NOT NULL,
                client_id {Text} NOT NULL,
                terms_type {Int} NOT NULL,
                days_until_due {Int} NOT NULL,
                days_until_due_method {Int} NOT NULL,
                bill_lag_days {Int},
                surcharge_no {Long},
                auto_bill_orders {Int} NOT NULL,
                reminders_enabled {Int} NOT NULL,
                reminders_active_only {Int} NOT NULL,
                reminder_rows {Text} NOT NULL,
                ever_assigned {Int} NOT NULL,
                version {Long} NOT NULL,
                PRIMARY KEY (client, term_no),
                UNIQUE (client, name),
                UNIQUE (client, client_id));

            CREATE TABLE payment_term_number (
                client {Long} NOT NULL PRIMARY KEY,
                last_no {Long} NOT NULL);
            """),
        new(8, "when a sync record was stored PENDING or last claimed (null on older rows: left long ago), so recovery finds the records a crash left PENDING", $$"""
            ALTER TABLE sync_record ADD COLUMN pending_since {Long};
            CREATE INDEX ix_sync_record_pending ON sync_record (id) WHERE status = {{(int)SyncStatus.Pending}};
            """),
    ];
}
