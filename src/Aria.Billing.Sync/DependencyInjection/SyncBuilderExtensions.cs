using Aria.Billing;
using Aria.Billing.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds sync-error reprocessing to <c>AddAriaBilling()</c>.</summary>
public static class SyncBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SyncLog"/> and <see cref="SyncReprocessor"/> over an <see cref="ISyncRecordStore"/> and an
    /// <see cref="ISyncOperationStore"/> (in memory unless a storage provider or the app registers them) and the host's
    /// <see cref="ISyncRecordHandler"/>, with validated <see cref="SyncOptions"/>. Calling it again registers nothing twice.
    /// </summary>
    public static IAriaBillingBuilder AddSync(this IAriaBillingBuilder builder, Action<SyncOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(SyncMarker)))
        {
            return builder;
        }

        services.AddSingleton<SyncMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(SyncOptions.Rules.Validator()));
        services.AddOptions<SyncOptions>().ValidateOnStart();
        services.TryAddSingleton<ISyncRecordStore, InMemorySyncRecordStore>();
        services.TryAddSingleton<ISyncOperationStore, InMemorySyncOperationStore>();
        services.TryAddSingleton(sp => new SyncLog(sp.GetRequiredService<ISyncRecordStore>(), Handler(sp), sp.GetRequiredService<IClock>(), sp.GetRequiredService<IOptions<SyncOptions>>().Value));
        services.TryAddSingleton(sp => new SyncReprocessor(
            sp.GetRequiredService<ISyncRecordStore>(), sp.GetRequiredService<ISyncOperationStore>(), Handler(sp), sp.GetRequiredService<IClock>(), sp.GetRequiredService<IOptions<SyncOptions>>().Value,
            sp.GetService<ILogger<SyncReprocessor>>()));
        services.TryAddSingleton(sp => new SyncRecovery(sp.GetRequiredService<ISyncOperationStore>(), sp.GetRequiredService<SyncReprocessor>(), sp.GetRequiredService<SyncLog>(), sp.GetService<ILogger<SyncRecovery>>()));
        services.AddHostedService(sp => new SyncRecoveryService(
            sp, sp.GetRequiredService<IOptions<SyncOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<SyncRecoveryService>>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<SyncRecoveryService>.Instance));
        return builder;
    }

    /// <summary>As <see cref="AddSync(IAriaBillingBuilder, Action{SyncOptions}?)"/>, binding the options to a configuration section (by convention <c>AriaBilling:Sync</c>).</summary>
    public static IAriaBillingBuilder AddSync(this IAriaBillingBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<SyncOptions>(configuration);
        return builder.AddSync();
    }

    private static ISyncRecordHandler Handler(IServiceProvider services) =>
        services.GetService<ISyncRecordHandler>()
        ?? throw new InvalidOperationException("Sync needs an ISyncRecordHandler: register how the host processes a sync message (SyncHandlerMap routes by object type).");

    private sealed class SyncMarker;
}
