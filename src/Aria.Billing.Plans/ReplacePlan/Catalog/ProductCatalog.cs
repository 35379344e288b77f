using System.Collections.Frozen;

namespace Aria.Billing.Plans;

/// <summary>
/// The part of the client's product catalog a replace-plan request touches, with lookups by number and by client-defined
/// id. Build it with <see cref="Create"/>; an entry the catalog lacks is "does not exist" to the rules (14004, 14006, 14107 …).
/// </summary>
public sealed record ProductCatalog
{
    /// <summary>An empty catalog.</summary>
    public static ProductCatalog Empty { get; } = Create();

    /// <summary>The plans by number.</summary>
    public IReadOnlyDictionary<PlanNumber, CatalogPlan> Plans { get; init; } = FrozenDictionary<PlanNumber, CatalogPlan>.Empty;

    /// <summary>The plans that have a client-defined id, by that id (ordinal).</summary>
    public IReadOnlyDictionary<string, CatalogPlan> PlansByClientId { get; init; } = FrozenDictionary<string, CatalogPlan>.Empty;

    /// <summary>The rate schedules by number.</summary>
    public IReadOnlyDictionary<long, CatalogRateSchedule> RateSchedules { get; init; } = FrozenDictionary<long, CatalogRateSchedule>.Empty;

    /// <summary>The rate schedules that have a client-defined id, by that id (ordinal).</summary>
    public IReadOnlyDictionary<string, CatalogRateSchedule> RateSchedulesByClientId { get; init; } = FrozenDictionary<string, CatalogRateSchedule>.Empty;

    /// <summary>The services by number.</summary>
    public IReadOnlyDictionary<long, CatalogService> Services { get; init; } = FrozenDictionary<long, CatalogService>.Empty;

    /// <summary>The services that have a client-defined id, by that id (ordinal).</summary>
    public IReadOnlyDictionary<string, CatalogService> ServicesByClientId { get; init; } = FrozenDictionary<string, CatalogService>.Empty;

    /// <summary>The product field definitions by name (without regard to case).</summary>
    public IReadOnlyDictionary<string, PlanInstanceFieldDefinition> PlanInstanceFields { get; init; } = FrozenDictionary<string, PlanInstanceFieldDefinition>.Empty;

    /// <summary>The promotion codes that can be given (without regard to case; 14033 for others).</summary>
    public IReadOnlySet<string> PromoCodes { get; init; } = FrozenSet<string>.Empty;

    /// <summary>The coupons by code (without regard to case).</summary>
    public IReadOnlyDictionary<string, CatalogCoupon> Coupons { get; init; } = FrozenDictionary<string, CatalogCoupon>.Empty;

    /// <summary>The surcharges by number.</summary>
    public IReadOnlyDictionary<long, CatalogSurcharge> Surcharges { get; init; } = FrozenDictionary<long, CatalogSurcharge>.Empty;

    /// <summary>The service locations by number.</summary>
    public IReadOnlyDictionary<long, ServiceLocation> ServiceLocations { get; init; } = FrozenDictionary<long, ServiceLocation>.Empty;

    /// <summary>The service locations that have a client-defined id, by that id (ordinal).</summary>
    public IReadOnlyDictionary<string, ServiceLocation> ServiceLocationsByClientId { get; init; } = FrozenDictionary<string, ServiceLocation>.Empty;

    /// <summary>The client-defined ids of the client's account groups (collection groups; 12010 for others), ordinal.</summary>
    public IReadOnlySet<string> AccountGroups { get; init; } = FrozenSet<string>.Empty;

    /// <summary>The supplemental plan exclusion groups: a master plan instance has at most one plan of each group (14022).</summary>
    public IReadOnlyList<IReadOnlyCollection<PlanNumber>> SupplementalExclusionGroups { get; init; } = [];

    /// <summary>A catalog with every lookup built; a later entry with the same key replaces an earlier one.</summary>
    /// <param name="plans">The plans.</param>
    /// <param name="rateSchedules">The rate schedules of the plans.</param>
    /// <param name="services">The services.</param>
    /// <param name="planInstanceFields">The product field definitions.</param>
    /// <param name="promoCodes">The promotion codes.</param>
    /// <param name="coupons">The coupons.</param>
    /// <param name="surcharges">The surcharges.</param>
    /// <param name="serviceLocations">The service locations.</param>
    /// <param name="accountGroups">The client-defined ids of the account groups.</param>
    /// <param name="supplementalExclusionGroups">The supplemental plan exclusion groups.</param>
    public static ProductCatalog Create(
        IEnumerable<CatalogPlan>? plans = null,
        IEnumerable<CatalogRateSchedule>? rateSchedules = null,
        IEnumerable<CatalogService>? services = null,
        IEnumerable<PlanInstanceFieldDefinition>? planInstanceFields = null,
        IEnumerable<string>? promoCodes = null,
        IEnumerable<CatalogCoupon>? coupons = null,
        IEnumerable<CatalogSurcharge>? surcharges = null,
        IEnumerable<ServiceLocation>? serviceLocations = null,
        IEnumerable<string>? accountGroups = null,
        IEnumerable<IEnumerable<PlanNumber>>? supplementalExclusionGroups = null)
    {
        var planList = Last(plans, p => p.Number);
        var scheduleList = Last(rateSchedules, s => s.Number);
        var serviceList = Last(services, s => s.Number);
        var locationList = Last(serviceLocations, l => l.Number);
        return new ProductCatalog
        {
            Plans = planList.ToFrozenDictionary(p => p.Number),
            PlansByClientId = ByClientId(planList, p => p.ClientId),
            RateSchedules = scheduleList.ToFrozenDictionary(s => s.Number),
            RateSchedulesByClientId = ByClientId(scheduleList, s => s.ClientId),
            Services = serviceList.ToFrozenDictionary(s => s.Number),
            ServicesByClientId = ByClientId(serviceList, s => s.ClientId),
            PlanInstanceFields = Last(planInstanceFields, f => f.Name, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase),
            PromoCodes = (promoCodes ?? []).Where(c => !string.IsNullOrEmpty(c)).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            Coupons = Last(coupons, c => c.Code, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase),
            Surcharges = Last(surcharges, s => s.Number).ToFrozenDictionary(s => s.Number),
            ServiceLocations = locationList.ToFrozenDictionary(l => l.Number),
            ServiceLocationsByClientId = ByClientId(locationList, l => l.ClientId),
            AccountGroups = (accountGroups ?? []).Where(g => !string.IsNullOrEmpty(g)).ToFrozenSet(StringComparer.Ordinal),
            SupplementalExclusionGroups = [.. (supplementalExclusionGroups ?? []).Select(g => (IReadOnlyCollection<PlanNumber>)(g ?? []).ToFrozenSet())],
        };
    }

    /// <summary>The active rate schedules of <paramref name="plan"/>, by number.</summary>
    public IEnumerable<CatalogRateSchedule> SchedulesOf(PlanNumber plan) =>
        RateSchedules.Values.Where(s => s is not null && s.Plan == plan && s.IsActive).OrderBy(s => s.Number);

    private static List<T> Last<T, TKey>(IEnumerable<T>? items, Func<T, TKey> key, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        var byKey = new Dictionary<TKey, T>(comparer);
        foreach (var item in items ?? [])
        {
            if (item is not null && key(item) is { } k)
            {
                byKey[k] = item;
            }
        }

        return [.. byKey.Values];
    }

    private static FrozenDictionary<string, T> ByClientId<T>(IEnumerable<T> items, Func<T, string?> clientId)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (clientId(item) is { Length: > 0 } id)
            {
                byId[id] = item;
            }
        }

        return byId.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
