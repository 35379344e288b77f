using Aria.Billing.Benchmarks.Support;
using Aria.Billing.Sync;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;

namespace Aria.Billing.Benchmarks.Sync;

/// <summary>
/// Bulk reprocess throughput: "reprocess all" over 100,000 ERROR records with a no-op handler (each record is marked in
/// flight, handled, and written back with its attempt), against a loop that only flips each record's status in a list.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class SyncReprocessBenchmarks
{
    private const int Count = 100_000;
    private static readonly ClientNumber Client = new(1000);
    private InMemorySyncRecordStore _store = new();
    private InMemorySyncOperationStore _operations = new();
    private List<SyncRecord> _records = [];

    /// <summary>Fresh ERROR records for every iteration.</summary>
    [IterationSetup]
    public void Setup()
    {
        _store = new InMemorySyncRecordStore();
        _operations = new InMemorySyncOperationStore();
        _records = SyncRecords.Load(_store, Client, Count, errorEvery: 1);
    }

    /// <summary>The floor: set each record COMPLETE in a list.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int StatusFlipLoop()
    {
        for (var i = 0; i < _records.Count; i++)
        {
            _records[i] = _records[i] with { Status = SyncStatus.Complete };
        }

        return _records.Count;
    }

    /// <summary>The reprocessor, all records, batches of 500.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long ReprocessAll()
    {
        var reprocessor = new SyncReprocessor(_store, _operations, NoOpSyncHandler.Instance, new FixedClock(Instant.FromUtc(2025, 4, 27, 0, 0)));
        return reprocessor.ReprocessAsync(Client, SyncDomain.Account, SyncScope.All(), "bench").GetAwaiter().GetResult().Value.Succeeded;
    }
}
