namespace Aria.Billing.Invoicing;

/// <summary>
/// An invoice voided. Voiding a rebill also voids the credit memo it made on its original, which then cannot be rebilled
/// again (<see cref="Invoice.RebillVoided"/>).
/// </summary>
/// <param name="Invoice">The invoice, voided.</param>
/// <param name="Original">For a rebill, its predecessor as it is now.</param>
/// <param name="CreditMemo">For a rebill, the credit memo for the difference, voided with it.</param>
public sealed record VoidedInvoice(Invoice Invoice, Invoice? Original, CreditMemo? CreditMemo);
