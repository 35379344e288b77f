namespace Aria.Billing.Invoicing;

/// <summary>
/// Where the ledger keeps invoices and credit memos. Every implementation (in memory, SQLite, PostgreSQL) passes one
/// conformance suite: imports are idempotent on the invoice number, a <see cref="LedgerWrite"/> is all or nothing, and the
/// numbers of each client sequence are consecutive and unique however many nodes write at once.
/// </summary>
public interface IInvoiceLedgerStore
{
    /// <summary>Adds an imported invoice at version 1; <see langword="false"/> (nothing written) when its number is already in the ledger.</summary>
    Task<bool> AddInvoiceAsync(Invoice invoice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an invoice if the ledger still holds <paramref name="expectedVersion"/>; returns it at its new version, or
    /// <see langword="null"/> (nothing written) when it is missing or was changed meanwhile.
    /// </summary>
    Task<Invoice?> UpdateInvoiceAsync(Invoice updated, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>An invoice, or <see langword="null"/>.</summary>
    Task<Invoice?> GetInvoiceAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default);

    /// <summary>An account's invoices, rebills included, by invoice number.</summary>
    Task<IReadOnlyList<Invoice>> ListInvoicesAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default);

    /// <summary>The highest invoice number of the client, or 0 when it has none.</summary>
    Task<long> GetHighestInvoiceNoAsync(ClientNumber client, CancellationToken cancellationToken = default);

    /// <summary>A credit memo by its id, or <see langword="null"/>.</summary>
    Task<CreditMemo?> GetCreditMemoAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default);

    /// <summary>A credit memo by its number, or <see langword="null"/>.</summary>
    Task<CreditMemo?> FindCreditMemoAsync(ClientNumber client, string number, CancellationToken cancellationToken = default);

    /// <summary>The credit memos of an invoice, voided ones included, in sequence order.</summary>
    Task<IReadOnlyList<CreditMemo>> ListCreditMemosAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default);

    /// <summary>Writes an adjustment, all or nothing.</summary>
    Task<LedgerWriteResult> SaveAsync(LedgerWrite write, CancellationToken cancellationToken = default);
}
