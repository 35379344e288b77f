using Aria.Billing.Jobs;
using NodaTime.TimeZones;

namespace Aria.Billing.Jobs.Tests.Schedules;

// spec: job-schedule-management.txt, Examples of Job Schedules — daily, "end of week", "15th of every month", month-end,
// "2 days prior to month-end close", quarter-end, year-end, manual; Job Schedule Configuration — execution time and
// exception windows.
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

    // spec: job-schedule-management.txt, Job Schedule Configuration (exception windows); DESIGN §4 Runtime and time.
    [Fact]
    public void Preview_WindowOverSeveralRuns_EachRunDateKeepsItsRun_AllStartAtTheWindowsEndInDateOrder()
    {
        var window = new ExceptionWindow(Instant.FromUtc(2025, 4, 27, 3, 0), Instant.FromUtc(2025, 4, 29, 5, 0));
        var calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(4, 0), DateTimeZone.Utc, [window]);

        var runs = calendar.Preview(Instant.FromUtc(2025, 4, 26, 0, 0), 5);

        var end = Instant.FromUtc(2025, 4, 29, 5, 0);
        Assert.Equal(
            [
                new ScheduledRun(D(2025, 4, 26), Instant.FromUtc(2025, 4, 26, 4, 0), RunShift.None),
                new ScheduledRun(D(2025, 4, 27), end, RunShift.ExceptionWindow),
                new ScheduledRun(D(2025, 4, 28), end, RunShift.ExceptionWindow),
                new ScheduledRun(D(2025, 4, 29), end, RunShift.ExceptionWindow),
                new ScheduledRun(D(2025, 4, 30), Instant.FromUtc(2025, 4, 30, 4, 0), RunShift.None),
            ],
            runs);
    }

    // spec: job-schedule-management.txt, Job Schedule Configuration (exception windows).
    [Fact]
    public void RunsBetween_WindowOverSeveralRuns_OneRunPerDateInDateOrder()
    {
        var window = new ExceptionWindow(Instant.FromUtc(2025, 4, 27, 3, 0), Instant.FromUtc(2025, 4, 29, 5, 0));
        var calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(4, 0), DateTimeZone.Utc, [window]);

        var runs = calendar.RunsBetween(D(2025, 4, 26), D(2025, 4, 30)).ToArray();

        Assert.Equal([D(2025, 4, 26), D(2025, 4, 27), D(2025, 4, 28), D(2025, 4, 29), D(2025, 4, 30)], runs.Select(r => r.RunDate));
        Assert.Equal(
            [RunShift.None, RunShift.ExceptionWindow, RunShift.ExceptionWindow, RunShift.ExceptionWindow, RunShift.None],
            runs.Select(r => r.ShiftedBy));
        Assert.Equal([D(2025, 5, 15)], new ScheduleCalendar(ScheduleFrequency.Monthly(15), new LocalTime(4, 0), DateTimeZone.Utc)
            .RunsBetween(D(2025, 4, 16), D(2025, 5, 15)).Select(r => r.RunDate));
        Assert.Empty(new ScheduleCalendar(ScheduleFrequency.ManualOnly, new LocalTime(4, 0), DateTimeZone.Utc).RunsBetween(D(2025, 1, 1), D(2025, 12, 31)));
    }

    [Fact]
    public void RunsBetween_LastBeforeFirst_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(4, 0), DateTimeZone.Utc).RunsBetween(D(2025, 4, 30), D(2025, 4, 29)));

    // spec: job-schedule-management.txt, Job Schedule Configuration (exception windows).
    [Fact]
    public void Next_InsideAWindow_FindsTheHeldBackRunsOfEarlierDates()
    {
        var window = new ExceptionWindow(Instant.FromUtc(2025, 4, 27, 3, 0), Instant.FromUtc(2025, 4, 29, 5, 0));
        var calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(4, 0), DateTimeZone.Utc, [window]);

        Assert.Equal(new ScheduledRun(D(2025, 4, 27), window.End, RunShift.ExceptionWindow), calendar.Next(Instant.FromUtc(2025, 4, 28, 12, 0)));
        Assert.Equal(
            [D(2025, 4, 27), D(2025, 4, 28), D(2025, 4, 29), D(2025, 4, 30)],
            calendar.Preview(Instant.FromUtc(2025, 4, 29, 4, 59), 4).Select(r => r.RunDate));
        Assert.Equal(new ScheduledRun(D(2025, 4, 30), Instant.FromUtc(2025, 4, 30, 4, 0), RunShift.None), calendar.Next(window.End));
    }

    // spec: job-schedule-management.txt, Job Schedule Configuration (exception windows).
    [Fact]
    public void Preview_OverlappingAndTouchingWindows_ActAsOne_NothingStartsInsideEither()
    {
        ExceptionWindow[] windows =
        [
            new(Instant.FromUtc(2025, 4, 27, 3, 0), Instant.FromUtc(2025, 4, 28, 4, 30)),
            new(Instant.FromUtc(2025, 4, 28, 4, 0), Instant.FromUtc(2025, 4, 29, 0, 0)), // overlaps the first
            new(Instant.FromUtc(2025, 4, 29, 0, 0), Instant.FromUtc(2025, 4, 29, 5, 0)), // touches the second
            new(Instant.FromUtc(2025, 5, 2, 0, 0), Instant.FromUtc(2025, 5, 1, 0, 0)), // ends before it starts: holds nothing
        ];
        var calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(4, 0), DateTimeZone.Utc, windows);

        var runs = calendar.Preview(Instant.FromUtc(2025, 4, 26, 12, 0), 5);

        Assert.Equal([D(2025, 4, 27), D(2025, 4, 28), D(2025, 4, 29), D(2025, 4, 30), D(2025, 5, 1)], runs.Select(r => r.RunDate));
        Assert.Equal(Instant.FromUtc(2025, 4, 29, 5, 0), Assert.Single(runs.Take(3).Select(r => r.StartsAt).Distinct()));
        Assert.Equal(Instant.FromUtc(2025, 5, 1, 4, 0), runs[4].StartsAt);
        Assert.All(runs, r => Assert.DoesNotContain(windows, w => w.Contains(r.StartsAt)));
        Assert.Equal(windows.OrderBy(w => w.Start), calendar.ExceptionWindows);
    }

    // spec: job-schedule-management.txt, Job Schedule Configuration (execution times); DESIGN §4 Runtime and time.
    [Fact]
    public void Preview_ADaySkippedByTheZone_StillHasItsRun()
    {
        // Samoa skipped 2011-12-30 (UTC-10 to UTC+14): that day's 04:00 starts with Dec 31's, shifted by the gap.
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        var calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(4, 0), apia);

        var runs = calendar.Preview(Instant.FromUtc(2011, 12, 29, 0, 0), 3);

        Assert.Equal([D(2011, 12, 29), D(2011, 12, 30), D(2011, 12, 31)], runs.Select(r => r.RunDate));
        Assert.Equal(runs[1].StartsAt, runs[2].StartsAt);
        Assert.Equal(RunShift.DaylightSavingGap, runs[1].ShiftedBy);
        Assert.Equal(runs.Select(r => r.RunDate), calendar.RunsBetween(D(2011, 12, 29), D(2011, 12, 31)).Select(r => r.RunDate));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/Denver")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Etc/GMT+12")]
    public void Preview_NearTheEndOfNodaTimesRange_ReturnsFewerRuns_DoesNotThrow(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var window = new ExceptionWindow(Instant.FromUtc(9999, 12, 30, 0, 0), Instant.MaxValue);
        foreach (var frequency in new[] { ScheduleFrequency.Daily, ScheduleFrequency.Weekly(IsoDayOfWeek.Monday), ScheduleFrequency.Monthly(31), ScheduleFrequency.YearEnd })
        {
            foreach (var time in new[] { new LocalTime(0, 0), new LocalTime(23, 30) })
            {
                var plain = new ScheduleCalendar(frequency, time, zone);
                var held = new ScheduleCalendar(frequency, time, zone, [window]);
                foreach (var after in new[] { Instant.FromUtc(9999, 12, 25, 0, 0), Instant.FromUtc(9999, 12, 31, 12, 0), Instant.MaxValue })
                {
                    Assert.InRange(plain.Preview(after, 10).Count, 0, 7);
                    Assert.InRange(held.Preview(after, 10).Count, 0, 7);
                    _ = plain.Next(after);
                }

                Assert.InRange(plain.RunsBetween(D(9999, 12, 1), LocalDate.MaxIsoValue).Count(), 0, 31);
                Assert.InRange(plain.RunsBetween(LocalDate.MinIsoValue, D(-9998, 1, 3)).Count(), 0, 3);
                Assert.Equal(3, plain.Preview(Instant.MinValue, 3).Count);
            }
        }
    }

    /// <summary>
    /// For random daily, weekly and monthly schedules in random zones with random (overlapping, touching, empty) windows:
    /// the run dates over a range are exactly the frequency's dates (none dropped, none merged), no run starts inside a window
    /// or before its plain time, a run moves only to a window's end, and Preview/Next agree with the runs, ordered by start
    /// then run date.
    /// </summary>
    // spec: job-schedule-management.txt, Job Schedule Configuration (frequencies, execution times, exception windows).
    [Fact]
    public void Property_WindowsNeverDropOrMergeRunDates_AndNothingStartsInsideOne()
    {
        string[] zones = ["UTC", "America/Denver", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "America/St_Johns", "America/Sao_Paulo", "Pacific/Apia"];
        var frequencies = Gen.OneOf(
            Gen.Constant(ScheduleFrequency.Daily),
            Gen.Choose(1, 7).Select(d => ScheduleFrequency.Weekly((IsoDayOfWeek)d)),
            Gen.Frequency((3, Gen.Choose(1, 31)), (2, Gen.Choose(28, 31))).Select(ScheduleFrequency.Monthly));
        var origin = new LocalDate(1990, 1, 1);
        var gen =
            from frequency in frequencies
            from hour in Gen.Choose(0, 23)
            from minute in Gen.Elements(0, 15, 30, 45)
            from zone in Gen.Elements(zones)
            from firstDay in Gen.Choose(0, 70 * 365)
            from length in Gen.Choose(0, 120)
            from windows in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(
                from start in Gen.Choose(0, (length + 2) * 96) // quarter hours from the range's first day, UTC
                from duration in Gen.Frequency((3, Gen.Choose(1, 12)), (3, Gen.Choose(12, 96 * 3)), (1, Gen.Choose(96 * 3, 96 * 10)), (1, Gen.Choose(-8, 0)))
                select (start, duration), n))
            from afterQuarter in Gen.Choose(-96, (length + 2) * 96)
            select (frequency, time: new LocalTime(hour, minute), zone, first: origin.PlusDays(firstDay), length, windows, afterQuarter);
        int heldBackRuns = 0, sharedStarts = 0;
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var zone = DateTimeZoneProviders.Tzdb[t.zone];
            var last = t.first.PlusDays(t.length);
            var origin = t.first.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            Instant Quarter(int q) => origin + Duration.FromMinutes(15L * q);
            var windows = t.windows.Select(w => new ExceptionWindow(Quarter(w.start), Quarter(w.start + w.duration))).ToArray();
            var calendar = new ScheduleCalendar(t.frequency, t.time, zone, windows);
            var plainStart = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);

            var runs = calendar.RunsBetween(t.first, last).ToArray();

            var expected = Enumerable.Range(0, t.length + 1).Select(t.first.PlusDays).Where(d => Matches(t.frequency, d));
            var ok = runs.Select(r => r.RunDate).SequenceEqual(expected);
            foreach (var run in runs)
            {
                var plain = zone.ResolveLocal(run.RunDate + t.time, plainStart).ToInstant();
                var heldBack = windows.Any(w => w.Contains(plain));
                ok &= !windows.Any(w => w.Contains(run.StartsAt))
                    && run.StartsAt >= plain
                    && (run.ShiftedBy == RunShift.ExceptionWindow) == heldBack
                    && (heldBack ? windows.Any(w => w.End == run.StartsAt) : run.StartsAt == plain);
            }

            // Preview and Next from an instant in the range: the runs that start after it, by start then run date. Windows end
            // within 12 days of the range, so runs of later dates start after every run counted here.
            var after = Quarter(t.afterQuarter);
            var wide = calendar.RunsBetween(t.first.PlusDays(-12), last.PlusDays(12)).ToArray();
            var later = wide.Where(r => r.StartsAt > after).OrderBy(r => r.StartsAt).ThenBy(r => r.RunDate).Take(6).ToArray();
            ok &= calendar.Preview(after, later.Length).SequenceEqual(later)
                && (later.Length == 0 || calendar.Next(after) == later[0]);
            heldBackRuns += runs.Count(r => r.ShiftedBy == RunShift.ExceptionWindow);
            sharedStarts += later.Length - later.Select(r => r.StartsAt).Distinct().Count();
            return ok;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));
        Assert.True(heldBackRuns > 0 && sharedStarts > 0, $"The windows held back {heldBackRuns} runs, {sharedStarts} sharing a start: too few to prove much.");
    }

    private static bool Matches(ScheduleFrequency frequency, LocalDate date) => frequency.Kind switch
    {
        FrequencyKind.Daily => true,
        FrequencyKind.Weekly => date.DayOfWeek == frequency.Weekday,
        _ => date.Day == Math.Min(frequency.Day, CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month)),
    };

    [Fact]
    public void Frequencies_RefuseOutOfRangeParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.Monthly(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.Monthly(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.DaysBeforeMonthEnd(28));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleFrequency.Weekly(IsoDayOfWeek.None));
    }
}
