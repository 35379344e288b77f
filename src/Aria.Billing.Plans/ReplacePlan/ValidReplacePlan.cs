using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>A replace-plan request that passed validation: its inputs parsed, and what they name resolved against the facts.</summary>
public sealed record ValidReplacePlan
{
    /// <summary>The directive, its proration and effective date.</summary>
    public required ResolvedDirective Directive { get; init; }

    /// <summary>The account (given by <c>acct_no</c> or <c>client_acct_id</c>).</summary>
    public required AccountNumber AccountNumber { get; init; }

    /// <summary>The account's client-defined id, if it has one.</summary>
    public string? ClientAccountId { get; init; }

    /// <summary>The instance replaced (given by <c>plan_instance_no</c> or <c>client_plan_instance_id</c>).</summary>
    public required PlanInstanceNumber PlanInstanceNumber { get; init; }

    /// <summary>The instance's client-defined id, if it has one.</summary>
    public string? ClientPlanInstanceId { get; init; }

    /// <summary>Whether the instance replaced is a master or a supplemental plan instance.</summary>
    public PlanKind PlanKind { get; init; }

    /// <summary>The new plan (given by <c>new_plan_no</c> or <c>new_client_plan_id</c>).</summary>
    public required PlanNumber NewPlanNumber { get; init; }

    /// <summary>The new plan's client-defined id, if it has one.</summary>
    public string? NewClientPlanId { get; init; }

    /// <summary>The alternate rate schedule, when given.</summary>
    public long? AltRateScheduleNumber { get; init; }

    /// <summary>The account's currency after the change.</summary>
    public Currency Currency { get; init; }

    /// <summary>Whether the change forces the account into <see cref="Currency"/> (<c>force_currency_change</c>).</summary>
    public bool ChangesCurrency { get; init; }

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

    /// <summary>The promotion code given, or <c>~</c> to remove the instance's; <see langword="null"/> when not given.</summary>
    public string? PromoCode { get; init; }

    /// <summary>The coupons to apply to the master plan instance.</summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];

    /// <summary>
    /// What the replaced plan's cancellation invoices whatever the directive: its usage, its recurring charges billed in
    /// arrears, its cancellation fee (spec: replace-acct-plan-m.txt, <c>assignment_directive</c>).
    /// </summary>
    public IReadOnlyList<CancellationCharge> InvoicedAtCancellation { get; init; } = [];
}
