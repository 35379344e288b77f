using NodaTime;

namespace Aria.Billing;

/// <summary>
/// Integer calendar arithmetic for the hot paths (period lookup, day counts): the ISO day number of a date and the days
/// of a month, without NodaTime's validation layers. Results equal NodaTime's for every ISO date.
/// </summary>
internal static class CivilDays
{
    /// <summary>Days since 1970-01-01 (H. Hinnant's days-from-civil).</summary>
    public static int DayNumber(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5) + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>Days since 1970-01-01 of an ISO date.</summary>
    public static int DayNumber(LocalDate date) => DayNumber(date.Year, date.Month, date.Day);

    /// <summary>The number of days in a month of the proleptic Gregorian calendar.</summary>
    public static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
