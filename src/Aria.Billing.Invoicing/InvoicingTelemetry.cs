using System.Diagnostics.Metrics;

namespace Aria.Billing.Invoicing;

/// <summary>The package's <see cref="Meter"/>, named <c>Aria.Billing.Invoicing</c>, so that OpenTelemetry picks it up without adapters.</summary>
public static class InvoicingTelemetry
{
    /// <summary>The name of the meter.</summary>
    public const string Name = "Aria.Billing.Invoicing";

    private static readonly Meter Meter = new(Name);

    /// <summary>Credit memos saved, tagged <c>origin</c> (<c>manual</c> or <c>rebill</c>).</summary>
    internal static readonly Counter<long> CreditMemosCreated = Meter.CreateCounter<long>("aria.billing.invoicing.credit_memos_created", "{memo}", "Credit memos saved.");

    /// <summary>Rebills saved.</summary>
    internal static readonly Counter<long> RebillsCreated = Meter.CreateCounter<long>("aria.billing.invoicing.rebills_created", "{rebill}", "Rebills saved.");

    /// <summary>Credit memos and invoices voided, tagged <c>document</c>.</summary>
    internal static readonly Counter<long> Voided = Meter.CreateCounter<long>("aria.billing.invoicing.voided", "{document}", "Credit memos and invoices voided.");

    /// <summary>Adjustments that found their invoice changed by another writer and were worked out again.</summary>
    internal static readonly Counter<long> WriteConflicts = Meter.CreateCounter<long>("aria.billing.invoicing.write_conflicts", "{conflict}", "Ledger writes retried after another writer changed the invoice.");
}
