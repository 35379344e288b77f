namespace Aria.Billing.Invoicing;

/// <summary>A credit memo worked out on an invoice, before it is saved: the invoice as it will be, and the memo (not yet numbered).</summary>
/// <param name="Invoice">The invoice with the memo applied and the displaced payments and credits removed.</param>
/// <param name="Memo">The memo.</param>
public sealed record CreditMemoPlan(Invoice Invoice, CreditMemo Memo);
