namespace Aria.Billing.Invoicing;

/// <summary>Where an invoice is in its life (spec: release-6.50.txt, Credit Memo/Rebills: pending and voided invoices take no adjustment).</summary>
public enum InvoiceState
{
    /// <summary>Generated but not yet approved or posted; takes no credit memo and no rebill.</summary>
    Pending = 0,

    /// <summary>Posted to the account: the only state adjustments apply to.</summary>
    Posted = 1,

    /// <summary>Voided; final.</summary>
    Voided = 2,
}
