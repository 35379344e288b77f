namespace Aria.Billing.Invoicing;

/// <summary>A rebill saved.</summary>
/// <param name="Rebill">The rebill, numbered from the client's rebill sequence.</param>
/// <param name="Original">The rebilled invoice as it is now.</param>
/// <param name="CreditMemo">The credit memo for the difference, numbered; <see langword="null"/> when nothing differed.</param>
/// <param name="Notices">The rebill's notice, and event 948 for its credit memo.</param>
/// <param name="Collect">Whether to collect from the account now ("Autocollect on Rebill"), by the rebill's payment method.</param>
public sealed record RebillReceipt(Invoice Rebill, Invoice Original, CreditMemo? CreditMemo, IReadOnlyList<Notice> Notices, bool Collect);
