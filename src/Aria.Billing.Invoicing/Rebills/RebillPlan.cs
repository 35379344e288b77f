namespace Aria.Billing.Invoicing;

/// <summary>A rebill worked out, before it is saved.</summary>
/// <param name="Original">The rebilled invoice as it will be: linked to its rebill, lines left out marked, the credit memo for the difference applied.</param>
/// <param name="Rebill">The rebill (not yet numbered).</param>
/// <param name="CreditMemo">The credit memo for the difference between the original and the rebilled amounts; <see langword="null"/> when nothing differs.</param>
public sealed record RebillPlan(Invoice Original, Invoice Rebill, CreditMemo? CreditMemo);
