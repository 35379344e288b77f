using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// Payment terms of a client as stored (spec: release-6.50.txt, Enhanced Payment Terms DEV-7151 and its API part,
/// <c>create_payment_terms_m</c> / <c>get_payment_terms_m</c>). Made by <see cref="PaymentTermCatalog.CreateAsync"/>, which
/// checks the rules; the store gives the number.
/// </summary>
public sealed record PaymentTerm
{
    /// <summary>The client the terms belong to.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The number the store gave the terms (<c>pmt_terms_no</c>), unique per client and never reused; 0 before they are saved.</summary>
    public long Number { get; init; }

    /// <summary>The name (<c>pmt_terms_name</c>), unique per client.</summary>
    public required string Name { get; init; }

    /// <summary>The client-defined id (<c>client_pmt_term_id</c>), unique per client; the name when none was given.</summary>
    public required string ClientId { get; init; }

    /// <summary>Net Terms or EAN/GLN (<c>pmt_terms_type</c>).</summary>
    public PaymentTermsType Type { get; init; }

    /// <summary>The days until an invoice is due (<c>days_until_due</c>); zero or more.</summary>
    public int DaysUntilDue { get; init; }

    /// <summary>How <see cref="DaysUntilDue"/> is counted (<c>days_until_due_method</c>).</summary>
    public DaysUntilDueMethod DaysUntilDueMethod { get; init; }

    /// <summary>
    /// The terms' bill lag days (<c>bill_lag_days</c>), negative before the bill date; <see langword="null"/> when the terms set
    /// none. A master plan instance's or collection group's value overrides it; it overrides the client's. Its bounds depend on
    /// the billing interval of the plan it is applied to, so they are checked there (Plans' <c>BillLagCalculator</c>).
    /// </summary>
    public int? BillLagDays { get; init; }

    /// <summary>The surcharge of the terms (<c>surcharge_no</c>); <see langword="null"/> when no surcharge applies.</summary>
    public long? SurchargeNo { get; init; }

    /// <summary>Whether a surcharge applies (<c>surcharge_applicable</c>).</summary>
    public bool SurchargeApplicable => SurchargeNo is not null;

    /// <summary>Whether orders are billed as soon as they are generated (<c>auto_bill_orders</c>); the order creation may override it.</summary>
    public bool AutoBillOrders { get; init; }

    /// <summary>The payment reminders (<c>pmt_reminder</c>, <c>pmt_reminder_active_accts_only</c>, <c>pmt_reminder_row</c>).</summary>
    public PaymentReminderSettings Reminders { get; init; } = PaymentReminderSettings.Disabled;

    /// <summary>
    /// Whether the terms were ever assigned to a billing group: then they can no longer be deleted, even after the group
    /// moved to other terms. Set by the store (<see cref="IPaymentTermStore.MarkAssignedAsync"/>).
    /// </summary>
    public bool EverAssigned { get; init; }

    /// <summary>The store's version of the terms, raised by every write.</summary>
    public long Version { get; init; }

    /// <summary>The due date of an invoice dated <paramref name="invoiceDate"/> under these terms.</summary>
    public LocalDate DueDate(LocalDate invoiceDate) => DueDateCalculator.DueDate(invoiceDate, DaysUntilDue, DaysUntilDueMethod);

    /// <summary>Whether <paramref name="key"/> names these terms.</summary>
    public bool Matches(PaymentTermKey key) => key.Kind switch
    {
        PaymentTermKeyKind.Number => Number == key.Number,
        PaymentTermKeyKind.Name => string.Equals(Name, key.Text, StringComparison.Ordinal),
        PaymentTermKeyKind.ClientId => string.Equals(ClientId, key.Text, StringComparison.Ordinal),
        _ => false,
    };
}
