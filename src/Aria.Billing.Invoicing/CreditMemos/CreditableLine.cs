namespace Aria.Billing.Invoicing;

/// <summary>A charge line a credit memo may credit, and the most it may credit there (<c>get_invoice_cm_details_m</c>).</summary>
/// <param name="Line">The invoice's charge line.</param>
/// <param name="Maximum">The line amount less the credits and credit memos already applied.</param>
public sealed record CreditableLine(InvoiceLine Line, Money Maximum);
