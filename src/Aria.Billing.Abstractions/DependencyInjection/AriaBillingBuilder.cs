using Microsoft.Extensions.DependencyInjection;

namespace Aria.Billing.DependencyInjection;

internal sealed class AriaBillingBuilder(IServiceCollection services) : IAriaBillingBuilder
{
    public IServiceCollection Services { get; } = services;

    public IAriaBillingBuilder Configure(Action<AriaBillingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
