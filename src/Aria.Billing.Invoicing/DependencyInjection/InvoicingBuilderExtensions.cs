using Aria.Billing;
using Aria.Billing.Invoicing;
using Microsoft.Extensions.Configuration;
using Aria.Billing.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the invoicing rules and the invoice ledger to <c>AddAriaBilling()</c>.</summary>
public static class InvoicingBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="InvoiceLedger"/>, the <see cref="CreditMemoService"/> and the <see cref="RebillService"/> over an
    /// <see cref="IInvoiceLedgerStore"/> (in memory unless a storage provider or the app registers one) and the host's
    /// <see cref="IInvoicingDirectory"/>, with validated <see cref="InvoicingOptions"/>, the shared rounding and an
    /// <see cref="ITaxCalculator"/> (<see cref="LineTaxRateCalculator"/> unless the app registers its tax engine); the
    /// <see cref="PaymentTermCatalog"/> over an <see cref="IPaymentTermStore"/> (likewise); the <see cref="TaxableAddressResolver"/>;
    /// and the <see cref="PaymentReminderJob"/> as the handler of the <see cref="InvoicingJobTypes.PaymentReminders"/> job type
    /// (used once <c>AddJobs()</c> is called), over the host's <see cref="IReminderAccountProvider"/> and
    /// <see cref="IPaymentReminderSender"/>, resolved when the job first runs (a host without reminders needs neither).
    /// Calling it again registers nothing twice.
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
        services.TryAddSingleton<ITaxCalculator>(sp => new LineTaxRateCalculator(Rounding(sp)));
        services.TryAddSingleton(sp => new InvoiceLedger(
            sp.GetRequiredService<IInvoiceLedgerStore>(), sp.GetRequiredService<NodaTime.IClock>(), Invoicing(sp), sp.GetService<ILogger<InvoiceLedger>>()));
        services.TryAddSingleton(sp => new CreditMemoService(
            sp.GetRequiredService<IInvoiceLedgerStore>(), Directory(sp), sp.GetRequiredService<NodaTime.IClock>(), Invoicing(sp),
            sp.GetRequiredService<ITaxCalculator>(), sp.GetService<ILogger<CreditMemoService>>()));
        services.TryAddSingleton(sp => new RebillService(
            sp.GetRequiredService<IInvoiceLedgerStore>(), Directory(sp), sp.GetRequiredService<NodaTime.IClock>(), sp.GetRequiredService<ClientTimeZones>(),
            Invoicing(sp), sp.GetRequiredService<ITaxCalculator>(), Rounding(sp), sp.GetService<ILogger<RebillService>>()));
        services.TryAddSingleton<IPaymentTermStore, InMemoryPaymentTermStore>();
        services.TryAddSingleton(sp => new PaymentTermCatalog(sp.GetRequiredService<IPaymentTermStore>()));
        services.TryAddSingleton(sp => new TaxableAddressResolver(Invoicing(sp)));
        services.TryAddSingleton(sp => new PaymentReminderJob(
            sp.GetRequiredService<IInvoiceLedgerStore>(),
            () => sp.GetService<IReminderAccountProvider>() ?? throw new InvalidOperationException(
                "The payment-reminders job needs an IReminderAccountProvider: register the host's view of its accounts (status, dunning, reminder settings and overrides)."),
            () => sp.GetService<IPaymentReminderSender>() ?? throw new InvalidOperationException(
                "The payment-reminders job needs an IPaymentReminderSender: register how the host sends a payment reminder e-mail."),
            sp.GetService<ILogger<PaymentReminderJob>>()));
        services.AddSingleton(new JobHandlerRegistration(InvoicingJobTypes.PaymentReminders, typeof(PaymentReminderJob)));
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

    private static InvoicingOptions Invoicing(IServiceProvider services) => services.GetRequiredService<IOptions<InvoicingOptions>>().Value;

    private static MidpointRounding Rounding(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AriaBillingOptions>>().Value.MidpointRounding;

    private static IInvoicingDirectory Directory(IServiceProvider services) =>
        services.GetService<IInvoicingDirectory>() ?? throw new InvalidOperationException(
            "Credit memos and rebills need an IInvoicingDirectory: register the host's view of the billing system's reason codes, billing groups and contacts.");

    private sealed class InvoicingMarker;
}
