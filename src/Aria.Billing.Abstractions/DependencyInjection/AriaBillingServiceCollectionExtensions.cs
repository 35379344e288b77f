using Aria.Billing;
using Aria.Billing.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Aria.Billing in a service collection.</summary>
public static class AriaBillingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared services (an <see cref="IClock"/>, the tz database, validated <see cref="AriaBillingOptions"/>)
    /// and returns the builder on which packages add themselves. Calling it again registers nothing twice; any service
    /// registered before the call (an <see cref="IClock"/> of the app's, say) is kept.
    /// </summary>
    public static IAriaBillingBuilder AddAriaBilling(this IServiceCollection services) => AddAriaBillingCore(services);

    /// <summary>As <see cref="AddAriaBilling(IServiceCollection)"/>, then configures the shared options.</summary>
    public static IAriaBillingBuilder AddAriaBilling(this IServiceCollection services, Action<AriaBillingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddAriaBillingCore(services).Configure(configure);
    }

    /// <summary>
    /// As <see cref="AddAriaBilling(IServiceCollection)"/>, then binds the shared options to a configuration section
    /// (by convention <see cref="AriaBillingOptions.SectionName"/>).
    /// </summary>
    public static IAriaBillingBuilder AddAriaBilling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddAriaBillingCore(services);
        services.Configure<AriaBillingOptions>(configuration);
        return builder;
    }

    private static AriaBillingBuilder AddAriaBillingCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new AriaBillingBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(AriaBillingMarker)))
        {
            return builder;
        }

        services.AddSingleton<AriaBillingMarker>();
#pragma warning disable RS0030 // The DI default is the one place that names the system clock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(DateTimeZoneProviders.Tzdb);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AriaBillingOptions>, AriaBillingOptionsValidator>());
        services.AddOptions<AriaBillingOptions>().ValidateOnStart();
        services.TryAddSingleton(sp => new ClientTimeZones(
            sp.GetRequiredService<IOptions<AriaBillingOptions>>().Value, sp.GetRequiredService<IDateTimeZoneProvider>(), sp.GetRequiredService<IClock>()));
        return builder;
    }

    /// <summary>Marks a service collection that already holds the shared registrations.</summary>
    private sealed class AriaBillingMarker;
}
