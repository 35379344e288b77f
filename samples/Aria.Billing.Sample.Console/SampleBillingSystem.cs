using System.Collections.Concurrent;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Plans;

namespace Aria.Billing.Sample;

/// <summary>
/// Stands in for the billing system of record in the sample: it knows the account's plan instances and applies queued
/// changes to them (an assignment creates the instance).
/// </summary>
internal sealed class SampleBillingSystem : IPlanInstanceDirectory, IPlanChangeApplier
{
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
}
