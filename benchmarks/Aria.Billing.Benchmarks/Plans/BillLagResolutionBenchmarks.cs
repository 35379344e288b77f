using Aria.Billing.Plans;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Aria.Billing.Benchmarks.Plans;

/// <summary>
/// One bill-lag resolution (instance unset, collection group −14) and its invoice date, beside two floors: the decimal
/// floor of issue 3 (one multiply, divide and round) and a hand-written null-coalescing chain plus one date addition.
/// </summary>
[MemoryDiagnoser]
public class BillLagResolutionBenchmarks
{
    private readonly BillLagCalculator _calculator = new(new PlansOptions { ClientBillLagDays = 3 });
    private readonly LocalDate _billDate = new(2025, 5, 15);
    private BillLagSettings _settings;
    private decimal _amount = 30m;
    private int _days = 18;
    private int _periodDays = 30;

    /// <summary>Builds the inputs once.</summary>
    [GlobalSetup]
    public void Setup() => _settings = new BillLagSettings(null, -14, 5);

    /// <summary>The decimal floor of issue 3.</summary>
    [Benchmark(Baseline = true)]
    public decimal DecimalFloor() => decimal.Round(_amount * _days / _periodDays, 2, MidpointRounding.AwayFromZero);

    /// <summary>The hand-written resolution: first non-null level, then bill date + lag.</summary>
    [Benchmark]
    public LocalDate NullCoalescingFloor() =>
        _billDate.PlusDays(_settings.MasterPlanInstance ?? _settings.CollectionGroup ?? _settings.PaymentTermsOrMethod ?? 3);

    /// <summary>The library: resolution with the winning level, then the invoice date.</summary>
    [Benchmark]
    public LocalDate Resolve() => _calculator.Resolve(in _settings).InvoiceDateFor(_billDate);
}
