namespace Aria.Billing.Plans;

/// <summary>A rate schedule of a plan in the product catalog.</summary>
public sealed record CatalogRateSchedule
{
    /// <summary>The rate schedule number (<c>alt_rate_schedule_no</c>).</summary>
    public required long Number { get; init; }

    /// <summary>The client-defined rate schedule id (<c>client_alt_rate_schedule_id</c>), if any; compared ordinally.</summary>
    public string? ClientId { get; init; }

    /// <summary>The plan the schedule belongs to (an alternate schedule must be the new plan's: 14006).</summary>
    public required PlanNumber Plan { get; init; }

    /// <summary>The currency its rates are in (14012, 14013, 14300).</summary>
    public required Currency Currency { get; init; }

    /// <summary>Whether it is the plan's default schedule for its currency (the base of custom rates when no alternate is given).</summary>
    public bool IsDefault { get; init; }

    /// <summary>Whether it can be assigned (an inactive schedule counts as absent).</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Its tiers by service number, in sequence order: custom rates keep their number and their units (14014).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<RateTier>> Tiers { get; init; } = new Dictionary<long, IReadOnlyList<RateTier>>();

    /// <summary>The schedule it rolls over to when a contract completes, if any (it must be in the account's currency: 16021).</summary>
    public long? RolloverRateSchedule { get; init; }
}
