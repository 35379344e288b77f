using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Aria.Billing.Testing;

/// <summary>
/// FsCheck generators sized for billing: dates across decades, bill days 1–31, every interval used in practice,
/// amounts from a cent to millions, every ISO currency. FsCheck's defaults (ints within ±100) prove too little.
/// </summary>
public static class BillingArb
{
    private static readonly LocalDate Origin = new(1990, 1, 1);

    /// <summary>A date from 1990 to 2069.</summary>
    public static Gen<LocalDate> Date { get; } =
        Gen.Choose(0, (80 * 365) + 20).Select(days => Origin.PlusDays(days));

    /// <summary>A bill day, 1 to 31, with the month-end days drawn more often.</summary>
    public static Gen<int> BillDay { get; } = Gen.Frequency(
        (3, Gen.Choose(1, 31)),
        (2, Gen.Choose(28, 31)));

    /// <summary>A billing interval of 1, 2, 3, 4, 6, 12 or 24 months.</summary>
    public static Gen<BillingInterval> Interval { get; } =
        Gen.Elements(1, 2, 3, 4, 6, 12, 24).Select(BillingInterval.FromMonths);

    /// <summary>A billing cycle anchored on a random bill date.</summary>
    public static Gen<BillingCycle> Cycle { get; } =
        from day in BillDay
        from interval in Interval
        from year in Gen.Choose(1995, 2060)
        from month in Gen.Choose(1, 12)
        select BillingCycle.Anchored(
            new LocalDate(year, month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(year, month))),
            interval,
            day);

    /// <summary>Any currency ISO 4217 lists.</summary>
    public static Gen<Currency> Currency { get; } = Gen.Elements(Aria.Billing.Currency.All.ToArray());

    /// <summary>A non-negative amount with up to 6 decimals, up to about ten million.</summary>
    public static Gen<decimal> Amount { get; } =
        from whole in Gen.Choose(0, 10_000_000)
        from fraction in Gen.Choose(0, 999_999)
        select whole + (fraction / 1_000_000m);

    /// <summary>A positive amount already rounded to the minor unit of <paramref name="currency"/>.</summary>
    public static Gen<decimal> RoundedAmount(Currency currency) =>
        Amount.Select(a => currency.Round(a) == 0 ? currency.MinorUnit : currency.Round(a));
}
