namespace Aria.Billing.Invoicing;

/// <summary>What a <see cref="LedgerWrite"/> did: the new documents as saved (with their numbers and versions), or the conflict that stopped it.</summary>
public sealed record LedgerWriteResult
{
    /// <summary>Why nothing was written; <see cref="LedgerConflict.None"/> when the write was saved.</summary>
    public LedgerConflict Conflict { get; init; }

    /// <summary>Whether the write was saved.</summary>
    public bool Saved => Conflict == LedgerConflict.None;

    /// <summary>The new invoice as saved, with its rebill number.</summary>
    public Invoice? NewInvoice { get; init; }

    /// <summary>The new credit memo as saved, with its number.</summary>
    public CreditMemo? NewCreditMemo { get; init; }

    /// <summary>A write that was saved.</summary>
    public static LedgerWriteResult Written(Invoice? newInvoice, CreditMemo? newCreditMemo) => new() { NewInvoice = newInvoice, NewCreditMemo = newCreditMemo };

    /// <summary>A write that was not saved.</summary>
    public static LedgerWriteResult Refused(LedgerConflict conflict) => new() { Conflict = conflict };
}
