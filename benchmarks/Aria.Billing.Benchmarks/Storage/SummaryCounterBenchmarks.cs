using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Aria.Billing.Sync;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// Issue 19, item 1: levels 1 and 2 of the reprocess summary, read from the counters of schema step 9, over a log of
/// 1,000,000 and 10,000,000 records (20% ERROR) on SQLite and PostgreSQL, beside the COUNT of the ERROR records over their
/// partial index in the same run (the floor of any summary computed from the records). Target: at least 100x faster than
/// the COUNT at 10M, and flat from 1M to 10M. The log is bulk-loaded once (COPY / one prepared transaction) in GlobalSetup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SummaryCounterBenchmarks
{
    private ISyncRecordStore _store = null!;
    private Func<Task<long>> _countErrors = null!;

    /// <summary>The store under test.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>Records in the log.</summary>
    [Params(1_000_000, 10_000_000)]
    public int Records { get; set; } = 1_000_000;

    /// <summary>Loads (or reuses) the log.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = Store == "Sqlite" ? BenchDatabases.LoadedSqlite(Records).SyncRecords : BenchDatabases.LoadedPostgres(Records).SyncRecords;
        _countErrors = BenchDatabases.CountErrors(Store, Records);
    }

    /// <summary>The floor: <c>SELECT COUNT(*) … WHERE status = ERROR</c> over the partial index.</summary>
    [Benchmark(Baseline = true)]
    public Task<long> CountErrorsFloor() => _countErrors();

    /// <summary>Level 1: (object, action) rows, from the counters.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SyncSummaryRow>> Summary() => _store.SummarizeAsync(BenchDatabases.Client, SyncDomain.Account);

    /// <summary>Level 2: (code, message) rows of one summary row, from the counters.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SyncErrorSummaryRow>> ErrorSummary() =>
        _store.SummarizeErrorsAsync(BenchDatabases.Client, SyncDomain.Account, "Contact", "Create");
}
