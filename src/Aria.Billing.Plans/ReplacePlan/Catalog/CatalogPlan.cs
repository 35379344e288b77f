namespace Aria.Billing.Plans;

/// <summary>A plan of the product catalog, with what the replace-plan rules read of it.</summary>
public sealed record CatalogPlan
{
    /// <summary>The plan number (<c>new_plan_no</c>).</summary>
    public required PlanNumber Number { get; init; }

    /// <summary>The client-defined plan id (<c>new_client_plan_id</c>), if any; compared ordinally.</summary>
    public string? ClientId { get; init; }

    /// <summary>A master or a supplemental plan.</summary>
    public PlanKind Kind { get; init; }

    /// <summary>The billing interval: bounds bill lag days on a master plan replacement (14310, 14311).</summary>
    public BillingInterval Interval { get; init; } = BillingInterval.Monthly;

    /// <summary>Whether the plan charges (a free plan does not): a billable mandatory child rules out credit-only proration (1101).</summary>
    public bool IsBillable { get; init; } = true;

    /// <summary>The supplemental plans eligible under this plan (14008, 14075).</summary>
    public IReadOnlyCollection<PlanNumber> SupplementalPlans { get; init; } = [];

    /// <summary>The supplemental plans assigned with this plan as mandatory children.</summary>
    public IReadOnlyCollection<PlanNumber> MandatoryChildPlans { get; init; } = [];

    /// <summary>The services of the plan (a custom rate's service must be one: 14005).</summary>
    public IReadOnlyCollection<long> Services { get; init; } = [];

    /// <summary>The plan instance fields mapped to the plan, by name (5052).</summary>
    public IReadOnlyCollection<string> PlanInstanceFields { get; init; } = [];

    /// <summary>The fewest units an instance of the plan may have (14086); none when <see langword="null"/>.</summary>
    public decimal? MinUnits { get; init; }

    /// <summary>The most units an instance of the plan may have (14087); none when <see langword="null"/>.</summary>
    public decimal? MaxUnits { get; init; }

    /// <summary>Whether the plan's rating model rates usage per record (usage pooling is then refused: 14402).</summary>
    public bool RatesUsagePerRecord { get; init; }

    /// <summary>The plan the instance rolls over to, if any (it needs a rate schedule in the account's currency: 14317).</summary>
    public PlanNumber? RolloverPlan { get; init; }

    /// <summary>Whether cancelling an instance of the plan charges a cancellation fee.</summary>
    public bool HasCancellationFee { get; init; }
}
