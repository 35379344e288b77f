using Aria.Billing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aria.Billing.Tests.DependencyInjection;

public sealed class AddAriaBillingTests
{
    [Fact]
    public void AddAriaBilling_Twice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddAriaBilling();
        var twice = new ServiceCollection();
        twice.AddAriaBilling();
        twice.AddAriaBilling();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddAriaBilling_RegistersAReplaceableClock()
    {
        var clock = FakeClock.AtUtc(new LocalDate(2025, 4, 27));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddAriaBilling();

        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.NotNull(provider.GetRequiredService<IDateTimeZoneProvider>());
    }

    [Fact]
    public void AddAriaBilling_DefaultClockIsTheSystemClock()
    {
        using var provider = new ServiceCollection().AddAriaBilling().Services.BuildServiceProvider();

        Assert.IsType<SystemClock>(provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void ValidateOnStart_UnknownTimeZone_FailsNamingTheValue()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling(o => o.TimeZoneId = "Mars/Olympus_Mons");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Mars/Olympus_Mons", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_UndefinedRounding_FailsNamingTheValue()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().Configure(o => o.MidpointRounding = (MidpointRounding)42);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'42'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAriaBilling_ConfigurationSection_BindsAndValidates()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AriaBilling:TimeZoneId"] = "America/New_York" })
            .Build();
        var services = new ServiceCollection();
        services.AddAriaBilling(configuration.GetSection(AriaBillingOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("America/New_York", provider.GetRequiredService<IOptions<AriaBillingOptions>>().Value.TimeZoneId);
    }

    private static string[] Describe(IServiceCollection services) =>
        services.Select(d => $"{d.ServiceType.FullName}|{d.ImplementationType?.FullName}|{d.Lifetime}").ToArray();
}
