using System.Data.Common;

namespace Aria.Billing.Storage;

/// <summary>
/// One relational database as the stores see it: how to open a connection, how to run a write transaction, the few SQL
/// fragments in which the dialects differ, and the versioned schema migrations.
/// </summary>
internal abstract class SqlDatabase(NodaTime.IClock clock, bool migrateOnFirstUse, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider timeProvider = timeProvider ?? TimeProvider.System;

    private readonly Lock _gate = new();
    private Task? _ready;

    /// <summary>How many times a statement that failed on a transient error (deadlock, serialization failure, busy database) is tried again.</summary>
    internal int TransientRetries { get; set; } = 4;

    /// <summary>The table that records which migrations ran.</summary>
    internal const string HistoryTable = "aria_schema_history";

    /// <summary>The schema migrations of this dialect, in version order.</summary>
    internal abstract IReadOnlyList<SqlMigration> Migrations { get; }

    /// <summary>The clause that makes a claiming subquery skip rows other transactions hold ("" where writers are serialised).</summary>
    internal abstract string SkipLocked { get; }

    /// <summary>
    /// The clause that makes an ordered subquery lock its rows as it returns them ("" where writers are serialised). A
    /// set-based update that can overlap another locks its rows through <see cref="LockedInOrder"/>, so every statement takes
    /// its locks in id order and none waits on one that waits on it.
    /// </summary>
    internal abstract string ForUpdate { get; }

    /// <summary>Whether a database error is one that trying the same work again may cure (deadlock, serialization failure, busy database).</summary>
    internal abstract bool IsTransient(DbException error);

    /// <summary>
    /// A common table expression <c>target(id)</c> holding the rows of <paramref name="table"/> that <paramref name="where"/>
    /// selects, locked in id order; the update that follows takes <c>WHERE id IN (SELECT id FROM target)</c>.
    /// </summary>
    internal string LockedInOrder(string table, string where) => $"WITH target AS (SELECT id FROM {table} WHERE {where} ORDER BY id{ForUpdate}) ";

    /// <summary>A subquery yielding one column <c>value</c> per element of a list parameter bound with <see cref="AddList{T}"/>.</summary>
    internal abstract string ListOf(string parameter);

    /// <summary>
    /// An expression appending <paramref name="value"/> to the JSON array text in <paramref name="column"/>: as a JSON
    /// string, or, when <paramref name="valueIsJson"/>, as the JSON the value's text holds.
    /// </summary>
    internal abstract string AppendToJsonArray(string column, string value, bool valueIsJson = false);

    /// <summary>Binds a list of values as one parameter for <see cref="ListOf"/>.</summary>
    internal abstract void AddList<T>(DbCommand command, string name, IReadOnlyCollection<T> values);

    /// <summary>
    /// Inserts, within <paramref name="transaction"/>, each of <paramref name="records"/> (distinct keys, in the order given)
    /// whose (client, domain, event id) is not stored yet; returns the records inserted now. By default one row at a time on
    /// one command (<see cref="SyncRecordBulk"/>); a dialect may write them in one statement.
    /// </summary>
    internal virtual Task<List<SyncRecord>> InsertSyncRecordsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken) =>
        SyncRecordBulk.InsertEachAsync(this, connection, transaction, records, cancellationToken);

    /// <summary>
    /// Applies, within <paramref name="transaction"/>, each compare-and-swap update (distinct ids, in id order); returns the
    /// records updated now. By default one statement per record (<see cref="SyncRecordBulk"/>); a dialect whose writers run
    /// at once updates them in one statement, so the counters it touches are locked in one order.
    /// </summary>
    internal virtual Task<List<SyncRecord>> UpdateSyncRecordsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(SyncRecord Updated, long ExpectedVersion)> updates, CancellationToken cancellationToken) =>
        SyncRecordBulk.UpdateEachAsync(connection, transaction, updates, cancellationToken);

    /// <summary>
    /// Whether the ingest gates are held inside the database's write transactions (<see cref="HoldIngestGatesAsync"/>,
    /// <see cref="GatedVersionOne"/>: PostgreSQL, for several nodes) rather than in this process
    /// (<see cref="EnterIngestGatesAsync"/>: where one process writes the database, SQLite).
    /// </summary>
    internal virtual bool GatesInTransaction => false;

    /// <summary>
    /// Holds, within <paramref name="transaction"/>, the ingest gate of each (client, domain) — in one order, so two holders
    /// never wait for each other — until the transaction ends: exclusively for a bulk ingest that runs its processing before
    /// it writes, shared for the adds that write at once, so such an add of the same client and domain waits for the bulk
    /// ingest to end and then finds its records. By default nothing (<see cref="GatesInTransaction"/>).
    /// </summary>
    internal virtual Task HoldIngestGatesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<(ClientNumber Client, SyncDomain Domain)> gates, bool exclusive, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// The value expression an add of one sync record writes as its version, 1, after taking the shared ingest gate of the
    /// record's client and domain (parameter <c>@gate</c>, <see cref="IngestGate"/>) within the statement; by default the
    /// literal 1 (see <see cref="HoldIngestGatesAsync"/>).
    /// </summary>
    internal virtual string GatedVersionOne => "1";

    /// <summary>
    /// Holds, in this process, the ingest gate of each (client, domain), in one order, until disposed: every add of sync
    /// records holds its gates while it runs, a bulk ingest also while it processes, so no add of the same client and domain
    /// stores a record meanwhile. By default nothing is held here (<see cref="GatesInTransaction"/>).
    /// </summary>
    internal virtual ValueTask<IDisposable> EnterIngestGatesAsync(IReadOnlyCollection<(ClientNumber Client, SyncDomain Domain)> gates, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDisposable>(NoGates.Instance);

    /// <summary>
    /// Where ids are handed out ahead of the insert in this process (<see cref="NextSyncRecordIdsAsync"/> outside a
    /// transaction), the highest handed out, which every other insert stays above (<see cref="NewSyncRecordId"/>, parameter
    /// <c>@reserved_ids</c>); else <see langword="null"/>.
    /// </summary>
    internal virtual long? ReservedSyncRecordIds => null;

    /// <summary>
    /// The column and the value an insert of a new sync record adds in front of the others for its id (each with its
    /// trailing comma), or two empty strings where the database assigns it.
    /// </summary>
    internal virtual (string Column, string Value) NewSyncRecordId => ("", "");

    /// <summary>The key of a client's and domain's ingest gate (<see cref="HoldIngestGatesAsync"/>).</summary>
    internal static long IngestGate(ClientNumber client, SyncDomain domain) => LockKey($"aria-billing-sync-ingest:{client.Value}:{(int)domain}");

    /// <summary>A stable 64-bit key for a lock name (FNV-1a: the same on every node and every run, unlike string hash codes).</summary>
    internal static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    /// <summary>
    /// The query of the sync records of <c>@client</c> and <c>@domain</c> whose event id is one of <c>@events</c> (a list
    /// bound by <see cref="AddList{T}"/>), in <see cref="SyncRecordRows.Columns"/>.
    /// </summary>
    internal virtual string StoredEventsQuery =>
        $"SELECT {SyncRecordRows.Columns} FROM sync_record WHERE client = @client AND domain = @domain AND event_id IN ({ListOf("@events")})";

    /// <summary>
    /// <paramref name="count"/> ids for new sync records that no other record has or will be given: within the bulk
    /// ingest's transaction where the gates are held there (<see cref="GatesInTransaction"/>), else on their own, handed out
    /// ahead in this process (<see cref="ReservedSyncRecordIds"/>).
    /// </summary>
    internal abstract Task<long[]> NextSyncRecordIdsAsync(DbConnection? connection, DbTransaction? transaction, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Writes, within <paramref name="transaction"/>, each of <paramref name="records"/> as given (its id and version
    /// included) as a new row; a record whose id or event key is stored fails the statement. By default one row at a time on
    /// one command (<see cref="SyncRecordBulk"/>); a dialect may stream them (PostgreSQL: binary COPY).
    /// </summary>
    internal virtual Task WriteNewSyncRecordsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken) =>
        SyncRecordBulk.WriteEachAsync(connection, transaction, records, cancellationToken);

    private sealed class NoGates : IDisposable
    {
        internal static readonly NoGates Instance = new();

        public void Dispose()
        {
        }
    }

    /// <summary>Whether a text column can hold <paramref name="text"/>; a filter on text it cannot hold matches nothing.</summary>
    internal virtual bool CanHold(string text) => true;

    /// <summary>Whether some filter text is one no stored value can equal or contain.</summary>
    internal bool Unmatchable(params ReadOnlySpan<string?> texts)
    {
        foreach (var text in texts)
        {
            if (text is not null && !CanHold(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The caller's error a database error stands for (a value the column cannot hold), or null for a real failure.</summary>
    internal virtual ArgumentException? AsArgumentError(DbException error) => null;

    /// <summary>Opens a connection ready for use.</summary>
    internal abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that may write.</summary>
    internal abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Waits for this process's turn to write, where the database serialises writers (released by <see cref="ExitWrite"/>).</summary>
    internal virtual ValueTask EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Ends the turn <see cref="EnterWriteAsync"/> began.</summary>
    internal virtual void ExitWrite()
    {
    }

    /// <summary>Within a write transaction, waits for other nodes holding the same named lock until they commit.</summary>
    internal abstract Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the schema to the latest version once per instance (several callers share the one migration; a failed one is
    /// tried again by the next caller).
    /// </summary>
    internal Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = MigrateAsync(null, cancellationToken);
            }

            return _ready;
        }
    }

    /// <summary>Runs a read on a fresh connection.</summary>
    internal async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await read(connection).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs statements that write, each atomic on its own (autocommit): the cheap path for single-statement updates,
    /// compare-and-swap writes and claims.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await RetryTransientAsync(() => WriteOnceAsync(write, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> WriteOnceAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await write(connection).ConfigureAwait(false);
            }
            catch (DbException error) when (AsArgumentError(error) is { } argument)
            {
                throw argument;
            }
            finally
            {
                ExitWrite();
            }
        }
    }

    /// <summary>Runs <paramref name="write"/> in one write transaction and commits it; any exception rolls everything back.</summary>
    internal Task<T> TransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        TransactionAsync(write, static _ => true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in one write transaction and commits it when <paramref name="commit"/> says so of its
    /// result, else rolls it back (a write refused half-way leaves nothing behind); any exception rolls everything back.
    /// </summary>
    internal async Task<T> TransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await RetryTransientAsync(() => TransactionNowAsync(write, cancellationToken, commit), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The one place where transient database errors are retried: the failed statement or transaction was rolled back whole,
    /// so the work runs again from its start, after a short randomised pause that grows with each try, at most
    /// <see cref="TransientRetries"/> times; the last error goes to the caller.
    /// </summary>
    private async Task<T> RetryTransientAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            catch (DbException error) when (attempt < TransientRetries && IsTransient(error))
            {
                var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) << Math.Min(attempt, 6));
                await Task.Delay(pause, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<T> TransactionNowAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken, Func<T, bool>? commit = null)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await write(connection, transaction).ConfigureAwait(false);
                    if (commit is null || commit(result))
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    }

                    return result;
                }
            }
            catch (DbException error) when (AsArgumentError(error) is { } argument)
            {
                throw argument;
            }
            finally
            {
                ExitWrite();
            }
        }
    }

    /// <summary>The schema version the database is at (0 when nothing ran yet).</summary>
    internal async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (!await HistoryExistsAsync(connection, null, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            return await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies the migrations above the database's version up to <paramref name="target"/> (all when null), each recorded in
    /// the history table, all in one transaction under a lock, so that several nodes starting at once migrate once.
    /// </summary>
    /// <returns>The versions applied.</returns>
    internal Task<IReadOnlyList<int>> MigrateAsync(int? target, CancellationToken cancellationToken) =>
        TransactionNowAsync<IReadOnlyList<int>>(async (connection, transaction) =>
        {
            await LockAsync(connection, transaction, "aria-billing-migrations", cancellationToken).ConfigureAwait(false);
            if (!await HistoryExistsAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            {
                await using var create = connection.Command(
                    $"CREATE TABLE {HistoryTable} (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)", transaction);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            var applied = new List<int>();
            foreach (var migration in Migrations.Where(m => m.Version > current && (target is null || m.Version <= target)))
            {
                await using (var step = connection.Command(migration.Sql, transaction))
                {
                    await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using var record = connection.Command($"INSERT INTO {HistoryTable} (version, description, applied_at) VALUES (@v, @d, @at)", transaction)
                    .With("v", migration.Version).With("d", migration.Description).With("at", clock.GetCurrentInstant().ToUnixTimeTicks());
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                applied.Add(migration.Version);
            }

            return applied;
        }, cancellationToken);

    private Task ReadyAsync(CancellationToken cancellationToken) =>
        !migrateOnFirstUse || _ready is { IsCompletedSuccessfully: true } ? Task.CompletedTask : EnsureMigratedAsync(cancellationToken);

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT COALESCE(MAX(version), 0) FROM {HistoryTable}", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the migration history table exists.</summary>
    private protected abstract Task<bool> HistoryExistsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);
}
