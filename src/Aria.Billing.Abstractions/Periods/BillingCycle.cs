using Aria.Billing.Internal;
using NodaTime;

namespace Aria.Billing;

/// <summary>
/// The recurring billing dates of a master plan instance: a bill day (1–31) every <see cref="Interval"/> months.
/// A bill day past the end of a month falls on that month's last day, and the next period returns to the bill day
/// (bill day 31: Jan 31 → Feb 28/29 → Mar 31). Periods run from one bill date to the next, end exclusive, and tile the
/// timeline: every date belongs to exactly one period.
/// </summary>
public readonly record struct BillingCycle
{
    private BillingCycle(int billDay, BillingInterval interval, YearMonth anchorMonth)
    {
        BillDay = billDay;
        Interval = interval;
        AnchorMonth = anchorMonth;
    }

    /// <summary>The day of the month the cycle bills on, 1–31.</summary>
    public int BillDay { get; }

    /// <summary>The number of months between bill dates.</summary>
    public BillingInterval Interval { get; }

    /// <summary>A month that holds a bill date; with <see cref="Interval"/> it fixes which months bill.</summary>
    public YearMonth AnchorMonth { get; }

    /// <summary>A monthly cycle on <paramref name="billDay"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="billDay"/> is outside [1-31].</exception>
    public static BillingCycle Monthly(int billDay) => new(Guard.InRange(billDay, 1, 31), BillingInterval.Monthly, new YearMonth(2000, 1));

    /// <summary>
    /// A cycle whose bill dates include <paramref name="billDate"/>, on <paramref name="billDay"/> (by default the day of
    /// <paramref name="billDate"/>), every <paramref name="interval"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="billDate"/> is not where <paramref name="billDay"/> falls in its month.</exception>
    public static BillingCycle Anchored(LocalDate billDate, BillingInterval interval, int? billDay = null)
    {
        Guard.IsoCalendar(billDate);
        interval.EnsureDefined();
        var day = Guard.InRange(billDay ?? billDate.Day, 1, 31);
        var cycle = new BillingCycle(day, interval, billDate.ToYearMonth());
        if (cycle.BillDateIn(billDate.ToYearMonth()) != billDate)
        {
            throw new ArgumentException($"{billDate:uuuu-MM-dd} is not a bill date for bill day {day}.", nameof(billDate));
        }

        return cycle;
    }

    /// <summary>
    /// The bill days whose monthly bill date is <paramref name="date"/>: its day, plus — on a month's last day — every later
    /// bill day (Feb 28, 2025: 28, 29, 30, 31; Apr 30: 30, 31). The daily billing job of a date works on the master plan
    /// instances with these bill days, so none is skipped or billed twice in any month.
    /// </summary>
    public static IReadOnlyList<int> BillDaysDueOn(LocalDate date)
    {
        Guard.IsoCalendar(date);
        var last = CivilDays.DaysInMonth(date.Year, date.Month);
        return date.Day < last ? [date.Day] : Enumerable.Range(date.Day, 32 - date.Day).ToArray();
    }

    /// <summary>Whether <paramref name="date"/> is one of the cycle's bill dates.</summary>
    public bool IsBillDate(LocalDate date)
    {
        PeriodIndexOf(date, out var billDate);
        return billDate == date;
    }

    /// <summary>The period that contains <paramref name="date"/>.</summary>
    public BillingPeriod PeriodContaining(LocalDate date)
    {
        var index = PeriodIndexOf(date, out var start);
        return BillingPeriod.Trusted(start, BillDateAt(index + 1));
    }

    /// <summary>The first bill date strictly after <paramref name="date"/>.</summary>
    public LocalDate NextBillDateAfter(LocalDate date) => BillDateAt(PeriodIndexOf(date, out _) + 1);

    /// <summary>The last bill date on or before <paramref name="date"/>.</summary>
    public LocalDate BillDateOnOrBefore(LocalDate date)
    {
        PeriodIndexOf(date, out var billDate);
        return billDate;
    }

    /// <summary>The period after <paramref name="period"/>.</summary>
    public BillingPeriod Next(BillingPeriod period) => PeriodContaining(period.End);

    /// <summary>The periods that overlap [<paramref name="from"/>, <paramref name="until"/>), in order.</summary>
    public IEnumerable<BillingPeriod> PeriodsOverlapping(LocalDate from, LocalDate until)
    {
        for (var period = PeriodContaining(from); period.Start < until; period = Next(period))
        {
            yield return period;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"bill day {BillDay} every {Interval}";

    /// <summary>The bill date in a month: the bill day, or the month's last day when the month is shorter.</summary>
    internal LocalDate BillDateIn(YearMonth month) => BillDateAt(month.Year, month.Month);

    private LocalDate BillDateAt(int year, int month)
    {
        var days = CivilDays.DaysInMonth(year, month);
        return new LocalDate(year, month, BillDay <= days ? BillDay : days);
    }

    /// <summary>The bill date of the period <paramref name="index"/> periods after the anchor month's.</summary>
    private LocalDate BillDateAt(int index)
    {
        // Month numbers count from year 0; NodaTime's years (-9998 to 9999) keep them well inside int.
        var months = AnchorMonthNumber + (index * Interval.Months);
        var year = FloorDiv(months, 12);
        return BillDateAt(year, months - (year * 12) + 1);
    }

    /// <summary>The index of the period that contains <paramref name="date"/>, and that period's bill date.</summary>
    private int PeriodIndexOf(LocalDate date, out LocalDate billDate)
    {
        if (Interval.Months == 0)
        {
            throw new InvalidOperationException("This BillingCycle is the default value; use BillingCycle.Monthly or BillingCycle.Anchored.");
        }

        if (date.Calendar != CalendarSystem.Iso)
        {
            Guard.IsoCalendar(date);
        }

        var (year, month, day) = (date.Year, date.Month, date.Day);
        var index = FloorDiv((year * 12) + month - 1 - AnchorMonthNumber, Interval.Months);

        // The bill date of period `index` lies in the same month as the date or an earlier one; only in the same month can
        // it fall after the date, and then the date belongs to the period before.
        var months = AnchorMonthNumber + (index * Interval.Months);
        var billYear = FloorDiv(months, 12);
        var billMonth = months - (billYear * 12) + 1;
        var billDay = Math.Min(BillDay, CivilDays.DaysInMonth(billYear, billMonth));
        if (billYear == year && billMonth == month && billDay > day)
        {
            index--;
            billDate = BillDateAt(index);
        }
        else
        {
            billDate = new LocalDate(billYear, billMonth, billDay);
        }

        return index;
    }

    private int AnchorMonthNumber => (AnchorMonth.Year * 12) + AnchorMonth.Month - 1;

    private static int FloorDiv(int value, int divisor)
    {
        var (quotient, remainder) = Math.DivRem(value, divisor);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
