using Aria.Billing.Benchmarks.Support;
using Aria.Billing.Storage.PostgreSql;
using Aria.Billing.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using Aria.Billing.Sync;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// The databases the storage benchmarks run on: a SQLite file under the temp folder and a schema on the PostgreSQL server
/// named by ARIA_BILLING_BENCH_POSTGRES (or ARIA_BILLING_TEST_POSTGRES; `source .ci/postgres.sh &amp;&amp; pg_start` starts one).
/// A log (1,000,000 records by default, 10,000,000 for the counter benchmarks) is bulk-loaded once, not through the store
/// (SQLite: one transaction of one prepared insert; PostgreSQL: binary COPY), and reused while its row count matches.
/// </summary>
internal static class BenchDatabases
{
    public const int LogSize = 1_000_000;
    public static readonly ClientNumber Client = new(1000);
    private static readonly IClock Clock = FixedClock.Default;
    private static readonly string[] Objects = ["Account", "Contact", "Master Plan Instance", "Plan Instance", "Supplemental Plan Instance", "Contract"];
    private static readonly string[] Actions = ["Create", "Update"];
    private static readonly string[] Codes =
    [
        "ACCOUNT_IS_NOT_FOUND", "SUBSCRIPTION_IS_NOT_FOUND", "PARENT_PRICE_UNIT_IS_NOT_FOUND", "USAGE_TYPE_NOT_FOUND",
        "BILLING_STATUS_CODE_IS_NOT_MAPPED", "PLAN_INSTANCE_PRICE_UNIT_IS_NOT_FOUND",
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<string>> LogSchemas = new();

    private static string LogSchema(int size) => LogSchemas.GetOrAdd(size, s => new Lazy<string>(() => PostgresSchema($"bench_log_{Name(s)}"))).Value;

    /// <summary>The name of a log of <paramref name="size"/> records: 1m, 10m, or the count.</summary>
    private static string Name(int size) => size % 1_000_000 == 0 ? $"{size / 1_000_000}m" : size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("ARIA_BILLING_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("ARIA_BILLING_TEST_POSTGRES") is { Length: > 0 } test ? test
        : throw new InvalidOperationException("Set ARIA_BILLING_BENCH_POSTGRES to a PostgreSQL connection string (source .ci/postgres.sh && pg_start).");

    public static string SqlitePath(string name) => Path.Combine(Path.GetTempPath(), "aria-billing-bench", name + ".db");

    /// <summary>A connection string for a PostgreSQL schema of that name (created when missing).</summary>
    public static string PostgresSchema(string name, bool fresh = false)
    {
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand((fresh ? $"DROP SCHEMA IF EXISTS {name} CASCADE; " : "") + $"CREATE SCHEMA IF NOT EXISTS {name}", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { SearchPath = name, MaxPoolSize = 20 }.ConnectionString;
    }

    public static SqliteStorage Sqlite(string path, bool fresh = false)
    {
        if (fresh)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }

        var storage = new SqliteStorage(new SqliteStorageOptions { Path = path }, Clock);
        storage.MigrateAsync().GetAwaiter().GetResult();
        return storage;
    }

    public static PostgreSqlStorage Postgres(string connectionString)
    {
        var storage = new PostgreSqlStorage(new PostgreSqlStorageOptions { ConnectionString = connectionString }, Clock);
        storage.MigrateAsync().GetAwaiter().GetResult();
        return storage;
    }

    /// <summary>The SQLite store holding the log of <paramref name="size"/> records.</summary>
    public static SqliteStorage LoadedSqlite(int size = LogSize)
    {
        var path = SqlitePath($"log-{Name(size)}");
        Sqlite(path);
        if (Count(() => new SqliteConnection($"Data Source={path}")) == size)
        {
            return Sqlite(path);
        }

        var storage = Sqlite(path, fresh: true);
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO sync_record ({Columns}) VALUES ({string.Join(", ", Columns.Split(", ").Select(c => "@" + c))})";
        var parameters = Columns.Split(", ").Select(c => insert.Parameters.Add(new SqliteParameter { ParameterName = "@" + c })).ToArray();
        insert.Prepare();
        foreach (var row in Rows(size))
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
        return storage;
    }

    /// <summary>The PostgreSQL store holding the log of <paramref name="size"/> records.</summary>
    public static PostgreSqlStorage LoadedPostgres(int size = LogSize)
    {
        var connectionString = LogSchema(size);
        var storage = Postgres(connectionString);
        if (Count(() => new NpgsqlConnection(connectionString)) == size)
        {
            return storage;
        }

        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var truncate = new NpgsqlCommand("TRUNCATE sync_record, sync_error_count, sync_batch_count", connection))
        {
            truncate.ExecuteNonQuery();
        }

        NpgsqlDbType[] types =
        [
            NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Integer,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint,
        ];
        using (var copy = connection.BeginBinaryImport($"COPY sync_record ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in Rows(size))
            {
                copy.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null)
                    {
                        copy.WriteNull();
                    }
                    else
                    {
                        copy.Write(row[i], types[i]);
                    }
                }
            }

            copy.Complete();
        }

        using var analyze = new NpgsqlCommand("VACUUM ANALYZE sync_record", connection);
        analyze.ExecuteNonQuery();
        return storage;
    }

    /// <summary>The floor of a summary: count the ERROR records, on a fresh pooled connection as the store does.</summary>
    public static Func<Task<long>> CountErrors(string store, int size = LogSize) => async () =>
    {
        await using var connection = Connect(store, size);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM sync_record WHERE client = {Client.Value} AND domain = 1 AND status = 2";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    };

    /// <summary>The naive page: newest first, skipping <paramref name="offset"/> records.</summary>
    public static Func<Task<int>> OffsetPage(string store, int offset, int size) => async () =>
    {
        await using var connection = Connect(store);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM sync_record WHERE client = {Client.Value} AND domain = 1 AND status <> 5 ORDER BY id DESC LIMIT {size} OFFSET {offset}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    };

    private static System.Data.Common.DbConnection Connect(string store, int size = LogSize) => store == "Sqlite"
        ? new SqliteConnection($"Data Source={SqlitePath($"log-{Name(size)}")}")
        : new NpgsqlConnection(LogSchema(size));

    private const string Columns =
        "client, domain, event_id, account_no, aria_sync_id, event_time, object_type, object_name, object_name_key, action, action_name, action_name_key, " +
        "status, error_code, error_message, payload, attempts, version";

    /// <summary>
    /// The log: 20% ERROR spread over 6 objects x 2 actions x 6 codes, 50,000 accounts; other columns as the store writes
    /// them.
    /// </summary>
    private static IEnumerable<object?[]> Rows(int size)
    {
        var at = Instant.FromUtc(2025, 4, 1, 0, 0).ToUnixTimeTicks();
        for (var i = 0; i < size; i++)
        {
            var error = i % 5 == 0;
            var code = Codes[i % Codes.Length];
            var objectName = Objects[i % Objects.Length];
            var actionName = Actions[(i / 7) % 2];
            yield return
            [
                Client.Value, (int)SyncDomain.Account, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1L + (i % 50_000), null, at + i, 0,
                objectName, objectName.ToUpperInvariant(), null, actionName, actionName.ToUpperInvariant(),
                (int)(error ? SyncStatus.Error : SyncStatus.Complete), error ? code : null, error ? code : null, "{}", "[]", 1L,
            ];
        }
    }

    private static long Count(Func<System.Data.Common.DbConnection> connect)
    {
        using var connection = connect();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sync_record";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
