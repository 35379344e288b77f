using Aria.Billing;
using Aria.Billing.Plans;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Plans.Rating;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the plan-change rules to <c>AddAriaBilling()</c>.</summary>
public static class PlansBuilderExtensions
{
    /// <summary>
    /// Registers the plan-change engines (<see cref="AssignmentDirectiveValidator"/>, <see cref="ProrationCalculator"/>,
    /// <see cref="BillLagCalculator"/>, <see cref="InvoicePlanner"/>, <see cref="ReplacePlanValidator"/>, <see cref="UsageRater"/>) as singletons built
    /// from validated <see cref="PlansOptions"/> and the shared rounding, the <see cref="ReplacePlanService"/> over the host's
    /// <see cref="IReplacePlanFactsSource"/>, and the <see cref="PlanChangeQueue"/> over an
    /// <see cref="IPlanChangeStore"/> (in memory unless a storage provider or the app registers one) and the host's
    /// <see cref="IPlanInstanceDirectory"/> and <see cref="IPlanChangeApplier"/>. Calling it again registers nothing twice.
    /// </summary>
    public static IAriaBillingBuilder AddPlans(this IAriaBillingBuilder builder, Action<PlansOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(PlansMarker)))
        {
            return builder;
        }

        services.AddSingleton<PlansMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(PlansOptions.Rules.Validator()));
        services.AddOptions<PlansOptions>().ValidateOnStart();
        services.TryAddSingleton(sp => new AssignmentDirectiveValidator(Plans(sp)));
        services.TryAddSingleton(sp => new ProrationCalculator(Plans(sp), Rounding(sp)));
        services.TryAddSingleton(sp => new BillLagCalculator(Plans(sp)));
        services.TryAddSingleton(sp => new InvoicePlanner(Plans(sp), Rounding(sp)));
        services.TryAddSingleton(sp => new ReplacePlanValidator(Plans(sp)));
        services.TryAddSingleton(sp => new ReplacePlanService(
            sp.GetRequiredService<ReplacePlanValidator>(),
            sp.GetService<IReplacePlanFactsSource>() ?? throw new InvalidOperationException(
                "ReplacePlanService needs an IReplacePlanFactsSource: register the host's view of accounts, plan instances and the catalog."),
            sp.GetRequiredService<ClientTimeZones>(),
            sp.GetService<IPlanChangeStore>()));
        services.TryAddSingleton(sp => new UsageRater(Rounding(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton(PlanChangeQueueOptions.Rules.Validator()));
        services.AddOptions<PlanChangeQueueOptions>().ValidateOnStart();
        services.TryAddSingleton<IPlanChangeStore, InMemoryPlanChangeStore>();
        services.TryAddSingleton(sp => new PlanChangeQueue(
            sp.GetRequiredService<IPlanChangeStore>(),
            sp.GetService<IPlanInstanceDirectory>() ?? throw new InvalidOperationException(
                "PlanChangeQueue needs an IPlanInstanceDirectory: register the host's view of the billing system's plan instances."),
            sp.GetService<IPlanChangeApplier>() ?? throw new InvalidOperationException(
                "PlanChangeQueue needs an IPlanChangeApplier: register how the host applies a plan change in the billing system."),
            sp.GetRequiredService<NodaTime.IClock>(),
            sp.GetRequiredService<ClientTimeZones>(),
            sp.GetRequiredService<IOptions<PlanChangeQueueOptions>>().Value,
            sp.GetService<Microsoft.Extensions.Logging.ILogger<PlanChangeQueue>>()));
        services.TryAddSingleton(sp => new DueChangeSweep(
            sp.GetRequiredService<IPlanChangeStore>(), sp.GetRequiredService<PlanChangeQueue>(), sp.GetRequiredService<ClientTimeZones>(),
            sp.GetRequiredService<NodaTime.IClock>(), sp.GetService<Microsoft.Extensions.Logging.ILogger<DueChangeSweep>>()));
        services.AddHostedService(sp => new DueChangeService(
            sp, sp.GetRequiredService<IOptions<PlanChangeQueueOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<Microsoft.Extensions.Logging.ILogger<DueChangeService>>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<DueChangeService>.Instance));
        return builder;
    }

    /// <summary>
    /// As <see cref="AddPlans(IAriaBillingBuilder, Action{PlansOptions}?)"/>, binding <see cref="PlansOptions"/> to a configuration
    /// section (by convention <c>AriaBilling:Plans</c>) and <see cref="PlanChangeQueueOptions"/> to its <c>Queue</c> sub-section.
    /// </summary>
    public static IAriaBillingBuilder AddPlans(this IAriaBillingBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<PlansOptions>(configuration);
        builder.Services.Configure<PlanChangeQueueOptions>(configuration.GetSection("Queue"));
        return builder.AddPlans();
    }

    private static PlansOptions Plans(IServiceProvider services) => services.GetRequiredService<IOptions<PlansOptions>>().Value;

    private static MidpointRounding Rounding(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AriaBillingOptions>>().Value.MidpointRounding;

    private sealed class PlansMarker;
}
