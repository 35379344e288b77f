using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// One message of a sync activity log with every attribute the spec shows, and the history of its processing attempts
/// (spec: billing-sync-reprocess.txt). <see cref="Version"/> guards updates; <see cref="InFlightOperation"/> marks a record a
/// bulk operation has taken, so a crash and resume never process it twice.
/// </summary>
public sealed record SyncRecord
{
    /// <summary>The activity log id, assigned by the store (increasing).</summary>
    public long Id { get; init; }

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>Which log.</summary>
    public required SyncDomain Domain { get; init; }

    /// <summary>The Aria sync id.</summary>
    public string? AriaSyncId { get; init; }

    /// <summary>The event id assigned by the billing system: with the client and domain, the natural key.</summary>
    public required string EventId { get; init; }

    /// <summary>When the event happened.</summary>
    public required Instant EventTime { get; init; }

    /// <summary>The number of the object type.</summary>
    public int ObjectType { get; init; }

    /// <summary>The object name (Usage Type, Service, Plan, Account, Plan Instance …).</summary>
    public required string ObjectName { get; init; }

    /// <summary>The action of the payload.</summary>
    public string? Action { get; init; }

    /// <summary>The action name (Create, Update …).</summary>
    public required string ActionName { get; init; }

    /// <summary>The account number (account domain).</summary>
    public AccountNumber? AccountNumber { get; init; }

    /// <summary>The status.</summary>
    public SyncStatus Status { get; init; }

    /// <summary>The error code of an errored record.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message of an errored record.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The error number.</summary>
    public long? ErrorNumber { get; init; }

    /// <summary>The SCN number.</summary>
    public long? ScnNumber { get; init; }

    /// <summary>The JSON payload as received.</summary>
    public string Payload { get; init; } = "{}";

    /// <summary>The audit header of the message (JSON).</summary>
    public string? AuditHeader { get; init; }

    /// <summary>For aggregated usage: the start of the record's aggregation batch (inclusive).</summary>
    public Instant? BatchStart { get; init; }

    /// <summary>For aggregated usage: the end of the record's aggregation batch (exclusive).</summary>
    public Instant? BatchEnd { get; init; }

    /// <summary>Every processing attempt, oldest first.</summary>
    public IReadOnlyList<SyncAttempt> Attempts { get; init; } = [];

    /// <summary>The bulk operation that has taken the record and not yet recorded its outcome.</summary>
    public Guid? InFlightOperation { get; init; }

    /// <summary>
    /// When the record was stored PENDING, or last claimed to be processed again: a PENDING record whose time is older than
    /// <see cref="SyncOptions.PendingLease"/> was left by a crash between storing and processing, and is processed again (by
    /// the recovery pass, or by an ingest of the same event id). <see langword="null"/> on records stored before this was
    /// kept: such a PENDING record counts as left long ago.
    /// </summary>
    public Instant? PendingSince { get; init; }

    /// <summary>Incremented by the store on every update.</summary>
    public long Version { get; init; }
}
