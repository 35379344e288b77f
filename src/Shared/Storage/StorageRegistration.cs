using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Aria.Billing.Storage;

/// <summary>How a provider puts its storage behind the store contracts of <c>AddAriaBilling()</c>.</summary>
internal static class StorageRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TStorage"/> (made by <paramref name="create"/>) as every store, replacing the in-memory
    /// ones whichever is registered first, and once, ahead of every other hosted service, the migration at start (which
    /// does nothing when <paramref name="migrateOnStart"/> says no).
    /// </summary>
    internal static void Register<TStorage>(IServiceCollection services, Func<IServiceProvider, TStorage> create, Func<IServiceProvider, bool> migrateOnStart)
        where TStorage : class, IRelationalStorage
    {
        services.TryAddSingleton(create);
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<TStorage>().SyncRecords));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<TStorage>().SyncOperations));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<TStorage>().PlanChanges));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<TStorage>().JobRuns));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<TStorage>().JobSchedules));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<TStorage>().InvoiceLedger));
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<TStorage>().PaymentTerms));
        if (!services.Any(d => d.ServiceType == typeof(Registered)))
        {
            services.AddSingleton<Registered>();
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp =>
                new MigrateOnStartService(migrateOnStart(sp) ? sp.GetRequiredService<TStorage>().Database : null)));
        }
    }

    /// <summary>Marks the migration at start as registered (one type per provider package).</summary>
    private sealed class Registered;
}
