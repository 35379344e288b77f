namespace Aria.Billing.Invoicing;

/// <summary>A credit memo as it should be written, if the ledger still holds <paramref name="ExpectedVersion"/> of it.</summary>
/// <param name="Memo">The memo's new state.</param>
/// <param name="ExpectedVersion">The version read before the change.</param>
public sealed record CreditMemoUpdate(CreditMemo Memo, long ExpectedVersion);
