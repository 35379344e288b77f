using Aria.Billing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Aria.Billing.Sample;

/// <summary>Walks through each package with realistic data and prints what the rules decide, and why.</summary>
internal sealed class Tour(IClock clock, IDateTimeZoneProvider zones, IOptions<AriaBillingOptions> options)
{
    public void Run(TextWriter output)
    {
        var zone = zones[options.Value.TimeZoneId];
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        output.WriteLine($"Aria.Billing sample — today is {today:uuuu-MM-dd} in {zone.Id}");
        output.WriteLine();

        BillingPeriods(output, today);
    }

    private static void BillingPeriods(TextWriter output, LocalDate today)
    {
        output.WriteLine("1. Billing periods — bill day 31, monthly: the bill date falls on the last day of short months");
        var cycle = BillingCycle.Monthly(31);
        var period = cycle.PeriodContaining(new LocalDate(today.Year, 1, 1));
        for (var i = 0; i < 4; i++)
        {
            output.WriteLine($"   {period}  {period.Days,2} days");
            period = cycle.Next(period);
        }

        var fee = Money.Of(29.99m, Currency.USD) * (period.DaysRemainingFrom(period.Start.PlusDays(10)) / (decimal)period.Days);
        output.WriteLine($"   29.99 USD for the last {period.DaysRemainingFrom(period.Start.PlusDays(10))} of {period.Days} days of {period}: {fee.Amount:0.######} → {fee.Round()} (rounded once, away from zero)");
        output.WriteLine();
    }
}
