using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// The host's view of the accounts the payment reminders go to, as the billing system of record holds them now. The
/// invoices come from the package's ledger (<see cref="IInvoiceLedgerStore"/>); this supplies the rest.
/// </summary>
public interface IReminderAccountProvider
{
    /// <summary>
    /// The accounts of <paramref name="client"/> that may have a payment reminder due on <paramref name="date"/>: at least
    /// every account with an unpaid invoice in the ledger (listing more only costs reading their invoices).
    /// </summary>
    ValueTask<IReadOnlyList<AccountNumber>> ListAccountsAsync(ClientNumber client, LocalDate date, CancellationToken cancellationToken = default);

    /// <summary>An account's status, dunning state and reminder settings, or <see langword="null"/> when it is unknown (no reminders).</summary>
    ValueTask<ReminderAccount?> FindAccountAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default);
}
