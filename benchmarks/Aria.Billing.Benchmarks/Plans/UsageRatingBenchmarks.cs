using Aria.Billing.Plans;
using Aria.Billing.Plans.Rating;
using BenchmarkDotNet.Attributes;

namespace Aria.Billing.Benchmarks.Plans;

/// <summary>
/// Rates 1,000,000 usage records (fractional units, 1,000 records per plan instance and period) against a 5-tier graduated
/// schedule, beside the floor: a loop that only multiplies each record's units by one rate and sums. Target (issue 5): at
/// most 2x the floor and 0 bytes per record.
/// </summary>
[MemoryDiagnoser]
public class UsageRatingBenchmarks
{
    private const int RecordCount = 1_000_000;
    private const int RecordsPerPeriod = 1_000;
    private UsageRecord[] _records = [];
    private RateSchedule _schedule = null!;

    /// <summary>Builds the records and the schedule once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _records = new UsageRecord[RecordCount];
        for (var i = 0; i < RecordCount; i++)
        {
            _records[i] = new UsageRecord(random.Next(1, 2_000) / 100m);
        }

        _schedule = RateSchedule.Create(
            Currency.USD,
            PricingModel.Tiered,
            [new RateTier(1, 1, 100, 0.10m), new RateTier(2, 101, 500, 0.08m), new RateTier(3, 501, 1000, 0.06m), new RateTier(4, 1001, 5000, 0.04m), new RateTier(5, 5001, null, 0.02m)]).Value;
    }

    /// <summary>The floor: units × one rate, summed.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RecordCount)]
    public decimal Floor()
    {
        var total = 0m;
        var rate = 0.08m;
        var records = _records;
        for (var i = 0; i < records.Length; i++)
        {
            total += records[i].Units * rate;
        }

        return total;
    }

    /// <summary>The rater: each record priced against the period's accumulated units, tiers included.</summary>
    [Benchmark(OperationsPerInvoke = RecordCount)]
    public decimal Rate()
    {
        var total = 0m;
        var records = _records;
        for (var start = 0; start < records.Length; start += RecordsPerPeriod)
        {
            var period = new UsageAccumulator(_schedule);
            var end = Math.Min(start + RecordsPerPeriod, records.Length);
            for (var i = start; i < end; i++)
            {
                total += period.Add(in records[i]).Value;
            }
        }

        return total;
    }
}
