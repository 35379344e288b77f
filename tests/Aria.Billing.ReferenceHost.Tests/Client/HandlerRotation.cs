using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Aria.Billing.ReferenceHost.Tests.Client;

/// <summary>
/// What <c>IHttpClientFactory</c> does when a client's handler lifetime has passed, without waiting for it (the factory's
/// expiry runs on the wall clock, at least a second): a new scope, a new <see cref="HttpMessageHandlerBuilder"/>, the
/// filters and the client's configured handler actions, a new chain of handlers.
/// </summary>
internal static class HandlerRotation
{
    /// <summary>A new handler chain for the client <paramref name="name"/>, and the scope it was built in.</summary>
    public static (HttpMessageHandler Handler, IServiceScope Scope) NewChain(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(name);
        var filters = services.GetServices<IHttpMessageHandlerBuilderFilter>().ToArray();
        var scope = services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<HttpMessageHandlerBuilder>();
        builder.Name = name;
        Action<HttpMessageHandlerBuilder> configure = b =>
        {
            foreach (var action in options.HttpMessageHandlerBuilderActions)
            {
                action(b);
            }
        };
        for (var i = filters.Length - 1; i >= 0; i--)
        {
            configure = filters[i].Configure(configure);
        }

        configure(builder);
        return (builder.Build(), scope);
    }
}
