using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// The sync activity log of the catalog, account and aggregated usage domains (spec: billing-sync-reprocess.txt): ingest
/// (idempotent on the event id), search, detail, and the reprocess summary at its three levels.
/// </summary>
public sealed class SyncLog
{
    private readonly ISyncRecordStore _store;
    private readonly ISyncRecordHandler _handler;
    private readonly IClock _clock;
    private readonly SyncOptions _options;

    /// <summary>A log over a store, with the host's handler and a clock, and default <see cref="SyncOptions"/>.</summary>
    public SyncLog(ISyncRecordStore store, ISyncRecordHandler handler, IClock clock)
        : this(store, handler, clock, null)
    {
    }

    /// <summary>A log over a store, with the host's handler, a clock and options (<see cref="SyncOptions.PendingLease"/>).</summary>
    public SyncLog(ISyncRecordStore store, ISyncRecordHandler handler, IClock clock, SyncOptions? options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SyncOptions();
        SyncOptions.Rules.ThrowIfInvalid(_options, nameof(options));
    }

    /// <summary>
    /// Records a new message and processes it with the handler. The same event id recorded again returns the existing record
    /// untouched and unprocessed — unless it is PENDING for longer than <see cref="SyncOptions.PendingLease"/> (a crash came
    /// between storing and processing it): then this call claims it (compare-and-swap on its version, so only one caller
    /// does) and processes it.
    /// </summary>
    public async Task<SyncRecord> IngestAsync(SyncRecord message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = _clock.GetCurrentInstant();
        var (record, created) = await _store.AddAsync(Pending(message, now), cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            if (!IsStalePending(record, now)
                || await _store.UpdateAsync(record with { PendingSince = now }, record.Version, cancellationToken).ConfigureAwait(false) is not { } claimed)
            {
                return record;
            }

            record = claimed;
        }

        return await ProcessAsync(record, "ingest", "ingest", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a batch of messages and processes them with the handler, as <see cref="IngestAsync"/> does one: idempotent on
    /// (client, domain, event id) — a message whose event id is stored already, or came earlier in the batch, is answered
    /// with the stored record untouched and unprocessed unless it is a stale PENDING record, which this call then claims and
    /// processes. All or nothing: the new messages are handled one after another while the store holds the batch's clients
    /// and domains (no other ingest of theirs stores a record meanwhile, so none is handled twice), then stored with their
    /// outcomes in one transaction (<see cref="ISyncRecordStore.AddManyAsync(IReadOnlyList{SyncRecord}, Func{IReadOnlyList{SyncRecord}, CancellationToken, Task{IReadOnlyList{SyncRecord}}}, CancellationToken)"/>).
    /// A crash or a failure before that commit stores none of the batch and acknowledges none: the sender sends it again
    /// (the handler may then run again for a message it ran for; the log holds each message once).
    /// </summary>
    /// <param name="messages">At most <see cref="MaxIngestBatchSize"/> messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A result per message, in the order given.</returns>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxIngestBatchSize"/> messages.</exception>
    public async Task<IReadOnlyList<SyncIngestResult>> IngestManyAsync(IReadOnlyList<SyncRecord> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messages.Count, MaxIngestBatchSize, nameof(messages));
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
        }

        if (messages.Count == 0)
        {
            return [];
        }

        var now = _clock.GetCurrentInstant();
        var added = await _store.AddManyAsync([.. messages.Select(m => Pending(m, now))], HandleAllAsync, cancellationToken).ConfigureAwait(false);
        var stale = added.Where(a => !a.Created && IsStalePending(a.Record, now)).Select(a => a.Record).DistinctBy(r => r.Id).ToList();
        if (stale.Count == 0)
        {
            return [.. added.Select(a => new SyncIngestResult(a.Record, a.Created))];
        }

        // PENDING records a crashed single ingest left: claimed, processed and written as that ingest would have.
        var final = added.Select(a => a.Record).DistinctBy(r => r.Id).ToDictionary(r => r.Id);
        foreach (var claimed in (await _store.UpdateManyAsync([.. stale.Select(r => (r with { PendingSince = now }, r.Version))], cancellationToken).ConfigureAwait(false)).OfType<SyncRecord>())
        {
            final[claimed.Id] = await ProcessAsync(claimed, "ingest", "ingest", cancellationToken).ConfigureAwait(false);
        }

        return [.. added.Select(a => new SyncIngestResult(final[a.Record.Id], a.Created))];
    }

    /// <summary>Runs the handler on each record of a bulk ingest, one after another; the records with their outcomes.</summary>
    private async Task<IReadOnlyList<SyncRecord>> HandleAllAsync(IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken)
    {
        var processed = new SyncRecord[records.Count];
        for (var i = 0; i < processed.Length; i++)
        {
            var outcome = await SyncOutcomes.RunAsync(_handler, records[i], cancellationToken).ConfigureAwait(false);
            processed[i] = SyncOutcomes.Apply(records[i], outcome, "ingest", "ingest", _clock.GetCurrentInstant());
        }

        return processed;
    }

    /// <summary>The largest batch <see cref="IngestManyAsync"/> takes.</summary>
    public const int MaxIngestBatchSize = 1000;

    /// <summary>A message as it is first stored: PENDING since <paramref name="now"/>, its texts made storable, no history.</summary>
    private static SyncRecord Pending(SyncRecord message, Instant now) => message with
    {
        Status = SyncStatus.Pending, Attempts = [], ErrorCode = SyncText.Code(message.ErrorCode), ErrorMessage = SyncText.Message(message.ErrorMessage),
        ObjectName = SyncText.Name(message.ObjectName), ActionName = SyncText.Name(message.ActionName),
        InFlightOperation = null, PendingSince = now,
    };

    /// <summary>
    /// Claims (in the store, so no two nodes take the same record) the records of every client and domain left PENDING for
    /// longer than <see cref="SyncOptions.PendingLease"/>, in batches of <see cref="SyncOptions.BatchSize"/>, and processes
    /// each one; returns the records as processed.
    /// </summary>
    internal async Task<IReadOnlyList<SyncRecord>> RecoverPendingAsync(CancellationToken cancellationToken)
    {
        var recovered = new List<SyncRecord>();
        while (true)
        {
            var now = _clock.GetCurrentInstant();
            var claimed = await _store.ClaimStalePendingAsync(now - Duration.FromTimeSpan(_options.PendingLease), now, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in claimed)
            {
                recovered.Add(await ProcessAsync(record, "recover", "recovery", cancellationToken).ConfigureAwait(false));
            }

            if (claimed.Count < _options.BatchSize)
            {
                return recovered;
            }
        }
    }

    private bool IsStalePending(SyncRecord record, Instant now) =>
        record is { Status: SyncStatus.Pending, InFlightOperation: null }
        && (record.PendingSince is not { } since || since < now - Duration.FromTimeSpan(_options.PendingLease));

    /// <summary>Runs the handler on a record this caller holds (its version) and stores the outcome if it still holds it.</summary>
    private async Task<SyncRecord> ProcessAsync(SyncRecord record, string kind, string by, CancellationToken cancellationToken)
    {
        var outcome = await SyncOutcomes.RunAsync(_handler, record, cancellationToken).ConfigureAwait(false);
        var processed = SyncOutcomes.Apply(record, outcome, kind, by, _clock.GetCurrentInstant());
        return await _store.UpdateAsync(processed, record.Version, cancellationToken).ConfigureAwait(false)
            ?? await _store.GetAsync(record.Client, record.Id, cancellationToken).ConfigureAwait(false)
            ?? record;
    }

    /// <summary>One page of the activity log.</summary>
    public async Task<AriaResult<Page<SyncRecord>>> SearchAsync(SyncSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        try
        {
            return await _store.SearchAsync(search, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return new AriaError(AriaErrorCodes.InvalidContinuationToken, ex.Message, "continuation_token");
        }
    }

    /// <summary>One record with its payload and history, or SYNC_EVENT_IS_NOT_FOUND.</summary>
    public async Task<AriaResult<SyncRecord>> GetAsync(ClientNumber client, long id, CancellationToken cancellationToken = default) =>
        await _store.GetAsync(client, id, cancellationToken).ConfigureAwait(false) is { } record
            ? record
            : new AriaError(SyncErrorCodes.SyncEventIsNotFound, $"No sync record {id} exists for client {client}.", "id");

    /// <summary>The summary level: ERROR records by object name and action name (one account's, when given).</summary>
    public Task<IReadOnlyList<SyncSummaryRow>> SummaryAsync(ClientNumber client, SyncDomain domain, AccountNumber? account = null, CancellationToken cancellationToken = default) =>
        _store.SummarizeAsync(client, domain, account, cancellationToken);

    /// <summary>
    /// How many records are PENDING — stored, their processing not yet done — of the client and domain (one account's, when
    /// given). The summary levels count ERROR records only; this count sits beside them, so PENDING records a crash left are
    /// visible until <see cref="SyncOptions.PendingLease"/> passes and the recovery pass processes them.
    /// </summary>
    public async Task<long> PendingCountAsync(ClientNumber client, SyncDomain domain, AccountNumber? account = null, CancellationToken cancellationToken = default)
    {
        var page = await _store.SearchAsync(
            new SyncSearch { Client = client, Domain = domain, Status = SyncStatus.Pending, AccountNumber = account, Page = PageRequest.First(1).Value },
            cancellationToken).ConfigureAwait(false);
        return page.TotalCount ?? page.Items.Count;
    }

    /// <summary>The error-summary level under one summary row.</summary>
    public Task<IReadOnlyList<SyncErrorSummaryRow>> ErrorSummaryAsync(
        ClientNumber client, SyncDomain domain, string objectName, string actionName, AccountNumber? account = null, CancellationToken cancellationToken = default) =>
        _store.SummarizeErrorsAsync(client, domain, objectName, actionName, account, cancellationToken);

    /// <summary>
    /// The Aggregated Usage Sync view: incomplete batches (with ERROR or PENDING records) with their start, end, total,
    /// completed, error and pending counts, and their error summary by (error code, message, status).
    /// </summary>
    public Task<IReadOnlyList<UsageBatch>> IncompleteBatchesAsync(UsageBatchFilter filter, CancellationToken cancellationToken = default) =>
        _store.SummarizeBatchesAsync(filter, cancellationToken);

    /// <summary>The activity level under one error-summary row: its ERROR records, oldest first.</summary>
    public Task<IReadOnlyList<SyncRecord>> ErrorRecordsAsync(
        ClientNumber client, SyncDomain domain, SyncErrorSummaryRow row, AccountNumber? account = null, int max = PageRequest.MaxSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _store.ListErrorsAsync(client, domain, SyncScopePlan.Of(row, account), 0, max, cancellationToken);
    }
}
