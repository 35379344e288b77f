using Aria.Billing.Testing;

namespace Aria.Billing.Tests.Periods;

// spec: DESIGN.md §4 "Billing periods"; replace-acct-plan-m.txt (bill day and billing interval).
public sealed class BillingCycleTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void PeriodContaining_BillDay31_FallsOnLastDayOfShortMonthsAndReturnsTo31()
    {
        var cycle = BillingCycle.Monthly(31);

        Assert.Equal(new BillingPeriod(D(2025, 1, 31), D(2025, 2, 28)), cycle.PeriodContaining(D(2025, 2, 1)));
        Assert.Equal(new BillingPeriod(D(2025, 2, 28), D(2025, 3, 31)), cycle.PeriodContaining(D(2025, 3, 1)));
        Assert.Equal(new BillingPeriod(D(2025, 3, 31), D(2025, 4, 30)), cycle.PeriodContaining(D(2025, 4, 29)));
        Assert.Equal(new BillingPeriod(D(2025, 4, 30), D(2025, 5, 31)), cycle.PeriodContaining(D(2025, 4, 30)));
    }

    [Fact]
    public void PeriodContaining_LeapYear_BillDay30FallsOnFeb29()
    {
        var cycle = BillingCycle.Monthly(30);

        var february = cycle.PeriodContaining(D(2024, 3, 1));

        Assert.Equal(new BillingPeriod(D(2024, 2, 29), D(2024, 3, 30)), february);
        Assert.Equal(30, february.Days);
        Assert.Equal(D(2023, 2, 28), cycle.BillDateOnOrBefore(D(2023, 3, 29)));
    }

    [Fact]
    public void PeriodContaining_Bill15Monthly_SpecExampleHas30Days()
    {
        // spec: DESIGN.md §4 worked example — bill day 15, monthly: the period Apr 15–May 15 has 30 days, 18 remain on Apr 27.
        var period = BillingCycle.Monthly(15).PeriodContaining(D(2025, 4, 27));

        Assert.Equal(new BillingPeriod(D(2025, 4, 15), D(2025, 5, 15)), period);
        Assert.Equal(30, period.Days);
        Assert.Equal(18, period.DaysRemainingFrom(D(2025, 4, 27)));
    }

    [Fact]
    public void PeriodContaining_Quarterly_UsesTheAnchorMonths()
    {
        var cycle = BillingCycle.Anchored(D(2024, 11, 30), BillingInterval.Quarterly, billDay: 31);

        Assert.Equal(new BillingPeriod(D(2024, 11, 30), D(2025, 2, 28)), cycle.PeriodContaining(D(2025, 1, 1)));
        Assert.Equal(new BillingPeriod(D(2025, 2, 28), D(2025, 5, 31)), cycle.PeriodContaining(D(2025, 2, 28)));
        Assert.Equal(new BillingPeriod(D(1999, 8, 31), D(1999, 11, 30)), cycle.PeriodContaining(D(1999, 9, 15)));
    }

    [Fact]
    public void Anchored_DateThatIsNotABillDate_Throws()
    {
        Assert.Throws<ArgumentException>(() => BillingCycle.Anchored(D(2025, 3, 30), BillingInterval.Monthly, billDay: 31));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void Monthly_BillDayOutOfRange_ThrowsNamingTheRange(int billDay)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BillingCycle.Monthly(billDay));
        Assert.Contains("[1-31]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsBillDate_ShortMonths_LastDayOnlyWhenBillDayIsPastMonthEnd()
    {
        var cycle = BillingCycle.Monthly(31);

        Assert.True(cycle.IsBillDate(D(2023, 2, 28)));
        Assert.True(cycle.IsBillDate(D(2024, 2, 29)));
        Assert.False(cycle.IsBillDate(D(2024, 2, 28)));
        Assert.True(cycle.IsBillDate(D(2024, 4, 30)));
        Assert.False(cycle.IsBillDate(D(2024, 5, 30)));
    }

    [Fact]
    public void Property_ConsecutivePeriodsTileTheTimeline()
    {
        var gen = from cycle in BillingArb.Cycle from date in BillingArb.Date select (cycle, date);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (cycle, date) = t;
            var period = cycle.PeriodContaining(date);
            var next = cycle.Next(period);
            var previous = cycle.PeriodContaining(period.Start.PlusDays(-1));
            return period.End == next.Start
                && previous.End == period.Start
                && period.Days >= cycle.Interval.MinimumDays
                && cycle.IsBillDate(period.Start) && cycle.IsBillDate(period.End);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_EveryDateBelongsToExactlyOnePeriod()
    {
        var gen = from cycle in BillingArb.Cycle from date in BillingArb.Date select (cycle, date);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (cycle, date) = t;
            var period = cycle.PeriodContaining(date);
            var before = cycle.PeriodContaining(period.Start.PlusDays(-1));
            var after = cycle.Next(period);
            return period.Contains(date) && !before.Contains(date) && !after.Contains(date);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_BillDatesReturnToTheBillDayAfterShortMonths()
    {
        var gen = from cycle in BillingArb.Cycle from date in BillingArb.Date select (cycle, date);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (cycle, date) = t;
            var start = cycle.PeriodContaining(date).Start;
            var daysInMonth = CalendarSystem.Iso.GetDaysInMonth(start.Year, start.Month);
            return start.Day == Math.Min(cycle.BillDay, daysInMonth);
        }).QuickCheckThrowOnFailure();
    }
}

// spec: DESIGN.md §4 "Jobs" — the daily billing job of date D works on the bill days whose bill date is D.
public sealed class BillDaysDueOnTests
{
    [Theory]
    [InlineData(2025, 2, 28, new[] { 28, 29, 30, 31 })]
    [InlineData(2024, 2, 28, new[] { 28 })]
    [InlineData(2024, 2, 29, new[] { 29, 30, 31 })]
    [InlineData(2025, 4, 30, new[] { 30, 31 })]
    [InlineData(2025, 5, 30, new[] { 30 })]
    [InlineData(2025, 5, 31, new[] { 31 })]
    [InlineData(2025, 5, 1, new[] { 1 })]
    public void BillDaysDueOn_MonthEndsTakeTheLaterBillDays(int y, int m, int d, int[] expected)
    {
        Assert.Equal(expected, BillingCycle.BillDaysDueOn(new LocalDate(y, m, d)));
    }

    [Fact]
    public void Property_EveryBillDayIsDueExactlyOnceInEveryMonth()
    {
        var gen = from year in Gen.Choose(1990, 2090) from month in Gen.Choose(1, 12) select new YearMonth(year, month);
        Prop.ForAll(gen.ToArbitrary(), month =>
        {
            var days = Enumerable.Range(1, CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month))
                .SelectMany(d => BillingCycle.BillDaysDueOn(month.OnDayOfMonth(d))).ToArray();
            return days.Order().SequenceEqual(Enumerable.Range(1, 31))
                && Enumerable.Range(1, 31).All(b => BillingCycle.Monthly(b).IsBillDate(month.OnDayOfMonth(Array.IndexOf(Enumerable.Range(1, CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month)).Select(d => BillingCycle.BillDaysDueOn(month.OnDayOfMonth(d)).Contains(b)).ToArray(), true) + 1)));
        }).QuickCheckThrowOnFailure();
    }
}
