using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>One unit of a job's work (an account to bill, a batch of usage to rate), claimed by a worker under a lease.</summary>
public sealed record WorkItem
{
    /// <summary>The item's id, assigned by the store.</summary>
    public long Id { get; init; }

    /// <summary>The run.</summary>
    public required Guid RunId { get; init; }

    /// <summary>The job's index in the run.</summary>
    public required int JobIndex { get; init; }

    /// <summary>The item's natural key within the job (adding it twice adds one item).</summary>
    public required string Key { get; init; }

    /// <summary>Where it is.</summary>
    public WorkItemState State { get; init; }

    /// <summary>How many times it was taken.</summary>
    public int Attempts { get; init; }

    /// <summary>The worker holding it.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease ends; an expired lease lets another worker take the item.</summary>
    public Instant? LeaseExpiresAt { get; init; }

    /// <summary>Why it failed, if it did.</summary>
    public string? Error { get; init; }

    /// <summary>Earlier failures, kept when the item is reprocessed.</summary>
    public IReadOnlyList<string> History { get; init; } = [];
}
