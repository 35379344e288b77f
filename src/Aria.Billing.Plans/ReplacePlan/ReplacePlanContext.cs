using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>What the validator needs to know about the plan instance being replaced.</summary>
public sealed record ReplacePlanContext
{
    /// <summary>Whether the instance replaced is a master or a supplemental plan instance.</summary>
    public PlanKind PlanKind { get; init; }

    /// <summary>Today in the client's time zone (effective dates must be after it).</summary>
    public required LocalDate Today { get; init; }

    /// <summary>The billing interval of the master plan instance (bounds bill lag days).</summary>
    public BillingInterval Interval { get; init; } = BillingInterval.Monthly;

    /// <summary>Whether a mandatory child supplemental plan will be assigned with charges.</summary>
    public bool AssignsChargingMandatoryChild { get; init; }
}
