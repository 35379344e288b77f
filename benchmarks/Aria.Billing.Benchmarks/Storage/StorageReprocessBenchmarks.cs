using Aria.Billing.Benchmarks.Support;
using Aria.Billing.Sync;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// Bulk reprocess on SQLite and PostgreSQL: "reprocess all" over 5,000 ERROR records with a no-op handler, through the
/// reprocessor (each batch of 500 marked in flight by one set-based UPDATE, then one compare-and-swap write per record with
/// its outcome), beside the per-record way (mark each record with its own compare-and-swap, then write its outcome: two
/// writes per record). Per record; throughput = 1 s / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class StorageReprocessBenchmarks
{
    private const int Count = 5_000;
    private static readonly ClientNumber Client = new(1000);
    private ISyncRecordStore _store = null!;
    private ISyncOperationStore _operations = null!;
    private Func<System.Data.Common.DbConnection> _connect = null!;

    /// <summary>The store under test.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>A fresh database with the records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Store == "Sqlite")
        {
            var path = BenchDatabases.SqlitePath("reprocess");
            var storage = BenchDatabases.Sqlite(path, fresh: true);
            (_store, _operations) = (storage.SyncRecords, storage.SyncOperations);
            _connect = () => new SqliteConnection($"Data Source={path}");
        }
        else
        {
            var schema = BenchDatabases.PostgresSchema("bench_reprocess", fresh: true);
            var storage = BenchDatabases.Postgres(schema);
            (_store, _operations) = (storage.SyncRecords, storage.SyncOperations);
            _connect = () => new NpgsqlConnection(schema);
        }

        Aria.Billing.Benchmarks.Sync.SyncRecords.Load(_store, Client, Count, errorEvery: 1);
    }

    /// <summary>
    /// Every record ERROR again, nothing in flight, no operation, the table vacuumed and analysed: each iteration starts from
    /// the same log, not from the dead rows of the one before.
    /// </summary>
    [IterationSetup]
    public void Reset()
    {
        using var connection = _connect();
        connection.Open();
        foreach (var statement in new[] { "UPDATE sync_record SET status = 2, in_flight = NULL, attempts = '[]'", "DELETE FROM sync_operation", "VACUUM", "ANALYZE" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The per-record way: a compare-and-swap to mark each record, the handler, a compare-and-swap with the outcome.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public async Task<int> PerRecordMarking()
    {
                var operation = Guid.NewGuid();
        var done = 0;
        for (long after = 0; ;)
        {
            var batch = await _store.ListErrorsAsync(Client, SyncDomain.Account, SyncScope.All(), after, 500);
            if (batch.Count == 0)
            {
                return done;
            }

            after = batch[^1].Id;
            foreach (var record in batch)
            {
                var marked = (await _store.UpdateAsync(record with { InFlightOperation = operation }, record.Version))!;
                await NoOpSyncHandler.Instance.HandleAsync(marked);
                await _store.UpdateAsync(marked with { Status = SyncStatus.Complete, InFlightOperation = null, Attempts = [.. marked.Attempts, new SyncAttempt(FixedClock.Default.GetCurrentInstant(), "reprocess", SyncStatus.Complete, null, null, "bench")] }, marked.Version);
                done++;
            }
        }
    }

    /// <summary>The reprocessor: a set-based mark per batch of 500, then one write per record.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<long> ReprocessAll()
    {
        var reprocessor = new SyncReprocessor(_store, _operations, NoOpSyncHandler.Instance, FixedClock.Default);
        return (await reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "bench")).Value.Succeeded;
    }
}
