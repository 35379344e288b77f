using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Aria.Billing.Storage.Sqlite;

/// <summary>
/// SQLite as the stores see it: WAL journal (readers never wait for the writer), a busy timeout for other processes,
/// and writers serialised in-process and by <c>BEGIN IMMEDIATE</c>, so a write never fails half-way on a lock upgrade.
/// </summary>
internal sealed class SqliteDatabase(string connectionString, TimeSpan busyTimeout, NodaTime.IClock clock, bool migrateOnFirstUse)
    : SqlDatabase(clock, migrateOnFirstUse)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ClientNumber, SyncDomain), SemaphoreSlim> _ingestGates = new();
    private long _reservedIds;
    private readonly string _pragmas = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
    private int _walSet;

    /// <summary>The schema with SQLite's types (text keys compare with the default BINARY collation, which is ordinal).</summary>
    internal static readonly IReadOnlyList<SqlMigration> Schema =
        SqlSchema.For(new SqlTypes("INTEGER PRIMARY KEY", "INTEGER", "INTEGER", "TEXT", "TEXT", "BLOB", "TEXT"), SyncCounterSchema.Sqlite);

    internal override IReadOnlyList<SqlMigration> Migrations => Schema;

    internal override string SkipLocked => "";

    internal override string ForUpdate => "";

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED: another process held the file past the busy timeout.</summary>
    internal override bool IsTransient(DbException error) => error is SqliteException { SqliteErrorCode: 5 or 6 };

    internal override string ListOf(string parameter) => $"SELECT value FROM json_each({parameter})";

    internal override string AppendToJsonArray(string column, string value, bool valueIsJson = false) =>
        $"json_insert({column}, '$[#]', {(valueIsJson ? $"json({value})" : value)})";

    internal override void AddList<T>(DbCommand command, string name, IReadOnlyCollection<T> values) =>
        command.With(name, values switch
        {
            IReadOnlyCollection<string> strings => StorageJson.Strings(strings),
            IReadOnlyCollection<long> longs => StorageJson.Longs(longs),
            _ => throw new NotSupportedException($"A list of {typeof(T).Name} is not bound by this store."),
        });

    internal override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // busy_timeout and synchronous belong to the connection; WAL to the file, so it is set once per instance.
            var walFirst = Volatile.Read(ref _walSet) == 0;
            await using var pragmas = connection.Command(walFirst ? _pragmas + " PRAGMA journal_mode = WAL;" : _pragmas);
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (walFirst)
            {
                Volatile.Write(ref _walSet, 1);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    internal override async ValueTask EnterWriteAsync(CancellationToken cancellationToken) => await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);

    internal override void ExitWrite() => _writer.Release();

    internal override Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask; // BEGIN IMMEDIATE already holds the database's one write lock

    /// <summary>One gate per client and domain in this process, taken in key order, released in reverse.</summary>
    internal override async ValueTask<IDisposable> EnterIngestGatesAsync(IReadOnlyCollection<(ClientNumber Client, SyncDomain Domain)> gates, CancellationToken cancellationToken)
    {
        var held = new List<SemaphoreSlim>(gates.Count);
        try
        {
            foreach (var gate in gates.Distinct().OrderBy(g => g.Client.Value).ThenBy(g => g.Domain))
            {
                var semaphore = _ingestGates.GetOrAdd(gate, _ => new SemaphoreSlim(1, 1));
                await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
                held.Add(semaphore);
            }

            return new HeldGates(held);
        }
        catch
        {
            new HeldGates(held).Dispose();
            throw;
        }
    }

    internal override long? ReservedSyncRecordIds => Volatile.Read(ref _reservedIds);

    /// <summary>An explicit id above both the highest stored and the highest handed out ahead (SQLite would reuse those).</summary>
    internal override (string Column, string Value) NewSyncRecordId => ("id, ", "max((SELECT COALESCE(MAX(id), 0) FROM sync_record), @reserved_ids) + 1, ");

    /// <summary>Handed out in a turn of the writer: above the highest stored and the highest handed out before.</summary>
    internal override Task<long[]> NextSyncRecordIdsAsync(DbConnection? connection, DbTransaction? transaction, int count, CancellationToken cancellationToken) =>
        WriteAsync(async c =>
        {
            await using var command = c.Command("SELECT COALESCE(MAX(id), 0) FROM sync_record");
            var highest = Math.Max(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture), _reservedIds);
            Volatile.Write(ref _reservedIds, highest + count);
            return Enumerable.Range(1, count).Select(i => highest + i).ToArray();
        }, cancellationToken);

    private sealed class HeldGates(List<SemaphoreSlim> held) : IDisposable
    {
        public void Dispose()
        {
            for (var i = held.Count - 1; i >= 0; i--)
            {
                held[i].Release();
            }

            held.Clear();
        }
    }

    private protected override async Task<bool> HistoryExistsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name", transaction)
            .With("name", HistoryTable);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
