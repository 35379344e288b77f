using BenchmarkDotNet.Attributes;
using Aria.Billing.Sync;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// The three summary levels over a 1,000,000-record log (20% ERROR) on SQLite and PostgreSQL, as GROUP BY queries served by
/// the partial index on ERROR records, beside the floor of any summary: counting the ERROR records at all.
/// </summary>
[MemoryDiagnoser]
public class StorageSummaryBenchmarks
{
    private ISyncRecordStore _store = null!;
    private Func<Task<long>> _countErrors = null!;

    /// <summary>The store under test.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>Loads (or reuses) the log.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = Store == "Sqlite" ? BenchDatabases.LoadedSqlite().SyncRecords : BenchDatabases.LoadedPostgres().SyncRecords;
        _countErrors = BenchDatabases.CountErrors(Store);
    }

    /// <summary>The floor: <c>SELECT COUNT(*) … WHERE status = ERROR</c>.</summary>
    [Benchmark(Baseline = true)]
    public Task<long> CountErrorsFloor() => _countErrors();

    /// <summary>Level 1: (object, action) rows.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SyncSummaryRow>> Summary() => _store.SummarizeAsync(BenchDatabases.Client, SyncDomain.Account);

    /// <summary>Level 2: (code, message) rows of one summary row.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SyncErrorSummaryRow>> ErrorSummary() =>
        _store.SummarizeErrorsAsync(BenchDatabases.Client, SyncDomain.Account, "Contact", "Create");

    /// <summary>Level 3: the first 100 records of one error-summary row.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SyncRecord>> Records() =>
        _store.ListErrorsAsync(BenchDatabases.Client, SyncDomain.Account,
            SyncScope.ErrorSummary("Contact", "Create", "SUBSCRIPTION_IS_NOT_FOUND", "SUBSCRIPTION_IS_NOT_FOUND"), 0, 100);

    /// <summary>Level 1 narrowed to one account.</summary>
    [Benchmark]
    public Task<IReadOnlyList<SyncSummaryRow>> SummaryForAccount() =>
        _store.SummarizeAsync(BenchDatabases.Client, SyncDomain.Account, new AccountNumber(4242));
}
