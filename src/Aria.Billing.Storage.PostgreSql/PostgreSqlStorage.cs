using Npgsql;
using NodaTime;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;

namespace Aria.Billing.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL store, for hosts that run several nodes against one database: work items and due plan changes are
/// claimed in batches with <c>FOR UPDATE SKIP LOCKED</c> under a lease, one run exists per client, schedule and date
/// (a unique constraint), every update is compare-and-swap on a version, and the invoice ledger's memo and rebill numbers
/// are taken under a row lock inside each write's transaction, consecutive and unique across nodes.
/// </summary>
public sealed class PostgreSqlStorage : IAsyncDisposable, IRelationalStorage
{
    /// <summary>Connects (lazily, pooled) to the database the options name.</summary>
    /// <param name="options">The connection string and how to treat the schema.</param>
    /// <param name="clock">The clock stamping the migration history.</param>
    /// <exception cref="ArgumentException">The connection string is missing or not valid.</exception>
    public PostgreSqlStorage(PostgreSqlStorageOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        PostgreSqlStorageOptions.Rules.ThrowIfInvalid(options, nameof(options));

        Database = new PostgreSqlDatabase(NpgsqlDataSource.Create(WithDefaults(options.ConnectionString!)), clock, options.MigrateOnStart);
        SyncRecords = new SqlSyncRecordStore(Database);
        SyncOperations = new SqlSyncOperationStore(Database);
        PlanChanges = new SqlPlanChangeStore(Database);
        JobRuns = new SqlJobRunStore(Database);
        JobSchedules = new SqlJobScheduleStore(Database);
        InvoiceLedger = new SqlInvoiceLedgerStore(Database);
        PaymentTerms = new SqlPaymentTermStore(Database);
    }

    /// <summary>
    /// The connection string with the stores' defaults where it does not say otherwise: statements auto-prepared (the stores
    /// run a few dozen statement shapes, so each is parsed and planned once per connection) and no DISCARD ALL when a
    /// connection goes back to the pool (the stores leave no session state behind).
    /// </summary>
    internal static NpgsqlConnectionStringBuilder WithDefaults(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey says whether a keyword is known, not whether it was set: read the keys given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare"))
        {
            connection.MaxAutoPrepare = 32;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            connection.NoResetOnClose = true;
        }

        return connection;
    }

    /// <summary>The schema version this package brings a database to.</summary>
    public static int LatestSchemaVersion => PostgreSqlDatabase.Schema[^1].Version;

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

    internal PostgreSqlDatabase Database { get; }

    /// <inheritdoc />
    SqlDatabase IRelationalStorage.Database => Database;

    /// <summary>
    /// Brings the schema to <see cref="LatestSchemaVersion"/>, applying each missing step once, in one transaction under an
    /// advisory lock; a database made by an older version of this package keeps its data. Safe to call at every start.
    /// </summary>
    /// <returns>The versions applied now (empty when the schema was current).</returns>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => Database.MigrateAsync(null, cancellationToken);

    /// <summary>The schema version the database is at (0 for an empty database).</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => Database.SchemaVersionAsync(cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => Database.DataSource.DisposeAsync();
}
