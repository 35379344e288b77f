using Aria.Billing.Jobs;

namespace Aria.Billing.Jobs.Tests.Schedules;

// spec: job-schedule-management.txt — daily, "end of week", "15th of every month", month-end, "2 days prior to month-end
// close", quarter-end, year-end, manual; execution time and exception windows.
public sealed class ScheduleCalendarTests
{
    private static readonly DateTimeZone Denver = DateTimeZoneProviders.Tzdb["America/Denver"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static IReadOnlyList<LocalDate> Dates(ScheduleFrequency frequency, LocalDate from, int count) =>
        new ScheduleCalendar(frequency, new LocalTime(4, 0), DateTimeZone.Utc)
            .Preview(from.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), count).Select(r => r.RunDate).ToArray();

    [Fact]
    public void EachFrequency_RunDates()
    {
        var from = D(2024, 1, 30);
        Assert.Equal([D(2024, 1, 30), D(2024, 1, 31), D(2024, 2, 1)], Dates(ScheduleFrequency.Daily, from, 3));
        Assert.Equal([D(2024, 2, 2), D(2024, 2, 9)], Dates(ScheduleFrequency.Weekly(IsoDayOfWeek.Friday), from, 2));
        Assert.Equal([D(2024, 2, 15), D(2024, 3, 15)], Dates(ScheduleFrequency.Monthly(15), from, 2));
        Assert.Equal([D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31)], Dates(ScheduleFrequency.Monthly(31), from, 3));
        Assert.Equal([D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31)], Dates(ScheduleFrequency.QuarterEnd, from, 4));
        Assert.Equal([D(2024, 12, 31), D(2025, 12, 31)], Dates(ScheduleFrequency.YearEnd, from, 2));
        Assert.Empty(Dates(ScheduleFrequency.ManualOnly, from, 3));
    }

    [Fact]
    public void MonthEndAndTwoDaysBefore_AcrossALeapYear()
    {
        var from = D(2023, 12, 1);
        Assert.Equal(
            [D(2023, 12, 31), D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)],
            Dates(ScheduleFrequency.MonthEnd, from, 5));
        Assert.Equal(
            [D(2023, 12, 29), D(2024, 1, 29), D(2024, 2, 27), D(2024, 3, 29), D(2024, 4, 28)],
            Dates(ScheduleFrequency.DaysBeforeMonthEnd(2), from, 5));
        Assert.Equal([D(2025, 2, 26), D(2025, 3, 29)], Dates(ScheduleFrequency.DaysBeforeMonthEnd(2), D(2025, 2, 1), 2));
        Assert.Equal([D(2025, 2, 28), D(2025, 3, 31)], Dates(ScheduleFrequency.MonthEnd, D(2025, 2, 1), 2));
    }

    [Fact]
    public void Dst_Denver_SkippedTimeRunsOnceShiftedByTheGap_RepeatedTimeRunsOnce()
    {
        var calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(2, 30), Denver);
        var spring = calendar.Preview(Instant.FromUtc(2025, 3, 8, 12, 0), 3);
        Assert.Equal(
            [Instant.FromUtc(2025, 3, 9, 9, 30), Instant.FromUtc(2025, 3, 10, 8, 30), Instant.FromUtc(2025, 3, 11, 8, 30)],
            spring.Select(r => r.StartsAt));
        Assert.Equal(RunShift.DaylightSavingGap, spring[0].ShiftedBy);
        Assert.Equal(new LocalTime(3, 30), spring[0].StartsAt.InZone(Denver).TimeOfDay);

        var fall = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(1, 30), Denver).Preview(Instant.FromUtc(2025, 11, 1, 12, 0), 3);
        Assert.Equal(
            [Instant.FromUtc(2025, 11, 2, 7, 30), Instant.FromUtc(2025, 11, 3, 8, 30), Instant.FromUtc(2025, 11, 4, 8, 30)],
            fall.Select(r => r.StartsAt)); // 01:30 MDT on Nov 2 (the first of the two 01:30s), then MST
    }

    [Fact]
    public void Dst_Berlin_SpringGapAndAutumnOverlap()
    {
        var spring = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(2, 15), Berlin).At(D(2025, 3, 30));
        Assert.Equal((Instant.FromUtc(2025, 3, 30, 1, 15), RunShift.DaylightSavingGap), (spring.StartsAt, spring.ShiftedBy));

        var autumn = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(2, 15), Berlin).At(D(2025, 10, 26));
        Assert.Equal((Instant.FromUtc(2025, 10, 26, 0, 15), RunShift.None), (autumn.StartsAt, autumn.ShiftedBy));
    }

    [Fact]
    public void ExceptionWindow_ARunDueInsideStartsWhenItEnds_AndNothingStartsInside()
    {
        var window = new ExceptionWindow(Instant.FromUtc(2025, 4, 27, 3, 0), Instant.FromUtc(2025, 4, 27, 6, 0));
        var calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(4, 0), DateTimeZone.Utc, [window]);

        var runs = calendar.Preview(Instant.FromUtc(2025, 4, 26, 12, 0), 2);

        Assert.Equal([Instant.FromUtc(2025, 4, 27, 6, 0), Instant.FromUtc(2025, 4, 28, 4, 0)], runs.Select(r => r.StartsAt));
        Assert.Equal(RunShift.ExceptionWindow, runs[0].ShiftedBy);
        Assert.All(runs, r => Assert.False(window.Contains(r.StartsAt)));
    }

    [Fact]
    public void Frequencies_RefuseOutOfRangeParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.Monthly(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.Monthly(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.DaysBeforeMonthEnd(28));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.Weekly(IsoDayOfWeek.None));
    }
}
