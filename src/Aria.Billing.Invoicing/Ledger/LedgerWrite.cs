namespace Aria.Billing.Invoicing;

/// <summary>
/// One adjustment written to the ledger at once, or not at all: invoices and memos updated (each compare-and-swap on its
/// version), at most one new invoice (a rebill) and at most one new credit memo. New documents get the next numbers of
/// the client's sequences inside the same transaction, so a number is used exactly when its document is saved.
/// </summary>
public sealed record LedgerWrite
{
    /// <summary>The client every document of the write belongs to.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>Invoices to update.</summary>
    public IReadOnlyList<InvoiceUpdate> InvoiceUpdates { get; init; } = [];

    /// <summary>Credit memos to update (a void).</summary>
    public IReadOnlyList<CreditMemoUpdate> CreditMemoUpdates { get; init; } = [];

    /// <summary>A new invoice (a rebill), written at version 1; its number must not be in the ledger yet.</summary>
    public Invoice? NewInvoice { get; init; }

    /// <summary>When set, <see cref="NewInvoice"/> gets the next number of the client's rebill sequence as its <see cref="Invoice.RebillNumber"/>.</summary>
    public NumberSequence? RebillNumbering { get; init; }

    /// <summary>A new credit memo, written at version 1 with the next number of the client's credit memo sequence.</summary>
    public CreditMemo? NewCreditMemo { get; init; }

    /// <summary>The client's credit memo sequence; required with <see cref="NewCreditMemo"/>.</summary>
    public NumberSequence? CreditMemoNumbering { get; init; }
}
