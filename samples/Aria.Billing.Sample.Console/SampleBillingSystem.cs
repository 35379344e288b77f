using System.Collections.Concurrent;
using Aria.Billing.Invoicing;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Plans;

namespace Aria.Billing.Sample;

/// <summary>
/// Stands in for the billing system of record in the sample: it knows the account's plan instances and applies queued
/// changes to them (an assignment creates the instance); for the invoice ledger, its reason codes (CM-ERR for credit
/// memos, RB-RATE for rebills), master plan instance 7 in billing group BG-1, and account 42's contacts — the same as the
/// reference host's demo billing system.
/// </summary>
internal sealed class SampleBillingSystem : IPlanInstanceDirectory, IPlanChangeApplier, IInvoicingDirectory
{
    private static readonly Dictionary<string, ReasonCode> ReasonCodes = new(StringComparer.Ordinal)
    {
        ["CM-ERR"] = new("CM-ERR", ReasonCodeType.CreditMemo),
        ["RB-RATE"] = new("RB-RATE", ReasonCodeType.Rebill),
        ["SC-GOODWILL"] = new("SC-GOODWILL", ReasonCodeType.Other),
    };

    private static readonly BillingGroupSnapshot BillingGroup = new() { Id = "BG-1", PaymentMethod = "card-2", DaysUntilDue = 10, DaysUntilDueMethod = DaysUntilDueMethod.AfterEndOfMonth };

    private static readonly AccountContacts Contacts = new()
    {
        Account = new Contact { Name = "Ada Lovelace", Email = "ada@example.com" },
        Billing = new Contact { Name = "Accounts Payable", Email = "billing@example.com" },
        Statement = new Contact { Name = "Statements (no e-mail on file)", Email = "" },
        Cc = ["finance@example.com"],
        Bcc = ["audit@example.com"],
    };

    private readonly ConcurrentDictionary<PlanInstanceNumber, PlanInstanceSnapshot> _instances = new();

    public void Add(PlanInstanceSnapshot snapshot) => _instances[snapshot.Instance] = snapshot;

    public ValueTask<PlanInstanceSnapshot?> GetAsync(ClientNumber client, PlanInstanceNumber instance, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_instances.TryGetValue(instance, out var snapshot) ? snapshot : null);

    public ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default)
    {
        if (change.Kind == PlanChangeKind.Assign)
        {
            _instances.TryAdd(change.Instance, new PlanInstanceSnapshot
            {
                Instance = change.Instance,
                Parent = change.ParentInstance,
                PlanKind = change.PlanKind,
                ActiveFrom = change.EffectiveDate,
                Cycle = change.PlanKind == PlanKind.Master ? BillingCycle.Anchored(change.EffectiveDate, BillingInterval.Monthly) : null,
            });
        }

        return ValueTask.FromResult<AriaError?>(null);
    }

    public ValueTask<ReasonCode?> FindReasonCodeAsync(ClientNumber client, string code, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReasonCodes.GetValueOrDefault(code));

    public ValueTask<string?> FindBillingGroupOfAsync(ClientNumber client, PlanInstanceNumber masterPlanInstance, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(masterPlanInstance.Value == 7 ? BillingGroup.Id : null);

    public ValueTask<BillingGroupSnapshot?> FindBillingGroupAsync(ClientNumber client, AccountNumber account, string billingGroup, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<BillingGroupSnapshot?>(billingGroup == BillingGroup.Id ? BillingGroup : null);

    public ValueTask<AccountContacts?> FindContactsAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<AccountContacts?>(account.Value == 42 ? Contacts : null);
}
