using Aria.Billing.Plans;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Aria.Billing.Benchmarks.Plans;

/// <summary>
/// One proration quote (the spec's example: bill day 15, monthly, $30 → $60 on Apr 27) beside the floor of the
/// irreducible arithmetic: one decimal multiply, divide and round. Target (issue 3): at most 2x the floor, 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class ProrationQuoteBenchmarks
{
    private readonly ProrationCalculator _calculator = new(new PlansOptions());
    private ProrationRequest _request;
    private decimal _amount;
    private int _days;
    private int _periodDays;

    /// <summary>Builds the inputs once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _request = new ProrationRequest
        {
            Cycle = BillingCycle.Monthly(15),
            OldRatePerUnit = Money.Of(30m, Currency.USD),
            OldUnits = 1,
            NewRatePerUnit = Money.Of(60m, Currency.USD),
            NewUnits = 1,
            EffectiveDate = new LocalDate(2025, 4, 27),
            Policy = ProrationPolicy.Full,
        };
        _amount = 30m;
        _days = 18;
        _periodDays = 30;
    }

    /// <summary>The floor: amount × days ÷ period days, rounded to cents.</summary>
    [Benchmark(Baseline = true)]
    public decimal Floor() => decimal.Round(_amount * _days / _periodDays, 2, MidpointRounding.AwayFromZero);

    /// <summary>The irreducible arithmetic of a whole quote: the floor for the credit and again for the charge.</summary>
    [Benchmark]
    public decimal FloorBothSides() =>
        decimal.Round(_amount * 2 * _days / _periodDays, 2, MidpointRounding.AwayFromZero)
        - decimal.Round(_amount * _days / _periodDays, 2, MidpointRounding.AwayFromZero);

    /// <summary>The real quote: period lookup, bounds, credit and charge each rounded once.</summary>
    [Benchmark]
    public Money Quote()
    {
        var quote = _calculator.Quote(in _request);
        return quote.Value.Net;
    }
}
