using Aria.Billing.Client;
using Aria.Billing.Client.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the typed client of the reference host's API.</summary>
public static class AriaBillingClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AriaBillingClient"/> through <c>IHttpClientFactory</c> with the resilience pipeline of
    /// <see cref="AriaBillingClientOptions"/> (validated on start: a missing address or key stops the host with the setting
    /// named). Returns the HTTP client builder, e.g. to set the primary handler.
    /// </summary>
    public static IHttpClientBuilder AddAriaBillingClient(this IServiceCollection services, Action<AriaBillingClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AriaBillingClientOptions>()
            .Configure(configure)
            .Validate(o => o.Problems().Count == 0, "AriaBilling:Client options are not valid: check BaseAddress, ClientNo, AuthKey, retries, timeouts and the breaker.")
            .ValidateOnStart();
        return services.AddHttpClient<AriaBillingClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<AriaBillingClientOptions>>().Value;
                http.BaseAddress = options.BaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's total timeout governs
            })
            .AddHttpMessageHandler(sp => new ResilienceHandler(AriaResilience.Build(
                sp.GetRequiredService<IOptions<AriaBillingClientOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System)));
    }

    /// <summary>As <see cref="AddAriaBillingClient(IServiceCollection, Action{AriaBillingClientOptions})"/>, bound to a configuration section (by convention <c>AriaBilling:Client</c>).</summary>
    public static IHttpClientBuilder AddAriaBillingClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAriaBillingClient(configuration.Bind);
    }
}
