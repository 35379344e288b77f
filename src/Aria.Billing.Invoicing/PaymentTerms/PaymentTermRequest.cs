namespace Aria.Billing.Invoicing;

/// <summary>
/// The inputs of new payment terms as a caller sends them (spec: release-6.50.txt, Enhanced Payment Terms - API,
/// <c>create_payment_terms_m</c>); <see cref="PaymentTermCatalog.CreateAsync"/> checks them and saves the terms.
/// </summary>
public sealed record PaymentTermRequest
{
    /// <summary>The name (<c>pmt_terms_name</c>); required, unique per client. Leading and trailing white space is dropped.</summary>
    public string? Name { get; init; }

    /// <summary>The client-defined id (<c>client_pmt_term_id</c>), unique per client; the name when empty.</summary>
    public string? ClientId { get; init; }

    /// <summary>Net Terms (the default) or EAN/GLN (<c>pmt_terms_type</c>).</summary>
    public PaymentTermsType Type { get; init; }

    /// <summary>The days until an invoice is due (<c>days_until_due</c>); zero or more.</summary>
    public int DaysUntilDue { get; init; }

    /// <summary>How the days until due are counted (<c>days_until_due_method</c>); after the invoice date by default.</summary>
    public DaysUntilDueMethod DaysUntilDueMethod { get; init; }

    /// <summary>The bill lag days (<c>bill_lag_days</c>); <see langword="null"/> for none.</summary>
    public int? BillLagDays { get; init; }

    /// <summary>Whether a surcharge applies (<c>surcharge_applicable</c>).</summary>
    public bool SurchargeApplicable { get; init; }

    /// <summary>The surcharge (<c>surcharge_no</c>): required when a surcharge applies, ignored (dropped) when none does.</summary>
    public long? SurchargeNo { get; init; }

    /// <summary>Whether orders are billed as soon as they are generated (<c>auto_bill_orders</c>).</summary>
    public bool AutoBillOrders { get; init; }

    /// <summary>The payment reminders; <see langword="null"/> for none. When not enabled, the rows are ignored (dropped).</summary>
    public PaymentReminderSettings? Reminders { get; init; }
}
