using Aria.Billing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aria.Billing.Abstractions.Tests.Time;

public sealed class ClientTimeZonesTests
{
    /// <summary>At 02:00 UTC it is still yesterday in New York and already today in Tokyo; a client without its own zone has the host's.</summary>
    [Fact]
    public void Today_IsInEachClientsZone()
    {
        var options = new AriaBillingOptions { TimeZoneId = "Asia/Tokyo", ClientTimeZones = { ["1000"] = "America/New_York" } };
        var zones = new ClientTimeZones(options, DateTimeZoneProviders.Tzdb, new FakeClock(Instant.FromUtc(2025, 4, 27, 2, 0)));

        Assert.Equal(new LocalDate(2025, 4, 26), zones.Today(new ClientNumber(1000)));
        Assert.Equal(new LocalDate(2025, 4, 27), zones.Today(new ClientNumber(2000)));
        Assert.Equal("America/New_York", zones.For(new ClientNumber(1000)).Id);
    }

    [Fact]
    public void ValidateOnStart_BadClientZoneOrKey_NamesThem()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling(o =>
        {
            o.ClientTimeZones["1000"] = "Mars/Olympus";
            o.ClientTimeZones["abc"] = "UTC";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AriaBilling:ClientTimeZones:1000 is 'Mars/Olympus'; it should be a tz database time zone id (for example 'America/New_York').", error.Failures);
        Assert.Contains("AriaBilling:ClientTimeZones:abc is not a client number; the keys are client numbers (1000).", error.Failures);
    }
}
