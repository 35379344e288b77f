namespace Aria.Billing.Invoicing;

/// <summary>A credit memo saved or voided: the memo, its invoice as it is now, and the notice to send (event 948 or 949).</summary>
/// <param name="Memo">The memo, numbered.</param>
/// <param name="Invoice">The invoice after the change.</param>
/// <param name="Notice">The notice.</param>
public sealed record CreditMemoReceipt(CreditMemo Memo, Invoice Invoice, Notice Notice);
