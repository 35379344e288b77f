using Aria.Billing.Testing;

namespace Aria.Billing.Tests.Periods;

public sealed class CivilDaysTests
{
    [Fact]
    public void Property_DayNumberAndDaysInMonthAgreeWithNodaTime()
    {
        var gen = Gen.Choose(-700_000, 2_900_000).Select(d => new LocalDate(1970, 1, 1).PlusDays(d));
        Prop.ForAll(gen.ToArbitrary(), date =>
            CivilDays.DayNumber(date) == Period.DaysBetween(new LocalDate(1970, 1, 1), date)
            && CivilDays.DaysInMonth(date.Year, date.Month) == CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month))
            .QuickCheckThrowOnFailure();
    }
}
