using System.Collections.Frozen;

namespace Aria.Billing.Plans;

/// <summary>
/// The account's plan instances, every one of them (the rules read the siblings, children and other masters too), with
/// lookups by number and by client-defined id, and the instances the plan-change queue will assign but that do not exist
/// yet (14112). Build it with <see cref="Create"/>.
/// </summary>
public sealed record AccountPlanInstances
{
    /// <summary>No instances.</summary>
    public static AccountPlanInstances Empty { get; } = Create([]);

    /// <summary>The instances by number.</summary>
    public IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceFacts> ByNumber { get; init; } = FrozenDictionary<PlanInstanceNumber, PlanInstanceFacts>.Empty;

    /// <summary>The instances that have a client-defined id, by that id (ordinal).</summary>
    public IReadOnlyDictionary<string, PlanInstanceFacts> ByClientId { get; init; } = FrozenDictionary<string, PlanInstanceFacts>.Empty;

    /// <summary>The instances in queued assignment (queued, not yet executed), with the date their assignment takes effect.</summary>
    public IReadOnlyDictionary<PlanInstanceNumber, NodaTime.LocalDate> QueuedAssignments { get; init; } = FrozenDictionary<PlanInstanceNumber, NodaTime.LocalDate>.Empty;

    /// <summary>The instances with both lookups; a later instance with the same number or client id replaces an earlier one.</summary>
    /// <param name="instances">The account's instances.</param>
    /// <param name="queuedAssignments">The instances in queued assignment, with their dates.</param>
    public static AccountPlanInstances Create(IEnumerable<PlanInstanceFacts> instances, IEnumerable<KeyValuePair<PlanInstanceNumber, NodaTime.LocalDate>>? queuedAssignments = null)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var byNumber = new Dictionary<PlanInstanceNumber, PlanInstanceFacts>();
        foreach (var instance in instances)
        {
            ArgumentNullException.ThrowIfNull(instance, nameof(instances));
            byNumber[instance.Number] = instance;
        }

        var byClientId = new Dictionary<string, PlanInstanceFacts>(StringComparer.Ordinal);
        foreach (var instance in byNumber.Values)
        {
            if (!string.IsNullOrEmpty(instance.ClientId))
            {
                byClientId[instance.ClientId] = instance;
            }
        }

        var queued = new Dictionary<PlanInstanceNumber, NodaTime.LocalDate>();
        foreach (var (number, date) in queuedAssignments ?? [])
        {
            queued[number] = date;
        }

        return new AccountPlanInstances
        {
            ByNumber = byNumber.ToFrozenDictionary(),
            ByClientId = byClientId.ToFrozenDictionary(StringComparer.Ordinal),
            QueuedAssignments = queued.ToFrozenDictionary(),
        };
    }

    /// <summary>These instances with <paramref name="queuedAssignments"/> added to the queued assignments.</summary>
    public AccountPlanInstances WithQueuedAssignments(IEnumerable<KeyValuePair<PlanInstanceNumber, NodaTime.LocalDate>> queuedAssignments)
    {
        ArgumentNullException.ThrowIfNull(queuedAssignments);
        var queued = new Dictionary<PlanInstanceNumber, NodaTime.LocalDate>(QueuedAssignments);
        foreach (var (number, date) in queuedAssignments)
        {
            queued[number] = date;
        }

        return this with { QueuedAssignments = queued.ToFrozenDictionary() };
    }
}
