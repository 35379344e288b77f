using Aria.Billing.Jobs;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Quartz;

namespace Aria.Billing.Benchmarks.Jobs;

/// <summary>
/// The next run of "2 days before month-end at 04:30, America/Denver" (cron <c>0 30 4 L-2 * ?</c>) and of a daily 04:30
/// schedule: the library's calendar beside Quartz.NET's <see cref="CronExpression"/> (the peer of issue 7), same instants.
/// </summary>
[MemoryDiagnoser]
public class NextOccurrenceBenchmarks
{
    private static readonly TimeZoneInfo DenverInfo = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");
    private readonly CronExpression _quartzMonthEnd = new("0 30 4 L-2 * ?", DenverInfo);
    private readonly CronExpression _quartzDaily = new("0 30 4 * * ?", DenverInfo);
    private readonly ScheduleCalendar _monthEnd = new(ScheduleFrequency.DaysBeforeMonthEnd(2), new LocalTime(4, 30), DateTimeZoneProviders.Tzdb["America/Denver"]);
    private readonly ScheduleCalendar _daily = new(ScheduleFrequency.Daily, new LocalTime(4, 30), DateTimeZoneProviders.Tzdb["America/Denver"]);
    private readonly Instant _after = Instant.FromUtc(2025, 2, 3, 17, 0);
    private readonly DateTimeOffset _afterOffset = new(2025, 2, 3, 17, 0, 0, TimeSpan.Zero);

    /// <summary>Quartz, month-end minus 2.</summary>
    [Benchmark(Baseline = true)]
    public DateTimeOffset? QuartzMonthEndMinus2() => _quartzMonthEnd.GetNextValidTimeAfter(_afterOffset);

    /// <summary>The library, month-end minus 2.</summary>
    [Benchmark]
    public Instant? CalendarMonthEndMinus2() => _monthEnd.Next(_after)?.StartsAt;

    /// <summary>Quartz, daily.</summary>
    [Benchmark]
    public DateTimeOffset? QuartzDaily() => _quartzDaily.GetNextValidTimeAfter(_afterOffset);

    /// <summary>The library, daily.</summary>
    [Benchmark]
    public Instant? CalendarDaily() => _daily.Next(_after)?.StartsAt;
}
