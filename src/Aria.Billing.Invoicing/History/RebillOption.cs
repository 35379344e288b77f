namespace Aria.Billing.Invoicing;

/// <summary>Which invoices an account's history lists (<c>rb_option</c> of <c>get_invoice_history_m</c>).</summary>
public enum RebillOption
{
    /// <summary>0 (or none): every invoice, originals and rebills.</summary>
    All = 0,

    /// <summary>1: original invoices only; no rebill.</summary>
    OriginalsOnly = 1,

    /// <summary>2: of the invoices that were rebilled, only the rebills — every one, when an invoice was rebilled several times.</summary>
    RebillsOnly = 2,
}
