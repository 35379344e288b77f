using Aria.Billing.Client;
using Aria.Billing.Client.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the typed client of the reference host's API.</summary>
public static class AriaBillingClientServiceCollectionExtensions
{
    /// <summary>
    /// The service key of the client's <see cref="ResiliencePipelineRegistry{TKey}"/> (a keyed singleton, so that it never
    /// takes the place of an application's own <c>ResiliencePipelineRegistry&lt;string&gt;</c>). Its pipelines are keyed by
    /// the HTTP client's name (<see cref="IHttpClientBuilder.Name"/>).
    /// </summary>
    public const string ResiliencePipelineRegistryKey = "Aria.Billing.Client";

    /// <summary>
    /// Registers <see cref="AriaBillingClient"/> through <c>IHttpClientFactory</c> with the resilience pipeline of
    /// <see cref="AriaBillingClientOptions"/> (validated on start: a missing address or key stops the host with the setting
    /// named). The pipeline is built once per client name in a singleton <see cref="ResiliencePipelineRegistry{TKey}"/>
    /// (see <see cref="ResiliencePipelineRegistryKey"/>), so an open circuit stays open when the factory rotates the
    /// client's handlers. Its waits and timeouts, and the client's polling, run on the <see cref="TimeProvider"/>
    /// registered in the container (default <see cref="TimeProvider.System"/>). Returns the HTTP client builder, e.g. to
    /// set the primary handler.
    /// </summary>
    public static IHttpClientBuilder AddAriaBillingClient(this IServiceCollection services, Action<AriaBillingClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(AriaBillingClientOptions.Rules.Validator()));
        services.AddOptions<AriaBillingClientOptions>()
            .Configure(configure)
            .ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(ClientMarker)))
        {
            return services.AddHttpClient<AriaBillingClient>(); // a second call adds its options, not a second resilience handler
        }

        services.AddSingleton<ClientMarker>();
        services.TryAddKeyedSingleton(ResiliencePipelineRegistryKey, (_, _) => new ResiliencePipelineRegistry<string>());
        var builder = services.AddHttpClient<AriaBillingClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<AriaBillingClientOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's total timeout governs
        });
        var name = builder.Name;
        return builder.AddHttpMessageHandler(sp => new ResilienceHandler(
            sp.GetRequiredKeyedService<ResiliencePipelineRegistry<string>>(ResiliencePipelineRegistryKey).GetOrAddPipeline<HttpResponseMessage>(
                name,
                pipeline => AriaResilience.Configure(
                    pipeline, sp.GetRequiredService<IOptions<AriaBillingClientOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System))));
    }

    /// <summary>As <see cref="AddAriaBillingClient(IServiceCollection, Action{AriaBillingClientOptions})"/>, bound to a configuration section (by convention <c>AriaBilling:Client</c>).</summary>
    public static IHttpClientBuilder AddAriaBillingClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAriaBillingClient(configuration.Bind);
    }

    /// <summary>Marks a service collection the client was added to.</summary>
    private sealed class ClientMarker;
}
