using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Where sync records live. Every implementation has the same semantics (one conformance suite runs against all): adding
/// is idempotent on (client, domain, event id), updates are compare-and-swap on <see cref="SyncRecord.Version"/>, and
/// summaries count ERROR records only. The bulk operations acting on the records live in an <see cref="ISyncOperationStore"/>.
/// </summary>
public interface ISyncRecordStore
{
    /// <summary>Adds a record (assigning its id and version 1), or returns the record with the same event id unchanged.</summary>
    Task<(SyncRecord Record, bool Created)> AddAsync(SyncRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a batch of records all or nothing (one transaction): each is added as <see cref="AddAsync"/> would (its id
    /// assigned and version 1), or, when its (client, domain, event id) is stored already or came earlier in the batch,
    /// answered with the stored record unchanged.
    /// </summary>
    /// <returns>A result per record, in the order given: the stored record and whether this call created it.</returns>
    Task<IReadOnlyList<(SyncRecord Record, bool Created)>> AddManyAsync(IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes processing outcomes in one transaction: for each record whose stored version is the expected one, its processing
    /// fields — status, error code, message and number, attempts, in-flight operation, pending-since — become those given and
    /// its version goes up by one; the message's own fields (names, payload, times, batch) stay as stored. Each id at most once.
    /// </summary>
    /// <returns>A result per update, in the order given: the stored record, or <see langword="null"/> where the version had moved.</returns>
    Task<IReadOnlyList<SyncRecord?>> UpdateManyAsync(IReadOnlyList<(SyncRecord Updated, long ExpectedVersion)> updates, CancellationToken cancellationToken = default);

    /// <summary>The record with this id for this client.</summary>
    Task<SyncRecord?> GetAsync(ClientNumber client, long id, CancellationToken cancellationToken = default);

    /// <summary>One page of a search.</summary>
    Task<Page<SyncRecord>> SearchAsync(SyncSearch search, CancellationToken cancellationToken = default);

    /// <summary>The summary level: ERROR records by (object name, action name), optionally of one account.</summary>
    Task<IReadOnlyList<SyncSummaryRow>> SummarizeAsync(ClientNumber client, SyncDomain domain, AccountNumber? account = null, CancellationToken cancellationToken = default);

    /// <summary>The most boundaries a <see cref="CountErrorsByPeriodAsync"/> call takes (100 periods).</summary>
    public const int MaxPeriodBoundaries = 101;

    /// <summary>
    /// ERROR records by (object name, action name, period) of their event time: period <c>i</c> runs from
    /// <paramref name="boundaries"/>[i] (inclusive) to [i + 1] (exclusive); records outside the first and last boundary are
    /// not counted, nor are periods without records. The boundaries ascend strictly, 2 to <see cref="MaxPeriodBoundaries"/>
    /// of them (the caller chooses them, e.g. the starts of days in a client's zone).
    /// </summary>
    Task<IReadOnlyList<SyncErrorPeriodRow>> CountErrorsByPeriodAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<Instant> boundaries, CancellationToken cancellationToken = default);

    /// <summary>The error-summary level of one summary row: ERROR records by (error code, error message).</summary>
    Task<IReadOnlyList<SyncErrorSummaryRow>> SummarizeErrorsAsync(
        ClientNumber client, SyncDomain domain, string objectName, string actionName, AccountNumber? account = null, CancellationToken cancellationToken = default);

    /// <summary>The ERROR records of a scope with an id above <paramref name="afterId"/>, by id, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<SyncRecord>> ListErrorsAsync(
        ClientNumber client, SyncDomain domain, SyncScope scope, long afterId, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The incomplete aggregated usage batches (those with ERROR or PENDING records) matching <paramref name="filter"/>, oldest
    /// first, with their counts and error summary.
    /// </summary>
    Task<IReadOnlyList<UsageBatch>> SummarizeBatchesAsync(UsageBatchFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Replaces the record if its stored version is <paramref name="expectedVersion"/>; the stored record, or <see langword="null"/>.</summary>
    Task<SyncRecord?> UpdateAsync(SyncRecord updated, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims, as one set-based update, at most <paramref name="max"/> PENDING records of any client and domain, not in flight,
    /// whose <see cref="SyncRecord.PendingSince"/> is before <paramref name="staleBefore"/> or unknown (lowest id first): each
    /// one's <see cref="SyncRecord.PendingSince"/> becomes <paramref name="claimedAt"/> and its version goes up by one, so no
    /// other claim (on any node) takes it again until that lease has passed, and an update with an older version fails.
    /// </summary>
    /// <returns>The records claimed now, as stored, by id.</returns>
    Task<IReadOnlyList<SyncRecord>> ClaimStalePendingAsync(Instant staleBefore, Instant claimedAt, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Discards, as one set-based update, those of <paramref name="ids"/> that are ERROR records of the client and domain and
    /// not in flight in a reprocess, appending <paramref name="attempt"/> to each one's history (other ids are left as they
    /// are). DISCARDED is final.
    /// </summary>
    /// <returns>The ids discarded now.</returns>
    Task<IReadOnlyList<long>> DiscardAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<long> ids, SyncAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks, as one set-based update, those of <paramref name="ids"/> that are ERROR records of the client and domain in
    /// flight in <paramref name="holder"/> (<see langword="null"/>: in flight in no operation) as in flight in
    /// <paramref name="operation"/> (<see langword="null"/>: in none), each one's version going up by one. Other ids are left
    /// as they are. A reprocess marks a batch before running it and releases what a cancellation left unrun.
    /// </summary>
    /// <returns>The records marked now, as stored, by id.</returns>
    Task<IReadOnlyList<SyncRecord>> MarkInFlightAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<long> ids, Guid? holder, Guid? operation, CancellationToken cancellationToken = default);
}
