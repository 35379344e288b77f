using Aria.Billing.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;

namespace Aria.Billing.Storage.Sqlite;

/// <summary>
/// The embedded SQLite store: sync records, the plan-change queue, job schedules and runs, the invoice ledger and payment
/// terms in one local file. Safe for many threads of one process (writers are serialised, readers never wait in WAL mode);
/// for several nodes use the PostgreSQL store.
/// </summary>
/// <example>
/// <code>
/// var storage = new SqliteStorage(new SqliteStorageOptions { Path = "billing.db" }, clock);
/// await storage.MigrateAsync();
/// var log = new SyncLog(storage.SyncRecords, handler, clock);
/// </code>
/// </example>
public sealed class SqliteStorage : IRelationalStorage
{
    /// <summary>Opens (creating when missing) the database the options name.</summary>
    /// <param name="options">Where the file is and how to treat the schema.</param>
    /// <param name="clock">The clock stamping the migration history.</param>
    /// <exception cref="ArgumentException">The options are not valid (the key and the bad value are named).</exception>
    public SqliteStorage(SqliteStorageOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        SqliteStorageOptions.Rules.ThrowIfInvalid(options, nameof(options));

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? "");
        if (options.ConnectionString is null)
        {
            var path = System.IO.Path.GetFullPath(options.Path ?? SqliteStorageOptions.DefaultPath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            builder.DataSource = path;
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
            builder.Pooling = true;
        }

        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)); // 0 would mean "wait forever" here
        DataSource = builder.DataSource;
        Database = new SqliteDatabase(builder.ToString(), options.BusyTimeout, clock, options.MigrateOnStart);
        SyncRecords = new SqlSyncRecordStore(Database);
        SyncOperations = new SqlSyncOperationStore(Database);
        PlanChanges = new SqlPlanChangeStore(Database);
        JobRuns = new SqlJobRunStore(Database);
        JobSchedules = new SqlJobScheduleStore(Database);
        InvoiceLedger = new SqlInvoiceLedgerStore(Database);
        PaymentTerms = new SqlPaymentTermStore(Database);
    }

    /// <summary>The schema version this package brings a database to.</summary>
    public static int LatestSchemaVersion => SqliteDatabase.Schema[^1].Version;

    /// <summary>The database file (or data source) in use.</summary>
    public string DataSource { get; }

    /// <summary>The sync activity log.</summary>
    public ISyncRecordStore SyncRecords { get; }

    /// <summary>The bulk reprocess and discard operations on the sync activity log.</summary>
    public ISyncOperationStore SyncOperations { get; }

    /// <summary>The plan-change queue.</summary>
    public IPlanChangeStore PlanChanges { get; }

    /// <summary>Schedule runs and their work items.</summary>
    public IJobRunStore JobRuns { get; }

    /// <summary>Schedule definitions.</summary>
    public IJobScheduleStore JobSchedules { get; }

    /// <summary>
    /// The invoice ledger: imported invoices, credit memos and rebills, and the client-level numbering of memos and rebills
    /// (a write is one transaction; numbers are taken in it, so they are consecutive and unique, and a refused write uses none).
    /// </summary>
    public IInvoiceLedgerStore InvoiceLedger { get; }

    /// <summary>Payment terms (an assignment and a delete of the same terms never both succeed).</summary>
    public IPaymentTermStore PaymentTerms { get; }

    internal SqliteDatabase Database { get; }

    /// <inheritdoc />
    SqlDatabase IRelationalStorage.Database => Database;

    /// <summary>
    /// Brings the schema to <see cref="LatestSchemaVersion"/>, applying each missing step once, in one transaction; a
    /// database made by an older version of this package keeps its data. Safe to call at every start.
    /// </summary>
    /// <returns>The versions applied now (empty when the schema was current).</returns>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => Database.MigrateAsync(null, cancellationToken);

    /// <summary>The schema version the database is at (0 for a new file).</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => Database.SchemaVersionAsync(cancellationToken);
}
