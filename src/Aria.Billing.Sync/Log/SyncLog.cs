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

    /// <summary>A log over a store, with the host's handler and a clock.</summary>
    public SyncLog(ISyncRecordStore store, ISyncRecordHandler handler, IClock clock)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>
    /// Records a new message and processes it with the handler. The same event id recorded again returns the existing record,
    /// untouched and unprocessed.
    /// </summary>
    public async Task<SyncRecord> IngestAsync(SyncRecord message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (record, created) = await _store.AddAsync(message with
        {
            Status = SyncStatus.Pending, Attempts = [], ErrorCode = SyncText.Code(message.ErrorCode), ErrorMessage = SyncText.Message(message.ErrorMessage),
        }, cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            return record;
        }

        var outcome = await SyncOutcomes.RunAsync(_handler, record, cancellationToken).ConfigureAwait(false);
        var processed = SyncOutcomes.Apply(record, outcome, "ingest", "ingest", _clock.GetCurrentInstant());
        return await _store.UpdateAsync(processed, record.Version, cancellationToken).ConfigureAwait(false) ?? record;
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
