using Aria.Billing.Invoicing;

namespace Aria.Billing.Testing.Invoicing;

/// <summary>An <see cref="IInvoicingDirectory"/> a test fills in: reason codes, billing groups of plan instances, billing groups, contacts.</summary>
public sealed class FakeInvoicingDirectory : IInvoicingDirectory
{
    /// <summary>Reason codes by code (a Credit Memo code "CM-ERR" and a Rebill code "RB-ERR" to begin with).</summary>
    public Dictionary<string, ReasonCode> ReasonCodes { get; } = new(StringComparer.Ordinal)
    {
        ["CM-ERR"] = new("CM-ERR", ReasonCodeType.CreditMemo),
        ["RB-ERR"] = new("RB-ERR", ReasonCodeType.Rebill),
        ["SC-GOODWILL"] = new("SC-GOODWILL", ReasonCodeType.Other),
    };

    /// <summary>The billing group each master plan instance is in now.</summary>
    public Dictionary<PlanInstanceNumber, string> BillingGroupOf { get; } = [];

    /// <summary>Billing groups by id.</summary>
    public Dictionary<string, BillingGroupSnapshot> BillingGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>Contacts by account.</summary>
    public Dictionary<AccountNumber, AccountContacts> Contacts { get; } = [];

    /// <inheritdoc />
    public ValueTask<ReasonCode?> FindReasonCodeAsync(ClientNumber client, string code, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReasonCodes.GetValueOrDefault(code));

    /// <inheritdoc />
    public ValueTask<string?> FindBillingGroupOfAsync(ClientNumber client, PlanInstanceNumber masterPlanInstance, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(BillingGroupOf.GetValueOrDefault(masterPlanInstance));

    /// <inheritdoc />
    public ValueTask<BillingGroupSnapshot?> FindBillingGroupAsync(ClientNumber client, AccountNumber account, string billingGroup, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(BillingGroups.GetValueOrDefault(billingGroup));

    /// <inheritdoc />
    public ValueTask<AccountContacts?> FindContactsAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Contacts.GetValueOrDefault(account));
}
