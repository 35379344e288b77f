namespace Aria.Billing.Sync;

/// <summary>
/// An activity-log search (spec: billing-sync-reprocess.txt, "Filter … Activity", "Sort … Activity"). Exact filters: sync id,
/// action, error code, event id, object type, status, account number, aggregated usage batch. Partial, case-insensitive: action name and object
/// name, where every character the user typed is literal (<c>%</c>, <c>_</c> and <c>\</c> included). Newest first by default;
/// DISCARDED records appear only when <see cref="Status"/> names DISCARDED.
/// </summary>
public sealed record SyncSearch
{
    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The log searched.</summary>
    public required SyncDomain Domain { get; init; }

    /// <summary>Exact Aria sync id.</summary>
    public string? AriaSyncId { get; init; }

    /// <summary>Exact action.</summary>
    public string? Action { get; init; }

    /// <summary>Exact error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Exact event id.</summary>
    public string? EventId { get; init; }

    /// <summary>Exact object type number.</summary>
    public int? ObjectType { get; init; }

    /// <summary>Exact status.</summary>
    public SyncStatus? Status { get; init; }

    /// <summary>Exact account number (account log).</summary>
    public AccountNumber? AccountNumber { get; init; }

    /// <summary>
    /// Exact aggregated usage batch, named by its start (spec: billing-sync-reprocess.txt, "View Incomplete Batch Details": the
    /// records of a batch's error code and status are found with the Aggregated batch, Error Code and Status filters).
    /// </summary>
    public NodaTime.Instant? BatchStart { get; init; }

    /// <summary>Part of the action name, any case.</summary>
    public string? ActionNameContains { get; init; }

    /// <summary>Part of the object name, any case.</summary>
    public string? ObjectNameContains { get; init; }

    /// <summary>The sort.</summary>
    public SyncSortField SortBy { get; init; } = SyncSortField.Id;

    /// <summary>Whether the sort is descending (ties are broken by id, in the same direction).</summary>
    public bool Descending { get; init; } = true;

    /// <summary>The page wanted.</summary>
    public PageRequest Page { get; init; }
}
