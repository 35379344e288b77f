using Microsoft.Extensions.DependencyInjection;

namespace Aria.Billing;

/// <summary>
/// Returned by <c>AddAriaBilling()</c>; each package adds itself with an extension method on it
/// (<c>.AddPlans()</c>, <c>.AddSync()</c>, <c>.AddJobs()</c>, a storage provider).
/// </summary>
public interface IAriaBillingBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }

    /// <summary>Adds a configuration step for the shared options; steps run in the order added.</summary>
    IAriaBillingBuilder Configure(Action<AriaBillingOptions> configure);
}
