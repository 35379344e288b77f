using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Aria.Billing.Storage.PostgreSql;

/// <summary>
/// PostgreSQL as the stores see it: pooled connections from one data source, READ COMMITTED write transactions, claims
/// that skip rows other nodes hold (<c>FOR UPDATE SKIP LOCKED</c>), and transaction-scoped advisory locks.
/// </summary>
internal sealed class PostgreSqlDatabase(NpgsqlDataSource dataSource, NodaTime.IClock clock, bool migrateOnFirstUse)
    : SqlDatabase(clock, migrateOnFirstUse)
{
    internal NpgsqlDataSource DataSource => dataSource;

    internal override IReadOnlyList<SqlMigration> Migrations => PostgreSqlMigrations.All;

    internal override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    internal override string ListOf(string parameter) => $"SELECT unnest({parameter}) AS value";

    internal override string AppendToJsonArray(string column, string value, bool valueIsJson = false) =>
        valueIsJson ? $"({column}::jsonb || jsonb_build_array({value}::jsonb))::text" : $"({column}::jsonb || to_jsonb({value}::text))::text";

    internal override void AddList<T>(DbCommand command, string name, IReadOnlyCollection<T> values) =>
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter(name, values switch
        {
            IReadOnlyCollection<string> => NpgsqlDbType.Array | NpgsqlDbType.Text,
            IReadOnlyCollection<long> => NpgsqlDbType.Array | NpgsqlDbType.Bigint,
            _ => throw new NotSupportedException($"A list of {typeof(T).Name} is not bound by this store."),
        }) { Value = values.ToArray() });

    internal override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    internal override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    internal override async Task LockAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT pg_advisory_xact_lock(@key)", transaction).With("key", LockKey(name));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL text cannot hold U+0000; a search for such text matches nothing.</summary>
    internal override bool CanHold(string text) => !text.Contains('\0', StringComparison.Ordinal);

    /// <summary>SQLSTATE 22021 (a NUL in text): the value, not the database, is at fault.</summary>
    internal override ArgumentException? AsArgumentError(DbException error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire }
            ? new ArgumentException("PostgreSQL text cannot hold the character U+0000 (NUL); remove it from the value before storing it.", error)
            : null;

    private protected override async Task<bool> HistoryExistsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT to_regclass(@name) IS NOT NULL", transaction).With("name", HistoryTable);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

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
}
