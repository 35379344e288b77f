using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// A bulk reprocess or discard, recorded before its work starts so that it can be resumed after a crash, with its counts
/// so far.
/// </summary>
public sealed record SyncOperation
{
    /// <summary>The operation's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The log.</summary>
    public required SyncDomain Domain { get; init; }

    /// <summary>Reprocess or discard.</summary>
    public required SyncOperationKind Kind { get; init; }

    /// <summary>The records acted on.</summary>
    public required SyncScope Scope { get; init; }

    /// <summary>Who asked.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>When it was asked.</summary>
    public required Instant RequestedAt { get; init; }

    /// <summary>Running, completed or cancelled.</summary>
    public SyncOperationState State { get; init; }

    /// <summary>Records taken so far.</summary>
    public long Processed { get; init; }

    /// <summary>Records that ended COMPLETE (or DISCARDED).</summary>
    public long Succeeded { get; init; }

    /// <summary>Records that ended ERROR again.</summary>
    public long Failed { get; init; }

    /// <summary>Records left alone: interrupted by a crash mid-record (never run twice).</summary>
    public long Skipped { get; init; }

    /// <summary>When it ended.</summary>
    public Instant? FinishedAt { get; init; }

    /// <summary>The tag this operation writes in the attempts it makes.</summary>
    public string Tag => $"operation:{Id:N}";
}
