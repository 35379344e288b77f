using Aria.Billing;
using Aria.Billing.Storage;
using Aria.Billing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the stores of <c>AddAriaBilling()</c> in an embedded SQLite file.</summary>
public static class SqliteBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteStorage"/> as the <see cref="ISyncRecordStore"/>, <see cref="ISyncOperationStore"/>, <see cref="IPlanChangeStore"/>,
    /// <see cref="IJobRunStore"/>, <see cref="IJobScheduleStore"/> and <see cref="Aria.Billing.Invoicing.IPaymentTermStore"/> (replacing the in-memory ones, whichever is called first), and, unless
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

        services.TryAddEnumerable(ServiceDescriptor.Singleton(SqliteStorageOptions.Rules.Validator()));
        services.AddOptions<SqliteStorageOptions>().ValidateOnStart();
        StorageRegistration.Register(
            services,
            sp => new SqliteStorage(sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<NodaTime.IClock>()),
            sp => sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.MigrateOnStart);
        return builder;
    }

    /// <summary>As <see cref="UseSqlite(IAriaBillingBuilder, Action{SqliteStorageOptions}?)"/>, binding the options to a configuration section (by convention <c>AriaBilling:Sqlite</c>).</summary>
    public static IAriaBillingBuilder UseSqlite(this IAriaBillingBuilder builder, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<SqliteStorageOptions>(configuration);
        return builder.UseSqlite();
    }
}
