using Aria.Billing;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Aria.Billing.Benchmarks.Periods;

/// <summary>
/// "Which period holds this date?" for bill day 31, monthly, 30 years from the anchor: the closed-form lookup against a
/// naive walk that steps period by period from the anchor (what a hand-rolled loop does).
/// </summary>
[MemoryDiagnoser]
public class PeriodContainingBenchmarks
{
    private readonly BillingCycle _cycle = BillingCycle.Anchored(new LocalDate(2000, 1, 31), BillingInterval.Monthly);
    private readonly LocalDate _date = new(2030, 2, 14);

    /// <summary>The naive walk.</summary>
    [Benchmark(Baseline = true)]
    public BillingPeriod NaiveWalk()
    {
        var start = new LocalDate(2000, 1, 31);
        var month = 0;
        while (true)
        {
            var nextMonth = new LocalDate(2000, 1, 1).PlusMonths(month + 1);
            var next = new LocalDate(nextMonth.Year, nextMonth.Month, Math.Min(31, CalendarSystem.Iso.GetDaysInMonth(nextMonth.Year, nextMonth.Month)));
            if (next > _date)
            {
                return new BillingPeriod(start, next);
            }

            start = next;
            month++;
        }
    }

    /// <summary>The library's closed-form lookup.</summary>
    [Benchmark]
    public BillingPeriod PeriodContaining() => _cycle.PeriodContaining(_date);
}
