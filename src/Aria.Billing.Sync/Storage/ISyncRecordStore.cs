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
    /// Adds a batch as <see cref="AddManyAsync(IReadOnlyList{SyncRecord}, CancellationToken)"/> does, but hands the records it
    /// creates (ids assigned, version 1) to <paramref name="process"/> first and stores each as <paramref name="process"/>
    /// returns it, at version 2 — the outcome of a bulk ingest written with the message, once. While
    /// <paramref name="process"/> runs, the batch's clients and domains are held: no other add of theirs stores a record until
    /// this one ends, so no event id is created, or processed, twice. All or nothing: an exception (from
    /// <paramref name="process"/>, or the store) stores none of the batch.
    /// </summary>
    /// <remarks>
    /// This default implementation stores the batch PENDING first (<see cref="AddManyAsync(IReadOnlyList{SyncRecord}, CancellationToken)"/>),
    /// runs <paramref name="process"/>, then writes what it returns (<see cref="UpdateManyAsync"/>): two writes per record,
    /// and an exception from <paramref name="process"/> leaves the records PENDING for the recovery pass. The relational
    /// stores write each record once.
    /// </remarks>
    /// <param name="records">The batch, as for <see cref="AddManyAsync(IReadOnlyList{SyncRecord}, CancellationToken)"/>.</param>
    /// <param name="process">
    /// Given the records this call creates (one per new event key, in an order of the store's choosing); returns them
    /// processed, one per record, in the same order, with the same ids and event keys (only their processing fields changed).
    /// </param>
    /// <param name="cancellationToken">Cancels the call (nothing is stored).</param>
    /// <returns>A result per record, in the order given: the stored record and whether this call created it.</returns>
    async Task<IReadOnlyList<(SyncRecord Record, bool Created)>> AddManyAsync(
        IReadOnlyList<SyncRecord> records, Func<IReadOnlyList<SyncRecord>, CancellationToken, Task<IReadOnlyList<SyncRecord>>> process, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        var added = await AddManyAsync(records, cancellationToken).ConfigureAwait(false);
        var created = added.Where(a => a.Created).Select(a => a.Record).ToList();
        if (created.Count == 0)
        {
            return added;
        }

        var processed = SyncProcessedBatch.Check(created, await process(created, cancellationToken).ConfigureAwait(false));
        var stored = await UpdateManyAsync([.. processed.Select((p, i) => (p, created[i].Version))], cancellationToken).ConfigureAwait(false);
        var final = new Dictionary<long, SyncRecord>(created.Count);
        for (var i = 0; i < created.Count; i++)
        {
            final[created[i].Id] = stored[i] ?? await GetAsync(created[i].Client, created[i].Id, cancellationToken).ConfigureAwait(false) ?? created[i];
        }

        return [.. added.Select(a => (final.GetValueOrDefault(a.Record.Id, a.Record), a.Created))];
    }

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
