using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>A plan change to queue.</summary>
public sealed record QueuePlanChangeRequest
{
    /// <summary>The change's id; a retried request with the same id queues nothing twice.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The account.</summary>
    public required AccountNumber Account { get; init; }

    /// <summary>The plan instance changed (for an assignment, the instance number it will have).</summary>
    public required PlanInstanceNumber Instance { get; init; }

    /// <summary>The parent instance, for a supplemental plan instance (required to assign one).</summary>
    public PlanInstanceNumber? ParentInstance { get; init; }

    /// <summary>Master or supplemental (for an assignment; otherwise taken from the instance).</summary>
    public PlanKind PlanKind { get; init; }

    /// <summary>What the change does.</summary>
    public required PlanChangeKind Kind { get; init; }

    /// <summary>When it takes effect. A status change is queued with <see cref="DaysUntilStatusChange"/> instead.</summary>
    public PlanChangeTiming Timing { get; init; } = PlanChangeTiming.Dated;

    /// <summary>The date of a <see cref="PlanChangeTiming.Dated"/> change: after today.</summary>
    public LocalDate? EffectiveDate { get; init; }

    /// <summary>For a status change: the days until it takes effect (0 = today).</summary>
    public int? DaysUntilStatusChange { get; init; }

    /// <summary>The new plan (assign, replace).</summary>
    public PlanNumber? NewPlan { get; init; }

    /// <summary>The units (assign, units).</summary>
    public decimal? Units { get; init; }

    /// <summary>The new status (status).</summary>
    public PlanInstanceStatus? NewStatus { get; init; }

    /// <summary>The new rate schedule (rate schedule).</summary>
    public long? RateSchedule { get; init; }

    /// <summary>
    /// Confirms a change whose parent will be suspended, terminated or cancelled on its date: the change is recorded as
    /// deleted and the queued changes of the instance and its descendants are deleted (the spec's "proceed").
    /// </summary>
    public bool Proceed { get; init; }
}
