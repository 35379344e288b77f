using Aria.Billing.Benchmarks.Support;
using Aria.Billing.Sync;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Npgsql;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// Issue 19, item 3: "reprocess all" of 100,000 ERROR records on PostgreSQL with a no-op handler, through
/// <see cref="SyncReprocessor"/> (batches of <see cref="SyncOptions.BatchSize"/>, 500: listed, marked in flight, handled,
/// outcomes written), beside the floor: one UPDATE setting the same rows COMPLETE in batches of the same size, by id. Per
/// record; records/s = 1 s / Mean. Target: at most 3x the floor (Ratio ≤ 3). Each iteration starts from the same 100,000
/// ERROR records (reset, vacuumed, analysed).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ReprocessThroughputBenchmarks
{
    private const int Count = 100_000;
    private const int BatchSize = 500;
    private static readonly ClientNumber Client = new(1000);
    private ISyncRecordStore _store = null!;
    private ISyncOperationStore _operations = null!;
    private string _schema = "";

    /// <summary>A fresh schema with the records (bulk-added through the store, as ERROR).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _schema = BenchDatabases.PostgresSchema("bench_reprocess_100k", fresh: true);
        var storage = BenchDatabases.Postgres(_schema);
        (_store, _operations) = (storage.SyncRecords, storage.SyncOperations);
        var records = Aria.Billing.Benchmarks.Sync.SyncRecords.Build(Client, Count, errorEvery: 1);
        foreach (var chunk in records.Chunk(1_000))
        {
            _store.AddManyAsync(chunk).GetAwaiter().GetResult();
        }
    }

    /// <summary>Every record ERROR again, nothing in flight, no operation; the table vacuumed and analysed.</summary>
    [IterationSetup]
    public void Reset()
    {
        using var connection = new NpgsqlConnection(_schema);
        connection.Open();
        foreach (var statement in new[] { "UPDATE sync_record SET status = 2, in_flight = NULL, attempts = '[]' WHERE status <> 2 OR in_flight IS NOT NULL OR attempts <> '[]'", "DELETE FROM sync_operation", "VACUUM ANALYZE sync_record", "VACUUM ANALYZE sync_error_count" })
        {
            using var command = new NpgsqlCommand(statement, connection);
            command.CommandTimeout = 600;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The floor: the ERROR rows set COMPLETE by one UPDATE per batch of 500 ids, in id order.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public async Task<long> BatchedUpdateFloor()
    {
        await using var connection = new NpgsqlConnection(_schema);
        await connection.OpenAsync();
        long done = 0;
        for (long after = 0; ;)
        {
            await using var command = new NpgsqlCommand(
                "WITH batch AS (SELECT id FROM sync_record WHERE client = @client AND domain = 1 AND status = 2 AND id > @after ORDER BY id LIMIT @size) " +
                "UPDATE sync_record SET status = 1, version = version + 1 WHERE id IN (SELECT id FROM batch) RETURNING id", connection);
            command.Parameters.AddWithValue("client", Client.Value);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("size", BatchSize);
            var last = after;
            var n = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    last = Math.Max(last, reader.GetInt64(0));
                    n++;
                }
            }

            if (n == 0)
            {
                return done;
            }

            (after, done) = (last, done + n);
        }
    }

    /// <summary>
    /// The reprocessor with its defaults: groups of about <see cref="SyncOptions.OutcomeWriteInterval"/> (100 ms) of handling,
    /// at most <see cref="SyncOptions.OutcomeWriteBatch"/> (500) — with a no-op handler, each batch is one group.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Task<long> ReprocessAll() => ReprocessAsync(new SyncOptions { BatchSize = BatchSize });

    /// <summary>The reprocessor writing each outcome before the next handler runs (<see cref="SyncOptions.OutcomeWriteBatch"/> = 1).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Task<long> ReprocessAll_OneByOne() => ReprocessAsync(new SyncOptions { BatchSize = BatchSize, OutcomeWriteBatch = 1 });

    private async Task<long> ReprocessAsync(SyncOptions options)
    {
        var reprocessor = new SyncReprocessor(_store, _operations, NoOpSyncHandler.Instance, NodaTime.SystemClock.Instance, options); // the real clock: groups sized as in production
        return (await reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "bench")).Value.Succeeded;
    }
}
