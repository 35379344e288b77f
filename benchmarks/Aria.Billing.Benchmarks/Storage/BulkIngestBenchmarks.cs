using System.Globalization;
using Aria.Billing.Benchmarks.Support;
using Aria.Billing.Sync;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// Issue 19, item 2: <see cref="SyncLog.IngestManyAsync"/> of batches of 1,000 new messages with a no-op handler (stored
/// PENDING all or nothing, handled, outcomes written: idempotent on the event id), beside the floor: a raw bulk insert of the
/// same rows as they end up stored (COMPLETE, with their attempt) into the same table, with no idempotency check (PostgreSQL:
/// binary COPY; SQLite: one transaction of one prepared INSERT). Per message; messages/s = 1 s / Mean. Target: at least
/// 50% of the floor's rate (Ratio ≤ 2).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 12)]
public class BulkIngestBenchmarks
{
    private const int Batch = SyncLog.MaxIngestBatchSize;
    private static readonly ClientNumber Client = new(1000);
    private SyncLog _log = null!;
    private Func<System.Data.Common.DbConnection> _connect = null!;
    private string _attempts = "[]";
    private int _next;

    /// <summary>The store under test.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>A fresh database; one batch ingested to learn the stored attempt text the floor writes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ISyncRecordStore store;
        if (Store == "Sqlite")
        {
            var path = BenchDatabases.SqlitePath("bulk-ingest");
            store = BenchDatabases.Sqlite(path, fresh: true).SyncRecords;
            _connect = () => new SqliteConnection($"Data Source={path}");
        }
        else
        {
            var schema = BenchDatabases.PostgresSchema("bench_bulk_ingest", fresh: true);
            store = BenchDatabases.Postgres(schema).SyncRecords;
            _connect = () => new NpgsqlConnection(schema);
        }

        _log = new SyncLog(store, NoOpSyncHandler.Instance, FixedClock.Default);
        var first = _log.IngestManyAsync(Messages("setup")).GetAwaiter().GetResult();
        _attempts = System.Text.Json.JsonSerializer.Serialize(first[0].Record.Attempts.Select(a => new
        {
            at = a.At.ToUnixTimeTicks(), kind = a.Kind, status = (int)a.Status, by = a.By,
        }));
    }

    /// <summary>The floor: the same rows, final, inserted raw.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public async Task<int> RawBulkInsertFloor()
    {
        var messages = Messages("f");
        await using var connection = _connect();
        await connection.OpenAsync();
        if (connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync($"COPY sync_record ({Columns}) FROM STDIN (FORMAT BINARY)");
            foreach (var m in messages)
            {
                await copy.StartRowAsync();
                foreach (var (value, type) in Row(m))
                {
                    if (value is null)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync(value, type);
                    }
                }
            }

            await copy.CompleteAsync();
            return messages.Count;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO sync_record ({Columns}) VALUES ({string.Join(", ", Columns.Split(", ").Select(c => "@" + c))})";
        var parameters = Columns.Split(", ").Select(c => new SqliteParameter { ParameterName = "@" + c }).ToArray();
        insert.Parameters.AddRange(parameters);
        insert.Prepare();
        foreach (var m in messages)
        {
            var i = 0;
            foreach (var (value, _) in Row(m))
            {
                parameters[i++].Value = value ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return messages.Count;
    }

    /// <summary>The bulk ingest of the same messages.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<int> IngestMany() => (await _log.IngestManyAsync(Messages("i"))).Count;

    private const string Columns =
        "client, domain, event_id, account_no, event_time, object_type, object_name, object_name_key, action_name, action_name_key, " +
        "status, payload, attempts, version";

    private IEnumerable<(object? Value, NpgsqlDbType Type)> Row(SyncRecord m) =>
    [
        (m.Client.Value, NpgsqlDbType.Bigint), ((int)m.Domain, NpgsqlDbType.Integer), (m.EventId, NpgsqlDbType.Text), (m.AccountNumber?.Value, NpgsqlDbType.Bigint),
        (m.EventTime.ToUnixTimeTicks(), NpgsqlDbType.Bigint), (m.ObjectType, NpgsqlDbType.Integer), (m.ObjectName, NpgsqlDbType.Text),
        (m.ObjectName.ToUpperInvariant(), NpgsqlDbType.Text), (m.ActionName, NpgsqlDbType.Text), (m.ActionName.ToUpperInvariant(), NpgsqlDbType.Text),
        ((int)SyncStatus.Complete, NpgsqlDbType.Integer), (m.Payload, NpgsqlDbType.Text), (_attempts, NpgsqlDbType.Text), (2L, NpgsqlDbType.Bigint),
    ];

    /// <summary>A batch of new messages (event ids never sent before).</summary>
    private List<SyncRecord> Messages(string prefix)
    {
        var batch = Interlocked.Increment(ref _next);
        var at = Instant.FromUtc(2025, 4, 1, 0, 0);
        return [.. Enumerable.Range(0, Batch).Select(i => new SyncRecord
        {
            Client = Client, Domain = SyncDomain.Account, EventId = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{batch}-{i}"), EventTime = at,
            ObjectName = i % 3 == 0 ? "Account" : "Contact", ActionName = "Create", AccountNumber = new AccountNumber(1 + (i % 5_000)),
            Payload = "{\"usage\":1}",
        })];
    }
}
