namespace Aria.Billing.Invoicing;

/// <summary>
/// A billing group's payment option once checked: the terms it pays by (marked assigned, so they can no longer be deleted)
/// and, for EAN/GLN terms only, the EAN/GLN numbers. The billing group outputs of <c>get_acct_billing_group_m</c> follow it.
/// </summary>
public sealed record BillingGroupPayment
{
    /// <summary>Methods or terms.</summary>
    public required PaymentOption Option { get; init; }

    /// <summary>The terms, with <see cref="PaymentOption.Terms"/>; <see langword="null"/> with methods.</summary>
    public PaymentTerm? Term { get; init; }

    /// <summary>The EAN or GLN number, with EAN/GLN terms only.</summary>
    public string? EanGlnNumber { get; init; }

    /// <summary>The EAN or GLN requisition number, with EAN/GLN terms only.</summary>
    public string? EanGlnRequisitionNumber { get; init; }
}
