using System.Globalization;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>The dates a job schedule runs on. Build one with a factory; it answers "the first run date on or after D".</summary>
public readonly record struct ScheduleFrequency
{
    private ScheduleFrequency(FrequencyKind kind, int day, IsoDayOfWeek weekday)
    {
        Kind = kind;
        Day = day;
        Weekday = weekday;
    }

    /// <summary>The kind of frequency.</summary>
    public FrequencyKind Kind { get; }

    /// <summary>The day of the month (<see cref="FrequencyKind.Monthly"/>) or the days before month-end (<see cref="FrequencyKind.DaysBeforeMonthEnd"/>).</summary>
    public int Day { get; }

    /// <summary>The weekday of a weekly schedule.</summary>
    public IsoDayOfWeek Weekday { get; }

    /// <summary>Every day.</summary>
    public static ScheduleFrequency Daily => new(FrequencyKind.Daily, 0, IsoDayOfWeek.None);

    /// <summary>The last day of every month.</summary>
    public static ScheduleFrequency MonthEnd => new(FrequencyKind.MonthEnd, 0, IsoDayOfWeek.None);

    /// <summary>The last day of each quarter.</summary>
    public static ScheduleFrequency QuarterEnd => new(FrequencyKind.QuarterEnd, 0, IsoDayOfWeek.None);

    /// <summary>December 31.</summary>
    public static ScheduleFrequency YearEnd => new(FrequencyKind.YearEnd, 0, IsoDayOfWeek.None);

    /// <summary>Only by hand.</summary>
    public static ScheduleFrequency ManualOnly => new(FrequencyKind.ManualOnly, 0, IsoDayOfWeek.None);

    /// <summary>Every week on <paramref name="weekday"/>.</summary>
    public static ScheduleFrequency Weekly(IsoDayOfWeek weekday)
    {
        if (weekday is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(weekday), weekday, "Value should be in range [Monday-Sunday]");
        }

        return new(FrequencyKind.Weekly, 0, weekday);
    }

    /// <summary>Every month on <paramref name="day"/> (1–31; a day past the month's end falls on its last day).</summary>
    public static ScheduleFrequency Monthly(int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 31);
        return new(FrequencyKind.Monthly, day, IsoDayOfWeek.None);
    }

    /// <summary><paramref name="days"/> days before the last day of every month (1–27).</summary>
    public static ScheduleFrequency DaysBeforeMonthEnd(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 27);
        return new(FrequencyKind.DaysBeforeMonthEnd, days, IsoDayOfWeek.None);
    }

    /// <summary>
    /// The first run date on or after <paramref name="date"/>; <see langword="null"/> for a manual-only schedule, or when the
    /// next run date would be past the last date NodaTime supports.
    /// </summary>
    public LocalDate? OnOrAfter(LocalDate date)
    {
        switch (Kind)
        {
            case FrequencyKind.Daily:
                return date;
            case FrequencyKind.Weekly:
                var days = ((int)Weekday - (int)date.DayOfWeek + 7) % 7;
                return date.Year == LastMonth.Year && date.Month == LastMonth.Month && date.Day + days > 31 ? null : date.PlusDays(days);
            case FrequencyKind.ManualOnly:
                return null;
        }

        // Month-based kinds: this month's run date if not past, else next month's (or next quarter's / year's).
        for (var month = new YearMonth(date.Year, date.Month); ; month = month.PlusMonths(1))
        {
            if (InMonth(month) is { } candidate && candidate >= date)
            {
                return candidate;
            }

            if (month == LastMonth)
            {
                return null;
            }
        }
    }

    private static readonly YearMonth LastMonth = new(LocalDate.MaxIsoValue.Year, LocalDate.MaxIsoValue.Month);

    /// <summary>The run date in <paramref name="month"/>, or <see langword="null"/> when the schedule skips that month.</summary>
    private LocalDate? InMonth(YearMonth month)
    {
        var last = month.OnDayOfMonth(CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month));
        return Kind switch
        {
            FrequencyKind.Monthly => month.OnDayOfMonth(Math.Min(Day, last.Day)),
            FrequencyKind.MonthEnd => last,
            FrequencyKind.DaysBeforeMonthEnd => last.PlusDays(-Day),
            FrequencyKind.QuarterEnd => month.Month % 3 == 0 ? last : null,
            FrequencyKind.YearEnd => month.Month == 12 ? last : null,
            _ => null,
        };
    }

    /// <summary>
    /// The frequency in the text grammar of schedule definitions: <c>daily</c>, <c>weekly:&lt;weekday&gt;</c>,
    /// <c>monthly:&lt;1-31&gt;</c>, <c>month_end</c>, <c>days_before_month_end:&lt;1-27&gt;</c>, <c>quarter_end</c>,
    /// <c>year_end</c> or <c>manual_only</c>; <see cref="TryParse"/> reads it back.
    /// </summary>
    public override string ToString() => Kind switch
    {
        FrequencyKind.Weekly => $"weekly:{Weekday.ToString().ToLowerInvariant()}",
        FrequencyKind.Monthly => string.Create(CultureInfo.InvariantCulture, $"monthly:{Day}"),
        FrequencyKind.DaysBeforeMonthEnd => string.Create(CultureInfo.InvariantCulture, $"days_before_month_end:{Day}"),
        FrequencyKind.MonthEnd => "month_end",
        FrequencyKind.QuarterEnd => "quarter_end",
        FrequencyKind.YearEnd => "year_end",
        FrequencyKind.ManualOnly => "manual_only",
        _ => "daily",
    };

    /// <summary>Reads a frequency written in the grammar <see cref="ToString"/> writes (case-insensitive).</summary>
    /// <param name="text">The text.</param>
    /// <param name="frequency">The frequency, or the default value.</param>
    /// <returns>Whether <paramref name="text"/> is a frequency.</returns>
    public static bool TryParse(string? text, out ScheduleFrequency frequency)
    {
        var parts = (text ?? "").Trim().ToLowerInvariant().Split(':', 2);
        var hasNumber = parts.Length == 2 && parts[1].Length is > 0 and <= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
        var number = hasNumber ? int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture) : -1;
        ScheduleFrequency? parsed = (parts[0], parts.Length) switch
        {
            ("daily", 1) => Daily,
            ("month_end", 1) => MonthEnd,
            ("quarter_end", 1) => QuarterEnd,
            ("year_end", 1) => YearEnd,
            ("manual_only", 1) => ManualOnly,
            ("monthly", 2) when number is >= 1 and <= 31 => Monthly(number),
            ("days_before_month_end", 2) when number is >= 1 and <= 27 => DaysBeforeMonthEnd(number),
            ("weekly", 2) when !char.IsDigit(parts[1].FirstOrDefault()) && Enum.TryParse<IsoDayOfWeek>(parts[1], ignoreCase: true, out var day)
                && day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday => Weekly(day),
            _ => null,
        };
        frequency = parsed ?? default;
        return parsed.HasValue;
    }
}
