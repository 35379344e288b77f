using Aria.Billing;
using Aria.Billing.Storage;
using Aria.Billing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the stores of <c>AddAriaBilling()</c> in an embedded SQLite file.</summary>
public static class SqliteBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteStorage"/> as the <see cref="ISyncRecordStore"/>, <see cref="IPlanChangeStore"/>,
    /// <see cref="IJobRunStore"/> and <see cref="IJobScheduleStore"/> (replacing the in-memory ones, whichever is called first), and, unless
    /// <see cref="SqliteStorageOptions.MigrateOnStart"/> is off, a hosted service that migrates the schema before any other
    /// hosted service starts. Options are validated on start.
    /// </summary>
    public static IAriaBillingBuilder UseSqlite(this IAriaBillingBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<SqliteStorageOptions>().Validate(o => SqliteStorage.Validate(o) is null, "AriaBilling:Sqlite options are not valid.").ValidateOnStart();
        services.TryAddSingleton(sp => new SqliteStorage(sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<NodaTime.IClock>()));
        services.Replace(ServiceDescriptor.Singleton<ISyncRecordStore>(sp => sp.GetRequiredService<SqliteStorage>().SyncRecords));
        services.Replace(ServiceDescriptor.Singleton<IPlanChangeStore>(sp => sp.GetRequiredService<SqliteStorage>().PlanChanges));
        services.Replace(ServiceDescriptor.Singleton<IJobRunStore>(sp => sp.GetRequiredService<SqliteStorage>().JobRuns));
        services.Replace(ServiceDescriptor.Singleton<IJobScheduleStore>(sp => sp.GetRequiredService<SqliteStorage>().JobSchedules));
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.DeclaringType == typeof(SqliteBuilderExtensions)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(MigrateOnStart));
        }

        return builder;
    }

    private static IHostedService MigrateOnStart(IServiceProvider services) =>
        new MigrateOnStartService(services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.MigrateOnStart
            ? services.GetRequiredService<SqliteStorage>().Database
            : null);
}
