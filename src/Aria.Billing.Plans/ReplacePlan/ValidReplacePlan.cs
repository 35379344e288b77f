using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>A replace-plan request that passed validation, with its inputs parsed.</summary>
public sealed record ValidReplacePlan
{
    /// <summary>The directive, its proration and effective date.</summary>
    public required ResolvedDirective Directive { get; init; }

    /// <summary>The account: <c>acct_no</c> when given.</summary>
    public AccountNumber? AccountNumber { get; init; }

    /// <summary>The account: <c>client_acct_id</c> when given.</summary>
    public string? ClientAccountId { get; init; }

    /// <summary>The instance replaced: <c>plan_instance_no</c> when given.</summary>
    public PlanInstanceNumber? PlanInstanceNumber { get; init; }

    /// <summary>The instance replaced: <c>client_plan_instance_id</c> when given.</summary>
    public string? ClientPlanInstanceId { get; init; }

    /// <summary>The new plan: <c>new_plan_no</c> when given.</summary>
    public PlanNumber? NewPlanNumber { get; init; }

    /// <summary>The new plan: <c>new_client_plan_id</c> when given.</summary>
    public string? NewClientPlanId { get; init; }

    /// <summary>The alternate proration start date, when given.</summary>
    public LocalDate? AltProrationStartDate { get; init; }

    /// <summary>The bill lag days input (ignored, with a warning, for an anniversary change).</summary>
    public BillLagDaysInput BillLagDays { get; init; }

    /// <summary>The plan status to set, when given.</summary>
    public PlanStatus? PlanStatus { get; init; }

    /// <summary>The plan units, when given.</summary>
    public decimal? PlanUnits { get; init; }

    /// <summary>The combine choice (3, the client default, when not given).</summary>
    public CombineInvoices CombineInvoices { get; init; } = CombineInvoices.ClientDefault;

    /// <summary>Whether the change is written (<see langword="false"/>: a preview).</summary>
    public bool DoWrite { get; init; } = true;

    /// <summary>The custom rate tiers per service number, validated.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RateTier>> CustomRates { get; init; } = new Dictionary<string, IReadOnlyList<RateTier>>();
}
