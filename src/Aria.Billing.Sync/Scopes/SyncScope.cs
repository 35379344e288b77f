namespace Aria.Billing.Sync;

/// <summary>
/// The records a reprocess or discard acts on: every ERROR record of a log, one summary row (object name + action name), one
/// error-summary row (+ error code and message), or one record — each optionally narrowed to one account; for aggregated
/// usage, one batch or one error-summary row of a batch.
/// </summary>
public sealed record SyncScope
{
    private SyncScope(SyncScopeLevel level)
    {
        Level = level;
    }

    /// <summary>How wide the scope is.</summary>
    public SyncScopeLevel Level { get; }

    /// <summary>The object name of a summary or error-summary row.</summary>
    public string? ObjectName { get; private init; }

    /// <summary>The action name of a summary or error-summary row.</summary>
    public string? ActionName { get; private init; }

    /// <summary>The error code of an error-summary row.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>The error message of an error-summary row.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>The record of a record scope.</summary>
    public long? RecordId { get; private init; }

    /// <summary>The aggregated usage batch of a batch or batch-error scope (its start).</summary>
    public NodaTime.Instant? BatchStart { get; private init; }

    /// <summary>Narrows the scope to one account.</summary>
    public AccountNumber? AccountNumber { get; private init; }

    /// <summary>The event id of a one-record scope named by event id (<see cref="Event"/>).</summary>
    public string? EventId { get; private init; }

    /// <summary>Every ERROR record of the log.</summary>
    public static SyncScope All(AccountNumber? account = null) => new(SyncScopeLevel.All) { AccountNumber = account };

    /// <summary>One summary row.</summary>
    public static SyncScope Summary(string objectName, string actionName, AccountNumber? account = null) =>
        new(SyncScopeLevel.Summary) { ObjectName = objectName, ActionName = actionName, AccountNumber = account };

    /// <summary>One error-summary row.</summary>
    public static SyncScope ErrorSummary(string objectName, string actionName, string? errorCode, string? errorMessage, AccountNumber? account = null) =>
        new(SyncScopeLevel.ErrorSummary) { ObjectName = objectName, ActionName = actionName, ErrorCode = errorCode, ErrorMessage = errorMessage, AccountNumber = account };

    /// <summary>One record.</summary>
    public static SyncScope Record(long id) => new(SyncScopeLevel.Record) { RecordId = id };

    /// <summary>
    /// One record named by its event id (the manual's SYNC_EVENT_IS_NOT_FOUND is "for the given event ID"); an operation
    /// started on it takes the record of that event id in the operation's domain.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is empty.</exception>
    public static SyncScope Event(string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return new(SyncScopeLevel.Record) { EventId = eventId };
    }

    /// <summary>One aggregated usage batch.</summary>
    public static SyncScope Batch(NodaTime.Instant start) => new(SyncScopeLevel.Batch) { BatchStart = start };

    /// <summary>One error-summary row (error code) of an aggregated usage batch.</summary>
    public static SyncScope BatchErrorSummary(NodaTime.Instant start, string? errorCode) =>
        new(SyncScopeLevel.BatchErrorSummary) { BatchStart = start, ErrorCode = errorCode };

    /// <summary>Whether <paramref name="record"/> falls in the scope (its status aside).</summary>
    public bool Contains(SyncRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SyncScopePlan.Covers(this, record);
    }

    /// <summary>
    /// Whether a record could fall in both scopes, judged from the scopes alone and conservatively: a scope of all
    /// records overlaps every scope of its account, a summary row overlaps its error-summary rows, a batch overlaps its
    /// error rows, and a one-record scope overlaps only itself and a scope of all records. Two operations on
    /// overlapping scopes never run at once.
    /// </summary>
    /// <param name="other">The other scope.</param>
    /// <returns><see langword="true"/> when the scopes may share a record.</returns>
    public bool Overlaps(SyncScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Key == other.Key
            || (BatchStart is not null && BatchStart == other.BatchStart && (Level == SyncScopeLevel.Batch || other.Level == SyncScopeLevel.Batch))
            || (Level == SyncScopeLevel.All && (AccountNumber is null || other.AccountNumber is null || AccountNumber == other.AccountNumber))
            || (other.Level == SyncScopeLevel.All && (AccountNumber is null || other.AccountNumber is null || AccountNumber == other.AccountNumber))
            || (Level != SyncScopeLevel.Record && other.Level != SyncScopeLevel.Record && ObjectName == other.ObjectName && ActionName == other.ActionName
                && (Level == SyncScopeLevel.Summary || other.Level == SyncScopeLevel.Summary));
    }

    /// <summary>A key naming the scope; two operations with one key act on the same records.</summary>
    public string Key => $"{Level}|{ObjectName}|{ActionName}|{ErrorCode}|{ErrorMessage}|{RecordId}|{AccountNumber}|{BatchStart}|{EventId}";
}
