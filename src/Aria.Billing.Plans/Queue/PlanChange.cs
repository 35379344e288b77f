using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// A plan change in the queue or its history: what changes, on which plan instance, when, and its outcome. Stores keep it
/// whole; <see cref="Version"/> guards every update (compare-and-swap), <see cref="ClaimedBy"/> and
/// <see cref="ClaimExpiresAt"/> mark a processor's lease.
/// </summary>
public sealed record PlanChange
{
    /// <summary>The change's id: the natural key that makes queuing and applying happen once.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client the account belongs to.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The account.</summary>
    public required AccountNumber Account { get; init; }

    /// <summary>The plan instance changed (for an assignment, the instance it creates).</summary>
    public required PlanInstanceNumber Instance { get; init; }

    /// <summary>The parent plan instance of a supplemental plan instance; <see langword="null"/> for a master plan instance.</summary>
    public PlanInstanceNumber? ParentInstance { get; init; }

    /// <summary>Whether the instance is a master or a supplemental plan instance.</summary>
    public PlanKind PlanKind { get; init; }

    /// <summary>What the change does.</summary>
    public required PlanChangeKind Kind { get; init; }

    /// <summary>When it takes effect.</summary>
    public required PlanChangeTiming Timing { get; init; }

    /// <summary>The date it takes effect (for an anniversary change, the anniversary computed when it was queued).</summary>
    public required LocalDate EffectiveDate { get; init; }

    /// <summary>The queued assignment this change depends on (its instance's or its parent instance's), if any.</summary>
    public Guid? ParentChangeId { get; init; }

    /// <summary>The new plan of an assignment or replacement.</summary>
    public PlanNumber? NewPlan { get; init; }

    /// <summary>The new units of a units change (or of an assignment).</summary>
    public decimal? Units { get; init; }

    /// <summary>The new status code of a status change.</summary>
    public int? NewStatus { get; init; }

    /// <summary>The new rate schedule of a rate-schedule change.</summary>
    public long? RateSchedule { get; init; }

    /// <summary>The billing group of the master plan instance (changes executed together for one group share an invoice).</summary>
    public string? BillingGroup { get; init; }

    /// <summary>When the change was queued.</summary>
    public required Instant QueuedAt { get; init; }

    /// <summary>Who queued it.</summary>
    public required string QueuedBy { get; init; }

    /// <summary>Queued, executed or deleted.</summary>
    public PlanChangeState State { get; init; }

    /// <summary>When it was executed or deleted.</summary>
    public Instant? ClosedAt { get; init; }

    /// <summary>Who executed or deleted it (a user, or <c>system</c>).</summary>
    public string? ClosedBy { get; init; }

    /// <summary>Why it was deleted (by request, voided by the parent's state, superseded, cascaded from a parent).</summary>
    public string? Reason { get; init; }

    /// <summary>The last failed attempt to apply it, if any; the change stays queued.</summary>
    public string? LastError { get; init; }

    /// <summary>How many times applying it was attempted.</summary>
    public int Attempts { get; init; }

    /// <summary>The processor holding a lease on the change, if any.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When that lease ends.</summary>
    public Instant? ClaimExpiresAt { get; init; }

    /// <summary>Incremented by the store on every update; an update names the version it read.</summary>
    public long Version { get; init; }
}
