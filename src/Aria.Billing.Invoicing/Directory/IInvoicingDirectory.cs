namespace Aria.Billing.Invoicing;

/// <summary>
/// The host's view of what the billing system of record holds beside its invoices: reason codes, where master plan
/// instances are billed now, billing groups and account contacts. The adjustments read it to check their rules.
/// </summary>
public interface IInvoicingDirectory
{
    /// <summary>The client's reason code <paramref name="code"/>, or <see langword="null"/> when it has none.</summary>
    ValueTask<ReasonCode?> FindReasonCodeAsync(ClientNumber client, string code, CancellationToken cancellationToken = default);

    /// <summary>The billing group a master plan instance is in now, or <see langword="null"/> when it is in none (or is unknown).</summary>
    ValueTask<string?> FindBillingGroupOfAsync(ClientNumber client, PlanInstanceNumber masterPlanInstance, CancellationToken cancellationToken = default);

    /// <summary>A billing group of an account as it is now, or <see langword="null"/>.</summary>
    ValueTask<BillingGroupSnapshot?> FindBillingGroupAsync(ClientNumber client, AccountNumber account, string billingGroup, CancellationToken cancellationToken = default);

    /// <summary>An account's contacts, or <see langword="null"/> when the account is unknown.</summary>
    ValueTask<AccountContacts?> FindContactsAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default);
}
