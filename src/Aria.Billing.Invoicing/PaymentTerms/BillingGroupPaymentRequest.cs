namespace Aria.Billing.Invoicing;

/// <summary>
/// The payment part of a billing group as a caller sends it (spec: release-6.50.txt, Enhanced Payment Terms - API,
/// <c>billing_group_row</c> of <c>create_acct_billing_group_m</c> and the other account APIs); checked by
/// <see cref="PaymentTermCatalog.AssignToBillingGroupAsync"/>.
/// </summary>
public sealed record BillingGroupPaymentRequest
{
    /// <summary>Methods or terms (<c>payment_option</c>).</summary>
    public PaymentOption Option { get; init; }

    /// <summary>The terms, with <see cref="PaymentOption.Terms"/> (the API sends <c>client_payment_term_id</c>); ignored with methods.</summary>
    public PaymentTermKey? Term { get; init; }

    /// <summary>The EAN or GLN number (<c>ean_gln_num</c>): required with EAN/GLN terms, ignored otherwise.</summary>
    public string? EanGlnNumber { get; init; }

    /// <summary>The EAN or GLN requisition number (<c>ean_gln_requisition_num</c>): required with EAN/GLN terms, ignored otherwise.</summary>
    public string? EanGlnRequisitionNumber { get; init; }
}
