using Aria.Billing.Sync;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Aria.Billing.Benchmarks.Sync;

/// <summary>
/// The reprocess summary (object name × action name, ERROR records only) over 1,000,000 account sync records, 20% in ERROR
/// across 12 object/action pairs and 6 error codes: the in-memory store's running counts against a LINQ GroupBy over the
/// same records (the baseline of issue 6).
/// </summary>
[MemoryDiagnoser]
public class SyncSummaryBenchmarks
{
    private static readonly ClientNumber Client = new(1000);
    private readonly InMemorySyncRecordStore _store = new();
    private List<SyncRecord> _records = [];

    /// <summary>Loads the records once.</summary>
    [GlobalSetup]
    public void Setup() => _records = SyncRecords.Load(_store, Client, 1_000_000, errorEvery: 5);

    /// <summary>The baseline: group the ERROR records with LINQ.</summary>
    [Benchmark(Baseline = true)]
    public int LinqGroupBy() => _records
        .Where(r => r.Client == Client && r.Domain == SyncDomain.Account && r.Status == SyncStatus.Error)
        .GroupBy(r => (r.ObjectName, r.ActionName))
        .Select(g => new SyncSummaryRow(g.Key.ObjectName, g.Key.ActionName, g.LongCount()))
        .Count();

    /// <summary>The store's summary level.</summary>
    [Benchmark]
    public int StoreSummary() => _store.SummarizeAsync(Client, SyncDomain.Account).GetAwaiter().GetResult().Count;

    /// <summary>The store's error-summary level of one row.</summary>
    [Benchmark]
    public int StoreErrorSummary() => _store.SummarizeErrorsAsync(Client, SyncDomain.Account, "Plan Instance", "Create").GetAwaiter().GetResult().Count;
}

/// <summary>Builds realistic account sync records.</summary>
internal static class SyncRecords
{
    private static readonly string[] Objects = ["Account", "Contact", "Master Plan Instance", "Plan Instance", "Supplemental Plan Instance", "Contract"];
    private static readonly string[] Actions = ["Create", "Update"];
    private static readonly string[] Codes =
    [
        "ACCOUNT_IS_NOT_FOUND", "SUBSCRIPTION_IS_NOT_FOUND", "PARENT_PRICE_UNIT_IS_NOT_FOUND", "USAGE_TYPE_NOT_FOUND",
        "BILLING_STATUS_CODE_IS_NOT_MAPPED", "PLAN_INSTANCE_PRICE_UNIT_IS_NOT_FOUND",
    ];

    public static List<SyncRecord> Load(ISyncRecordStore store, ClientNumber client, int count, int errorEvery) =>
        [.. Build(client, count, errorEvery).Select(record => store.AddAsync(record).GetAwaiter().GetResult().Record)];

    public static List<SyncRecord> Build(ClientNumber client, int count, int errorEvery)
    {
        var records = new List<SyncRecord>(count);
        var at = Instant.FromUtc(2025, 4, 1, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var error = i % errorEvery == 0;
            var code = Codes[i % Codes.Length];
            var record = new SyncRecord
            {
                Client = client, Domain = SyncDomain.Account, EventId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), EventTime = at,
                ObjectName = Objects[i % Objects.Length], ActionName = Actions[(i / 7) % 2], AccountNumber = new AccountNumber(1 + (i % 50_000)),
                Status = error ? SyncStatus.Error : SyncStatus.Complete, ErrorCode = error ? code : null, ErrorMessage = error ? code : null,
            };
            records.Add(record);
        }

        return records;
    }
}
