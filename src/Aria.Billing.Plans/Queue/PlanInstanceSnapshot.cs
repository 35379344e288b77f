using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>What the billing system of record says about a plan instance, as the queue's rules need it.</summary>
public sealed record PlanInstanceSnapshot
{
    /// <summary>The plan instance.</summary>
    public required PlanInstanceNumber Instance { get; init; }

    /// <summary>Its parent instance (supplemental plans); <see langword="null"/> for a master plan instance.</summary>
    public PlanInstanceNumber? Parent { get; init; }

    /// <summary>Master or supplemental.</summary>
    public PlanKind PlanKind { get; init; }

    /// <summary>Its status now.</summary>
    public PlanInstanceStatus Status { get; init; } = PlanInstanceStatus.Active;

    /// <summary>The date it is (or becomes) active.</summary>
    public LocalDate ActiveFrom { get; init; }

    /// <summary>Its dunning state now (master plan instances).</summary>
    public DunningState Dunning { get; init; }

    /// <summary>When the current dunning began, if in dunning.</summary>
    public LocalDate? DunningSince { get; init; }

    /// <summary>When dunning is expected to begin, if the billing system foresees it.</summary>
    public LocalDate? DunningExpectedFrom { get; init; }

    /// <summary>The billing group of the master plan instance.</summary>
    public string? BillingGroup { get; init; }

    /// <summary>The billing cycle (master plan instances): gives the anniversary.</summary>
    public BillingCycle? Cycle { get; init; }

    /// <summary>The bill lag days in force (master plan instances).</summary>
    public int BillLagDays { get; init; }

    /// <summary>Whether the status stops changes: suspended, terminated or cancelled.</summary>
    public bool IsStopped => Status is PlanInstanceStatus.Suspended or PlanInstanceStatus.Terminated or PlanInstanceStatus.Cancelled;
}
