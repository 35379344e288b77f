using Aria.Billing;
using Aria.Billing.Storage;
using Aria.Billing.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the stores of <c>AddAriaBilling()</c> in PostgreSQL, for several nodes sharing one database.</summary>
public static class PostgreSqlBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlStorage"/> as the <see cref="ISyncRecordStore"/>, <see cref="ISyncOperationStore"/>, <see cref="IPlanChangeStore"/>,
    /// <see cref="IJobRunStore"/>, <see cref="IJobScheduleStore"/> and <see cref="Aria.Billing.Invoicing.IPaymentTermStore"/> (replacing the in-memory ones, whichever is called first), and, unless
    /// <see cref="PostgreSqlStorageOptions.MigrateOnStart"/> is off, a hosted service that migrates the schema before any
    /// other hosted service starts. Options are validated on start.
    /// </summary>
    public static IAriaBillingBuilder UsePostgreSql(this IAriaBillingBuilder builder, Action<PostgreSqlStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(PostgreSqlStorageOptions.Rules.Validator()));
        services.AddOptions<PostgreSqlStorageOptions>().ValidateOnStart();
        StorageRegistration.Register(
            services,
            sp => new PostgreSqlStorage(sp.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value, sp.GetRequiredService<NodaTime.IClock>()),
            sp => sp.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value.MigrateOnStart);
        return builder;
    }

    /// <summary>As <see cref="UsePostgreSql(IAriaBillingBuilder, Action{PostgreSqlStorageOptions})"/> with a connection string.</summary>
    public static IAriaBillingBuilder UsePostgreSql(this IAriaBillingBuilder builder, string connectionString) =>
        builder.UsePostgreSql(o => o.ConnectionString = connectionString);

    /// <summary>As <see cref="UsePostgreSql(IAriaBillingBuilder, Action{PostgreSqlStorageOptions})"/>, binding the options to a configuration section (by convention <c>AriaBilling:PostgreSql</c>).</summary>
    public static IAriaBillingBuilder UsePostgreSql(this IAriaBillingBuilder builder, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<PostgreSqlStorageOptions>(configuration);
        return builder.UsePostgreSql(_ => { });
    }
}
