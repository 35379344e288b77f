using Aria.Billing.Jobs;
using Quartz;

namespace Aria.Billing.Jobs.Tests.Schedules;

/// <summary>
/// Calendar oracle: for random schedules, the next occurrences equal those of Quartz.NET's <see cref="CronExpression"/> for
/// the equivalent cron (day of month, <c>L</c>, <c>L-n</c>, day of week, quarter and year ends) in the same time zone.
/// Execution hours avoid 02:00–03:59, where the two libraries treat daylight-saving gaps differently (ours is documented).
/// </summary>
public sealed class ScheduleCalendarQuartzOracleTests
{
    private static readonly string[] Zones = ["UTC", "America/Denver", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney"];
    private static readonly string[] Days = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    internal static (ScheduleFrequency Frequency, string Cron) Equivalent(int kind, int parameter, int hour, int minute)
    {
        var time = $"0 {minute} {hour}";
        return kind switch
        {
            0 => (ScheduleFrequency.Daily, $"{time} * * ?"),
            1 => (ScheduleFrequency.Weekly((IsoDayOfWeek)(1 + (parameter % 7))), $"{time} ? * {Days[parameter % 7]}"),
            2 => (ScheduleFrequency.Monthly(1 + (parameter % 28)), $"{time} {1 + (parameter % 28)} * ?"),
            3 => (ScheduleFrequency.MonthEnd, $"{time} L * ?"),
            4 => (ScheduleFrequency.DaysBeforeMonthEnd(1 + (parameter % 10)), $"{time} L-{1 + (parameter % 10)} * ?"),
            5 => (ScheduleFrequency.QuarterEnd, $"{time} L 3,6,9,12 ?"),
            _ => (ScheduleFrequency.YearEnd, $"{time} 31 12 ?"),
        };
    }

    [Fact]
    public void Property_NextOccurrencesEqualQuartzCron()
    {
        var gen =
            from kind in Gen.Choose(0, 6)
            from parameter in Gen.Choose(0, 100)
            from hour in Gen.Elements(0, 1, 4, 5, 9, 12, 17, 23)
            from minute in Gen.Choose(0, 59)
            from zone in Gen.Elements(Zones)
            from seconds in Gen.Choose(0, 60 * 60 * 24 * 365 * 10)
            select (kind, parameter, hour, minute, zone, start: Instant.FromUtc(2020, 1, 1, 0, 0).Plus(Duration.FromSeconds(seconds)));
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (frequency, cron) = Equivalent(t.kind, t.parameter, t.hour, t.minute);
            var ours = new ScheduleCalendar(frequency, new LocalTime(t.hour, t.minute), DateTimeZoneProviders.Tzdb[t.zone])
                .Preview(t.start, 5).Select(r => r.StartsAt.ToDateTimeOffset()).ToArray();
            var quartz = new CronExpression(cron, TimeZoneInfo.FindSystemTimeZoneById(t.zone));
            var theirs = new List<DateTimeOffset>();
            for (var at = t.start.ToDateTimeOffset(); theirs.Count < 5 && quartz.GetNextValidTimeAfter(at) is { } next; at = next)
            {
                theirs.Add(next);
            }

            return ours.SequenceEqual(theirs);
        }).QuickCheckThrowOnFailure();
    }
}
