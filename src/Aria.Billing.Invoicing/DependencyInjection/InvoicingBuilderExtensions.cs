using Aria.Billing;
using Aria.Billing.Invoicing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the invoicing rules and the invoice ledger to <c>AddAriaBilling()</c>.</summary>
public static class InvoicingBuilderExtensions
{
    /// <summary>
    /// Registers the invoice ledger over an <see cref="IInvoiceLedgerStore"/> (in memory unless a storage provider or the
    /// app registers one), with validated <see cref="InvoicingOptions"/>. Calling it again registers nothing twice.
    /// </summary>
    public static IAriaBillingBuilder AddInvoicing(this IAriaBillingBuilder builder, Action<InvoicingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(InvoicingMarker)))
        {
            return builder;
        }

        services.AddSingleton<InvoicingMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(InvoicingOptions.Rules.Validator()));
        services.AddOptions<InvoicingOptions>().ValidateOnStart();
        services.TryAddSingleton<IInvoiceLedgerStore, InMemoryInvoiceLedgerStore>();
        return builder;
    }

    /// <summary>As <see cref="AddInvoicing(IAriaBillingBuilder, Action{InvoicingOptions}?)"/>, binding <see cref="InvoicingOptions"/> to a configuration section (by convention <c>AriaBilling:Invoicing</c>).</summary>
    public static IAriaBillingBuilder AddInvoicing(this IAriaBillingBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<InvoicingOptions>(configuration);
        return builder.AddInvoicing();
    }

    private sealed class InvoicingMarker;
}
