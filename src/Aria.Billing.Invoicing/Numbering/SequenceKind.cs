namespace Aria.Billing.Invoicing;

/// <summary>The client-level sequences the ledger numbers documents from.</summary>
public enum SequenceKind
{
    /// <summary>Credit memo numbers.</summary>
    CreditMemo = 0,

    /// <summary>Rebill numbers.</summary>
    Rebill = 1,
}
