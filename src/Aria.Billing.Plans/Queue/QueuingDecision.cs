using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// What <see cref="QueuingRules.Decide"/> makes of a request: its timing and effective date, the restrictions it breaks
/// (errors) and what the caller should know (warnings), and what a queued change takes from the hierarchy.
/// </summary>
internal sealed record QueuingDecision
{
    /// <summary>When the change takes effect.</summary>
    public required PlanChangeTiming Timing { get; init; }

    /// <summary>The date it takes effect; <see langword="null"/> when the request gives none that is valid.</summary>
    public LocalDate? EffectiveDate { get; init; }

    /// <summary>Every restriction the request breaks, in the order found; empty when it can be queued.</summary>
    public IReadOnlyList<AriaError> Errors { get; init; } = [];

    /// <summary>What the caller should know (a parent inactive on the date).</summary>
    public IReadOnlyList<AriaWarning> Warnings { get; init; } = [];

    /// <summary>Master or supplemental (the request's for an assignment, otherwise the instance's).</summary>
    public PlanKind PlanKind { get; init; }

    /// <summary>The parent plan instance (the request's for an assignment, otherwise the instance's).</summary>
    public PlanInstanceNumber? ParentInstance { get; init; }

    /// <summary>The queued assignment the change depends on: its own instance's, or the nearest ancestor's.</summary>
    public Guid? ParentChangeId { get; init; }

    /// <summary>The billing group of the master plan instance, when it exists.</summary>
    public string? BillingGroup { get; init; }

    /// <summary>
    /// Set when the request confirmed (proceed) a change whose parent will be inactive on its date: the change is recorded
    /// as deleted for this reason, and the queued changes of its instance tree are deleted with it.
    /// </summary>
    public string? VoidReason { get; init; }

    /// <summary>Whether the request breaks a restriction (nothing may be queued).</summary>
    public bool IsRefused => Errors.Count > 0;

    /// <summary>The change to queue for <paramref name="request"/>, queued at <paramref name="queuedAt"/> by <paramref name="actor"/>.</summary>
    /// <exception cref="InvalidOperationException">The decision is a refusal.</exception>
    public PlanChange ToChange(QueuePlanChangeRequest request, Instant queuedAt, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsRefused || EffectiveDate is not { } date)
        {
            throw new InvalidOperationException("A refused request has no change to queue: " + string.Join("; ", Errors));
        }

        var change = new PlanChange
        {
            Id = request.Id,
            Client = request.Client,
            Account = request.Account,
            Instance = request.Instance,
            ParentInstance = ParentInstance,
            PlanKind = PlanKind,
            Kind = request.Kind,
            Timing = Timing,
            EffectiveDate = date,
            ParentChangeId = ParentChangeId,
            NewPlan = request.NewPlan,
            Units = request.Units,
            NewStatus = request.NewStatus is { } status ? (int)status : null,
            RateSchedule = request.RateSchedule,
            BillingGroup = BillingGroup,
            QueuedAt = queuedAt,
            QueuedBy = actor,
        };
        return VoidReason is { } reason
            ? change with { State = PlanChangeState.Deleted, ClosedAt = queuedAt, ClosedBy = actor, Reason = reason }
            : change;
    }
}
