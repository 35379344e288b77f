namespace Aria.Billing.Invoicing;

/// <summary>Why the ledger wrote nothing of a <see cref="LedgerWrite"/>.</summary>
public enum LedgerConflict
{
    /// <summary>Nothing stood in the way: the write was saved.</summary>
    None = 0,

    /// <summary>An invoice or memo to update is missing or no longer at its expected version: read again and retry.</summary>
    VersionChanged = 1,

    /// <summary>The new invoice's number is already in the ledger.</summary>
    InvoiceNumberTaken = 2,

    /// <summary>A credit memo with the new memo's id is already in the ledger (the write was made before).</summary>
    DuplicateCreditMemo = 3,

    /// <summary>A sequence has no number left within its digit count.</summary>
    SequenceExhausted = 4,
}
