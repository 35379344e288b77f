using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Aria.Billing.Testing;

/// <summary>Dates inside and outside <see cref="BusinessDates"/>, with the edges of both ranges made likely.</summary>
public static class ArbitraryDates
{
    /// <summary>Any date NodaTime can hold that is outside the business dates: just past either end, or far out.</summary>
    public static Gen<LocalDate> OutsideBusinessDates { get; } = Gen.OneOf(
        Gen.Elements(
            BusinessDates.Earliest.PlusDays(-1), BusinessDates.Latest.PlusDays(1), LocalDate.MinIsoValue, LocalDate.MaxIsoValue,
            new LocalDate(9999, 12, 30), new LocalDate(1, 1, 1), new LocalDate(0, 1, 1)),
        Gen.Choose(-9998, 1899).Select(FirstOfYear),
        Gen.Choose(2200, 9999).Select(FirstOfYear));

    /// <summary>Any business date, its two ends made likely.</summary>
    public static Gen<LocalDate> InsideBusinessDates { get; } = Gen.OneOf(
        Gen.Elements(BusinessDates.Earliest, BusinessDates.Latest, BusinessDates.Latest.PlusDays(-1), BusinessDates.Earliest.PlusDays(1)),
        Gen.Choose(0, Period.DaysBetween(BusinessDates.Earliest, BusinessDates.Latest)).Select(d => BusinessDates.Earliest.PlusDays(d)));

    private static LocalDate FirstOfYear(int year) => new(year, 1, 1);
}
