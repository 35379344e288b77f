using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans;

/// <summary>One plan instance of the account, as the billing system has it now.</summary>
public sealed record PlanInstanceFacts
{
    /// <summary>The plan instance number (<c>plan_instance_no</c>).</summary>
    public required PlanInstanceNumber Number { get; init; }

    /// <summary>The client-defined plan instance id (<c>client_plan_instance_id</c>), if any; compared ordinally.</summary>
    public string? ClientId { get; init; }

    /// <summary>The plan the instance is on; the catalog must know it (otherwise the facts are inconsistent: 1001).</summary>
    public required PlanNumber Plan { get; init; }

    /// <summary>The parent instance of a supplemental plan instance; <see langword="null"/> for a master plan instance.</summary>
    public PlanInstanceNumber? Parent { get; init; }

    /// <summary>Master (no parent) or supplemental (a parent).</summary>
    public PlanKind Kind => Parent is null ? PlanKind.Master : PlanKind.Supplemental;

    /// <summary>The instance's status (suspended, terminated and cancelled instances cannot be replaced: 14060, 14079).</summary>
    public PlanInstanceStatus Status { get; init; } = PlanInstanceStatus.Active;

    /// <summary>Whether the instance was assigned as a mandatory child of its parent (it cannot be replaced alone: 14101).</summary>
    public bool IsMandatoryChild { get; init; }

    /// <summary>The plan units now.</summary>
    public decimal Units { get; init; } = 1;

    /// <summary>The billing cycle of a master plan instance (bounds <c>alt_proration_start_date</c>: 3017).</summary>
    public BillingCycle? Cycle { get; init; }

    /// <summary>The recurring billing period last invoiced, if known; otherwise the period of the cycle that contains today.</summary>
    public BillingPeriod? LastInvoicedPeriod { get; init; }

    /// <summary>The plan instance fields set now: each name (compared without regard to case) with its values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
