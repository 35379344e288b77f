using BenchmarkDotNet.Attributes;
using Aria.Billing.Sync;

namespace Aria.Billing.Benchmarks.Storage;

/// <summary>
/// One page of 50 deep in a 1,000,000-record log (990,000 records in, newest first), keyset-paged by the store, beside
/// the naive <c>LIMIT 50 OFFSET 990000</c> that reads and drops every record before the page.
/// </summary>
[MemoryDiagnoser]
public class ActivityLogPagingBenchmarks
{
    private ISyncRecordStore _store = null!;
    private Func<Task<int>> _offsetPage = null!;
    private string _deepToken = null!;
    private string _deepNameToken = null!;

    /// <summary>The store under test.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Store { get; set; } = "Sqlite";

    /// <summary>Loads (or reuses) the log and walks once to the deep page to get its continuation tokens.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = Store == "Sqlite" ? BenchDatabases.LoadedSqlite().SyncRecords : BenchDatabases.LoadedPostgres().SyncRecords;
        _offsetPage = BenchDatabases.OffsetPage(Store, 990_000, 50);
        _deepToken = TokenAt(SyncSortField.Id);
        _deepNameToken = TokenAt(SyncSortField.ObjectName);
    }

    /// <summary>The naive page: OFFSET 990,000.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> OffsetPage() => _offsetPage();

    /// <summary>The store's page after a token 990,000 records in (newest first).</summary>
    [Benchmark]
    public async Task<int> KeysetPage() => (await _store.SearchAsync(Search(SyncSortField.Id, _deepToken))).Items.Count;

    /// <summary>The same depth, sorted by object name.</summary>
    [Benchmark]
    public async Task<int> KeysetPageByName() => (await _store.SearchAsync(Search(SyncSortField.ObjectName, _deepNameToken))).Items.Count;

    /// <summary>The first page, which also counts the total.</summary>
    [Benchmark]
    public async Task<long?> FirstPageWithTotal() => (await _store.SearchAsync(new SyncSearch { Client = BenchDatabases.Client, Domain = SyncDomain.Account })).TotalCount;

    private static SyncSearch Search(SyncSortField sort, string? token, int size = 50) => new()
    {
        Client = BenchDatabases.Client, Domain = SyncDomain.Account, SortBy = sort,
        Page = token is null ? PageRequest.First(size).Value : PageRequest.After(token, size).Value,
    };

    private string TokenAt(SyncSortField sort)
    {
        string? token = null;
        for (var seen = 0; seen < 990_000; seen += 1000)
        {
            token = _store.SearchAsync(Search(sort, token, 1000)).GetAwaiter().GetResult().ContinuationToken!;
        }

        return token!;
    }
}
