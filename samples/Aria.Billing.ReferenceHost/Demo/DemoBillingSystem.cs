using System.Collections.Concurrent;
using System.Text.Json;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;
using Aria.Billing.Plans;

namespace Aria.Billing.ReferenceHost.Demo;

/// <summary>
/// Stands in for the billing system of record and the rating engine, so the reference host runs on its own. Replace it
/// with your integration: an <see cref="IPlanInstanceDirectory"/> and <see cref="IPlanChangeApplier"/> over the billing
/// system, an <see cref="ISyncRecordHandler"/> that pushes a record, an <see cref="IJobHandler"/> per job type, and an
/// <see cref="IInvoicingDirectory"/> over the billing system's reason codes, billing groups and contacts.
/// </summary>
/// <remarks>
/// Plan instances: any instance is an active master plan billed monthly on day 1 unless a change assigned it otherwise.
/// Sync records: a record whose payload has <c>"error": "CODE"</c> fails with that code — every time, or only when first
/// processed if the payload also says <c>"fixed_on_reprocess": true</c> (a cause the operator fixed); others complete.
/// Jobs: every job produces <c>WorkItemsPerJob</c> items (configuration <c>AriaHost:Demo:WorkItemsPerJob</c>, default 20)
/// that all succeed.
/// Slow work for load and shutdown tests: <c>AriaHost:Demo:SyncDelay</c> and <c>AriaHost:Demo:WorkItemDelay</c> (default none)
/// make each record and each item take that long (observing cancellation); <see cref="DemoInvocationLog"/> counts invocations.
/// Invoicing: the reason codes, billing groups (with the master plan instances in each) and account contacts under
/// <c>AriaHost:Demo:Invoicing</c> (see <see cref="DemoInvoicing"/>), the same for every client.
/// </remarks>
public sealed class DemoBillingSystem(IConfiguration configuration, DemoInvocationLog? invocations = null) : IPlanInstanceDirectory, IPlanChangeApplier, ISyncRecordHandler, IJobHandler, IInvoicingDirectory
{
    private readonly ConcurrentDictionary<(ClientNumber, PlanInstanceNumber), PlanInstanceSnapshot> _instances = new();

    /// <inheritdoc />
    public ValueTask<PlanInstanceSnapshot?> GetAsync(ClientNumber client, PlanInstanceNumber instance, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<PlanInstanceSnapshot?>(_instances.GetValueOrDefault((client, instance)) ?? new PlanInstanceSnapshot
        {
            Instance = instance, PlanKind = PlanKind.Master, ActiveFrom = new NodaTime.LocalDate(2020, 1, 1), Cycle = BillingCycle.Monthly(1),
        });

    /// <inheritdoc />
    public ValueTask<AriaError?> ApplyAsync(PlanChange change, CancellationToken cancellationToken = default)
    {
        if (change.Kind == PlanChangeKind.Assign)
        {
            _instances[(change.Client, change.Instance)] = new PlanInstanceSnapshot
            {
                Instance = change.Instance, Parent = change.ParentInstance, PlanKind = change.PlanKind, ActiveFrom = change.EffectiveDate,
                Cycle = change.PlanKind == PlanKind.Master ? BillingCycle.Anchored(change.EffectiveDate, BillingInterval.Monthly) : null,
            };
        }

        return ValueTask.FromResult<AriaError?>(null);
    }

    /// <inheritdoc />
    public async ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (configuration.GetValue("AriaHost:Demo:SyncDelay", TimeSpan.Zero) is { Ticks: > 0 } delay)
        {
            await Task.Delay(delay, TimeProvider.System, cancellationToken);
        }

        invocations?.Sync(record.Client, record.Domain, record.EventId);
        return Outcome(record);
    }

    private static SyncOutcome Outcome(SyncRecord record)
    {
        try
        {
            using var payload = JsonDocument.Parse(record.Payload);
            var root = payload.RootElement;
            var fixedOnReprocess = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("fixed_on_reprocess", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var code) && code.GetString() is { Length: > 0 } text
                && !(fixedOnReprocess && record.Attempts.Count > 0))
            {
                return SyncOutcome.Error(text, $"{record.ObjectName} {record.ActionName} failed in the demo billing system");
            }
        }
        catch (JsonException)
        {
            return SyncOutcome.Error("INVALID_PAYLOAD", "The payload is not JSON.");
        }

        return SyncOutcome.Complete;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default)
    {
        var count = configuration.GetValue("AriaHost:Demo:WorkItemsPerJob", 20);
        return ValueTask.FromResult<IReadOnlyList<string>>([.. Enumerable.Range(1, count).Select(i => $"{job.JobType}-{i}")]);
    }

    /// <inheritdoc />
    public async ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (configuration.GetValue("AriaHost:Demo:WorkItemDelay", TimeSpan.Zero) is { Ticks: > 0 } delay)
        {
            await Task.Delay(delay, TimeProvider.System, cancellationToken);
        }

        invocations?.Item(item.RunId, item.JobIndex, item.Key);
        return null;
    }

    /// <inheritdoc />
    public ValueTask<ReasonCode?> FindReasonCodeAsync(ClientNumber client, string code, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Invoicing().ReasonCodes.TryGetValue(code, out var type) ? new ReasonCode(code, type) : null);

    /// <inheritdoc />
    public ValueTask<string?> FindBillingGroupOfAsync(ClientNumber client, PlanInstanceNumber masterPlanInstance, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(Invoicing().BillingGroups.FirstOrDefault(g => g.Value.MasterPlanInstances.Contains(masterPlanInstance.Value)).Key);

    /// <inheritdoc />
    public ValueTask<BillingGroupSnapshot?> FindBillingGroupAsync(ClientNumber client, AccountNumber account, string billingGroup, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Invoicing().BillingGroups.TryGetValue(billingGroup, out var group)
            ? new BillingGroupSnapshot { Id = billingGroup, PaymentMethod = group.PaymentMethod, DaysUntilDue = group.DaysUntilDue, DaysUntilDueMethod = group.DaysUntilDueMethod }
            : null);

    /// <inheritdoc />
    public ValueTask<AccountContacts?> FindContactsAsync(ClientNumber client, AccountNumber account, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Invoicing().Accounts.GetValueOrDefault(account.Value));

    /// <summary>The demo's invoicing data as configured now.</summary>
    private DemoInvoicing Invoicing() => configuration.GetSection(DemoInvoicing.SectionName).Get<DemoInvoicing>() ?? new DemoInvoicing();
}

/// <summary>What the demo billing system holds beside its invoices (configuration <c>AriaHost:Demo:Invoicing</c>).</summary>
public sealed class DemoInvoicing
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AriaHost:Demo:Invoicing";

    /// <summary>The reason codes and their types, e.g. <c>{ "CM-ERR": "CreditMemo", "RB-RATE": "Rebill" }</c>.</summary>
    public Dictionary<string, ReasonCodeType> ReasonCodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The billing groups by id.</summary>
    public Dictionary<string, DemoBillingGroup> BillingGroups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The contacts of each account, by account number.</summary>
    public Dictionary<long, AccountContacts> Accounts { get; set; } = [];
}

/// <summary>A billing group of the demo: how it pays now, and the master plan instances billed in it.</summary>
public sealed class DemoBillingGroup
{
    /// <summary>The payment method or terms the group collects by now.</summary>
    public string? PaymentMethod { get; set; }

    /// <summary>The days until due of its payment method or terms.</summary>
    public int DaysUntilDue { get; set; }

    /// <summary>How those days are counted.</summary>
    public DaysUntilDueMethod DaysUntilDueMethod { get; set; }

    /// <summary>The master plan instances in the group now.</summary>
    public List<long> MasterPlanInstances { get; set; } = [];
}
