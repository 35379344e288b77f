using Aria.Billing.ReferenceHost.Api;
using Aria.Billing.ReferenceHost.Background;
using Aria.Billing.ReferenceHost.Security;
using Aria.Billing.Sync;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Aria.Billing.ReferenceHost.Endpoints;

/// <summary>The sync activity log over HTTP (spec: billing-sync-reprocess.txt).</summary>
public static class SyncEndpoints
{
    /// <summary>The largest payload a record may carry.</summary>
    public const int MaxPayloadChars = 64 * 1024;

    /// <summary>Maps <c>/sync/…</c>.</summary>
    public static void MapSyncEndpoints(this IEndpointRouteBuilder app)
    {
        var sync = app.MapGroup("/sync").WithTags("Sync");
        sync.MapGet("/{domain}/records", SearchAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("SearchSyncRecords").WithSummary("Search a sync log (account, catalog or aggregated_usage): exact and partial filters, sorts, pages; newest first, DISCARDED hidden unless asked for.")
            .Produces<SyncPageDto>().ProducesErrors();
        sync.MapGet("/{domain}/records/{id:long}", GetAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("GetSyncRecord").WithSummary("One sync record with its payload and the history of its attempts.")
            .Produces<SyncRecordDto>().ProducesErrors(StatusCodes.Status404NotFound);
        sync.MapPost("/{domain}/records", IngestAsync).RequireAccess(HostModule.Sync, HostAccess.Create)
            .WithName("IngestSyncRecord").WithSummary("Record a sync message and process it (idempotent on event_id); aggregated usage goes to the hourly batch of its recorded_at.")
            .Produces<SyncRecordDto>(StatusCodes.Status201Created).ProducesErrors();
        sync.MapPost("/{domain}/records/batch", IngestBatchAsync).RequireAccess(HostModule.Sync, HostAccess.Create)
            .WithName("IngestSyncRecordBatch")
            .WithSummary($"Record and process a batch of at most {SyncLog.MaxIngestBatchSize} messages (a JSON array, or NDJSON), all or nothing, idempotent on event_id.")
            .Accepts<IngestDto[]>("application/json", NdJson)
            .Produces<SyncBatchResultDto[]>().ProducesErrors();
        sync.MapGet("/{domain}/summary", SummaryAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("GetSyncSummary").WithSummary("The reprocess summary: ERROR records counted by object name and action name.")
            .Produces<IReadOnlyList<SyncSummaryRow>>().ProducesErrors();
        sync.MapGet("/{domain}/summary/errors", ErrorSummaryAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("GetSyncErrorSummary").WithSummary("The error summary of one summary row: ERROR records counted by error code and message, with the catalog's resolution.")
            .Produces<IReadOnlyList<ErrorSummaryDto>>().ProducesErrors();
        sync.MapGet("/{domain}/summary/records", ErrorRecordsAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("ListSyncErrorRecords").WithSummary("The ERROR records of one error-summary row (the activity level of the reprocess summary).")
            .Produces<IReadOnlyList<SyncRecordDto>>().ProducesErrors();
        sync.MapPost("/{domain}/reprocess", (HttpContext http, string domain, ScopeDto? scope, SyncReprocessor reprocessor, SyncLog log, BackgroundWork work) =>
            StartAsync(http, domain, scope, SyncOperationKind.Reprocess, reprocessor, log, work)).RequireAccess(HostModule.Sync, HostAccess.Edit)
            .WithName("ReprocessSyncRecords").WithSummary("Reprocess the ERROR records of a scope (all, summary, error_summary, record, batch, batch_error_summary); 202 with the operation to poll.")
            .Produces<SyncOperationDto>(StatusCodes.Status202Accepted).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        sync.MapPost("/{domain}/discard", (HttpContext http, string domain, ScopeDto? scope, SyncReprocessor reprocessor, SyncLog log, BackgroundWork work) =>
            StartAsync(http, domain, scope, SyncOperationKind.Discard, reprocessor, log, work)).RequireAccess(HostModule.Sync, HostAccess.Delete)
            .WithName("DiscardSyncRecords").WithSummary("Discard for good the ERROR records of a scope spelled out, given the count seen; 409 DISCARD_COUNT_CHANGED when it grew.")
            .Produces<SyncOperationDto>(StatusCodes.Status202Accepted).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        sync.MapGet("/operations/{id:guid}", OperationAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("GetSyncOperation").WithSummary("A bulk reprocess or discard and its progress.")
            .Produces<SyncOperationDto>().ProducesErrors(StatusCodes.Status404NotFound);

        // The Aggregated Usage Sync view (spec: billing-sync-reprocess.txt, "Aggregated Usage Sync"): incomplete batches, a
        // batch's drill-down, reprocess and discard at batch and at error-summary (error code + status) level.
        sync.MapGet("/aggregated_usage/batches", BatchesAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("ListUsageBatches").WithSummary("The incomplete aggregated usage batches, oldest first, with their total, completed, error and pending counts.")
            .Produces<IReadOnlyList<UsageBatchDto>>().ProducesErrors();
        sync.MapGet("/aggregated_usage/batches/{batch_id}", BatchAsync).RequireAccess(HostModule.Sync, HostAccess.Read)
            .WithName("GetUsageBatch").WithSummary("One incomplete batch with its drill-down: the incomplete records by error code and status, pending ones included.")
            .Produces<UsageBatchDrillDownDto>().ProducesErrors(StatusCodes.Status404NotFound);
        sync.MapPost("/aggregated_usage/batches/{batch_id}/reprocess", (HttpContext http, [FromRoute(Name = "batch_id")] string batchId, BatchScopeDto? scope, SyncReprocessor reprocessor, SyncLog log, BackgroundWork work) =>
            StartAsync(http, AggregatedUsage, BatchScope(batchId, scope, discard: false), SyncOperationKind.Reprocess, reprocessor, log, work)).RequireAccess(HostModule.Sync, HostAccess.Edit)
            .WithName("ReprocessUsageBatch").WithSummary("Reprocess the ERROR records of a batch, or of one of its error-code rows; 202 with the operation to poll.")
            .Produces<SyncOperationDto>(StatusCodes.Status202Accepted).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        sync.MapPost("/aggregated_usage/batches/{batch_id}/discard", (HttpContext http, [FromRoute(Name = "batch_id")] string batchId, BatchScopeDto? scope, SyncReprocessor reprocessor, SyncLog log, BackgroundWork work) =>
            StartAsync(http, AggregatedUsage, BatchScope(batchId, scope, discard: true), SyncOperationKind.Discard, reprocessor, log, work)).RequireAccess(HostModule.Sync, HostAccess.Delete)
            .WithName("DiscardUsageBatch").WithSummary("Discard for good the ERROR records of a batch or of one of its error-code rows, given the count seen; 409 DISCARD_COUNT_CHANGED when it grew.")
            .Produces<SyncOperationDto>(StatusCodes.Status202Accepted).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    /// <summary>The aggregated usage log's name in paths.</summary>
    private const string AggregatedUsage = "aggregated_usage";

    /// <summary>
    /// How the host batches aggregated usage (the client's aggregation frequency setting of the spec): hourly windows on the
    /// hour, UTC. A record's batch is the window holding its <c>recorded_at</c>.
    /// </summary>
    public static AggregationFrequency AggregationFrequency { get; } = AggregationFrequency.Hourly;

    private static async Task<IResult> BatchesAsync(
        HttpContext http, SyncLog log, ClientTimeZones zones, [FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate,
        [FromQuery(Name = "status")] string? status, CancellationToken cancellationToken)
    {
        var input = new Input();
        var client = Caller.Of(http).Client;
        var filter = new UsageBatchFilter(
            client, input.OptionalDate(startDate, "start_date"), input.OptionalDate(endDate, "end_date"),
            string.IsNullOrEmpty(status) ? null : input.Choice(status, "status", SyncStatus.Error), zones.For(client));
        if (filter is { StartDate: { } from, EndDate: { } until } && until < from)
        {
            input.Add(ApiErrors.InvalidValue, $"end_date {until:uuuu-MM-dd} is before start_date {from:uuuu-MM-dd}.", "end_date");
        }

        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var batches = await log.IncompleteBatchesAsync(filter, cancellationToken);
        return Results.Ok(batches.Select(UsageBatchDto.From).ToArray());
    }

    private static async Task<IResult> BatchAsync(HttpContext http, [FromRoute(Name = "batch_id")] string batchId, SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var start = BatchStart(batchId, input);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        return await FindBatchAsync(log, Caller.Of(http).Client, start, cancellationToken) is { } batch
            ? Results.Ok(UsageBatchDrillDownDto.From(batch))
            : ApiErrors.Result([new AriaError(ApiErrors.UsageBatchNotFound, $"No incomplete aggregated usage batch {UsageBatchDto.Id(start)}.", "batch_id")]);
    }

    /// <summary>The incomplete batch starting at <paramref name="start"/>, or null.</summary>
    private static async Task<UsageBatch?> FindBatchAsync(SyncLog log, ClientNumber client, Instant start, CancellationToken cancellationToken)
    {
        var day = start.InUtc().Date;
        var batches = await log.IncompleteBatchesAsync(new UsageBatchFilter(client, day, day.PlusDays(1), Zone: DateTimeZone.Utc), cancellationToken);
        return batches.FirstOrDefault(b => b.Start == start);
    }

    /// <summary>A batch id (its start, ISO-8601) read into <paramref name="input"/>, within the business date range.</summary>
    private static Instant BatchStart(string? batchId, Input input)
    {
        var start = input.Instant(batchId, "batch_id");
        if (input.Valid && BusinessDates.Check(start.InUtc().Date, "batch_id") is { } outside)
        {
            input.Add(outside.Code, outside.Message, "batch_id");
        }

        return start;
    }

    /// <summary>The generic scope of a batch reprocess or discard (a discard with no body stays without one: refused).</summary>
    private static ScopeDto? BatchScope(string batchId, BatchScopeDto? body, bool discard)
    {
        if (body is null)
        {
            return discard ? null : new ScopeDto("batch", null, null, null, null, null, null, BatchId: batchId);
        }

        var level = body.Level?.ToLowerInvariant() switch
        {
            null or "" => discard ? "" : "batch",
            "batch" => "batch",
            "error_summary" => "batch_error_summary",
            var other => "batch:" + other, // refused by Scope, naming the levels a batch takes
        };
        return new ScopeDto(level, null, null, body.ErrorCode, null, null, null, null, body.ExpectedCount, batchId, body.Status);
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, string domain, SyncLog log, string? status, [FromQuery(Name = "object_name")] string? objectName, [FromQuery(Name = "action_name")] string? actionName, string? action, [FromQuery(Name = "error_code")] string? errorCode,
        [FromQuery(Name = "event_id")] string? eventId, [FromQuery(Name = "aria_sync_id")] string? ariaSyncId, [FromQuery(Name = "account_no")] string? accountNo, [FromQuery(Name = "object_type")] int? objectType, string? sort, bool? descending, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "continuation_token")] string? continuationToken,
        [FromQuery(Name = "batch_id")] string? batchId, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var search = new SyncSearch
        {
            Client = Caller.Of(http).Client, Domain = d,
            Status = string.IsNullOrEmpty(status) ? null : input.Choice(status, "status", SyncStatus.Error),
            ObjectNameContains = input.OptionalText(objectName, "object_name"), ActionNameContains = input.OptionalText(actionName, "action_name"),
            Action = input.OptionalText(action, "action"), ErrorCode = input.OptionalText(errorCode, "error_code"), EventId = input.OptionalText(eventId, "event_id"),
            AriaSyncId = input.OptionalText(ariaSyncId, "aria_sync_id"), ObjectType = objectType,
            AccountNumber = input.OptionalNumber(accountNo, "account_no") is { } a ? new AccountNumber(a) : null,
            SortBy = input.Choice(sort, "sort", SyncSortField.Id), Descending = descending ?? true,
            BatchStart = string.IsNullOrEmpty(batchId) ? null : BatchStart(batchId, input),
        };
        var page = continuationToken is null ? PageRequest.First(pageSize ?? PageRequest.DefaultSize) : PageRequest.After(continuationToken, pageSize ?? PageRequest.DefaultSize);
        input.Add(page.Errors);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var found = await log.SearchAsync(search with { Page = page.Value }, cancellationToken);
        return ApiErrors.Ok(found, p => new SyncPageDto([.. p.Items.Select(r => SyncRecordDto.From(r))], p.TotalCount, p.ContinuationToken));
    }

    private static async Task<IResult> GetAsync(HttpContext http, string domain, long id, SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var found = await log.GetAsync(Caller.Of(http).Client, id, cancellationToken);
        return found.IsSuccess && found.Value.Domain != d
            ? ApiErrors.Result([new AriaError(SyncErrorCodes.SyncEventIsNotFound, $"No sync record {id} in the {d} log.", "id")])
            : ApiErrors.Ok(found, r => SyncRecordDto.From(r, detail: true));
    }

    private static async Task<IResult> IngestAsync(HttpContext http, string domain, IngestDto? body, SyncLog log, IClock clock, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        if (body is null)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A JSON body is required.", "body");
        }

        // Aggregated usage goes to the batch of the window holding its recorded_at (now when absent); the other logs have none.
        var now = clock.GetCurrentInstant();
        (Instant Start, Instant End)? batch = null;
        if (d == SyncDomain.AggregatedUsage)
        {
            var recordedAt = body.RecordedAt is null ? now : input.Instant(body.RecordedAt, "recorded_at");
            if (input.Valid && BusinessDates.Check(recordedAt.InUtc().Date, "recorded_at") is { } outside)
            {
                input.Add(outside.Code, outside.Message, "recorded_at");
            }

            batch = input.Valid ? AggregationFrequency.WindowOf(recordedAt) : null;
        }

        var record = new SyncRecord
        {
            Client = Caller.Of(http).Client, Domain = d, EventId = input.Text(body.EventId, "event_id"), EventTime = now,
            BatchStart = batch?.Start, BatchEnd = batch?.End,
            ObjectName = input.Text(body.ObjectName, "object_name"), ActionName = input.Text(body.ActionName, "action_name"),
            Action = input.OptionalText(body.Action, "action"), ObjectType = body.ObjectType, AriaSyncId = input.OptionalText(body.AriaSyncId, "aria_sync_id"),
            AccountNumber = input.Positive(body.AccountNo, "account_no") is { } a ? new AccountNumber(a) : null,
            Payload = input.OptionalText(body.Payload, "payload", MaxPayloadChars) ?? "{}",
        };
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var stored = await log.IngestAsync(record, cancellationToken);
        return Results.Created($"/sync/{d}/records/{stored.Id}", SyncRecordDto.From(stored, detail: true));
    }

    private static async Task<IResult> SummaryAsync(HttpContext http, string domain, [FromQuery(Name = "account_no")] string? accountNo, SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var account = input.OptionalNumber(accountNo, "account_no");
        return input.Valid
            ? Results.Ok(await log.SummaryAsync(Caller.Of(http).Client, d, account is { } a ? new AccountNumber(a) : null, cancellationToken))
            : ApiErrors.Result(input.Errors);
    }

    private static async Task<IResult> ErrorSummaryAsync(
        HttpContext http, string domain, [FromQuery(Name = "object_name")] string? objectName, [FromQuery(Name = "action_name")] string? actionName, [FromQuery(Name = "account_no")] string? accountNo, SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        objectName = input.Text(objectName, "object_name");
        actionName = input.Text(actionName, "action_name");
        var account = input.OptionalNumber(accountNo, "account_no");
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var rows = await log.ErrorSummaryAsync(Caller.Of(http).Client, d, objectName, actionName, account is { } a ? new AccountNumber(a) : null, cancellationToken);
        return Results.Ok(rows.Select(r => new ErrorSummaryDto(r.ObjectName, r.ActionName, r.ErrorCode, r.ErrorMessage, r.Count, SyncErrorCatalog.Find(r.ErrorCode)?.Resolution)));
    }

    private static async Task<IResult> ErrorRecordsAsync(
        HttpContext http, string domain, [FromQuery(Name = "object_name")] string? objectName, [FromQuery(Name = "action_name")] string? actionName, [FromQuery(Name = "error_code")] string? errorCode, [FromQuery(Name = "error_message")] string? errorMessage, [FromQuery(Name = "account_no")] string? accountNo, int? max,
        SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var row = new SyncErrorSummaryRow(input.Text(objectName, "object_name"), input.Text(actionName, "action_name"),
            input.OptionalText(errorCode, "error_code"), input.OptionalText(errorMessage, "error_message", 2000), 0);
        var account = input.OptionalNumber(accountNo, "account_no");
        if (max is < 1 or > PageRequest.MaxSize)
        {
            input.Add(AriaErrorCodes.PageSizeOutOfRange, $"max should be in range [1-{PageRequest.MaxSize}].", "max");
        }

        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var records = await log.ErrorRecordsAsync(Caller.Of(http).Client, d, row, account is { } a ? new AccountNumber(a) : null, max ?? 100, cancellationToken);
        return Results.Ok(records.Select(r => SyncRecordDto.From(r)));
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, string domain, ScopeDto? body, SyncOperationKind kind, SyncReprocessor reprocessor, SyncLog log, BackgroundWork work)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var discard = kind == SyncOperationKind.Discard;
        if (discard && body is null)
        {
            // Issue #15 item 7: nothing irreversible by default — an empty discard used to take every ERROR record of the domain.
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A discard is for good: send its scope (level, spelled out even for all) and expected_count, the ERROR records it should hold.", "body");
        }

        body ??= new ScopeDto("all", null, null, null, null, null, null);
        if (discard && string.IsNullOrWhiteSpace(body.Level))
        {
            input.Missing("level", 0);
        }

        if (discard && body.ExpectedCount is null)
        {
            input.Missing("expected_count", 0);
        }
        else if (discard && body.ExpectedCount < 0)
        {
            input.Invalid("expected_count", 0);
        }

        var scope = Scope(body, input);
        if (scope is { Level: SyncScopeLevel.Batch or SyncScopeLevel.BatchErrorSummary } && d != SyncDomain.AggregatedUsage)
        {
            input.Add(ApiErrors.InvalidValue, $"level {body.Level} is for the aggregated_usage log only.", "level");
        }

        if (!input.Valid || scope is null)
        {
            return ApiErrors.Result(input.Errors);
        }

        var caller = Caller.Of(http);
        UsageBatch? batch = null; // a batch scope's batch, read once: it must exist, and a discard counts from it
        if (scope is { Level: SyncScopeLevel.Batch or SyncScopeLevel.BatchErrorSummary, BatchStart: { } batchStart }
            && (batch = await FindBatchAsync(log, caller.Client, batchStart, http.RequestAborted)) is null)
        {
            return ApiErrors.Result([new AriaError(ApiErrors.UsageBatchNotFound, $"No incomplete aggregated usage batch {UsageBatchDto.Id(batchStart)}.", "batch_id")]);
        }

        if (discard && await CountAsync(log, caller.Client, d, scope, batch, http.RequestAborted) is var now && now > body.ExpectedCount)
        {
            return ApiErrors.Result(StatusCodes.Status409Conflict, new AriaError(AriaErrorCode.Symbolic(ApiErrors.DiscardCountChanged),
                $"The scope now holds {now} ERROR records, more than the {body.ExpectedCount} expected: look again before discarding.", "expected_count"));
        }

        using var slot = work.TryReserve(caller.Client); // issue #15 item 5: a full queue is a prompt 429, never a wait
        if (slot is null)
        {
            return work.Full(http, caller.Client);
        }

        var started = await reprocessor.StartAsync(caller.Client, d, kind, scope, caller.Name, http.RequestAborted);
        if (started.IsFailure)
        {
            return ApiErrors.Result(started.Errors);
        }

        var operation = started.Value;
        slot.Enqueue((services, stop) => services.GetRequiredService<SyncReprocessor>().ContinueAsync(operation.Client, operation.Id, stop)); // a SIGTERM leaves it to resume
        return Results.Accepted($"/sync/operations/{operation.Id}", SyncOperationDto.From(operation));
    }

    private static async Task<IResult> OperationAsync(HttpContext http, Guid id, ISyncOperationStore operations, CancellationToken cancellationToken) =>
        await operations.GetOperationAsync(Caller.Of(http).Client, id, cancellationToken) is { } operation
            ? Results.Ok(SyncOperationDto.From(operation))
            : ApiErrors.Result([new AriaError(SyncErrorCodes.SyncOperationNotFound, $"No sync operation {id}.", "id")]);

    /// <summary>
    /// How many ERROR records <paramref name="scope"/> holds now, from the log's own summaries (the same counts the summary pages
    /// show the operator): a record scope is one record, checked by the reprocessor when it starts; a batch scope counts from
    /// its <paramref name="batch"/>, already read.
    /// </summary>
    private static async Task<long> CountAsync(SyncLog log, ClientNumber client, SyncDomain domain, SyncScope scope, UsageBatch? batch, CancellationToken cancellationToken)
    {
        switch (scope.Level)
        {
            case SyncScopeLevel.Record:
                return 1;
            case SyncScopeLevel.Batch or SyncScopeLevel.BatchErrorSummary:
                return batch is null ? 0 : batch.Details
                    .Where(e => e.Status == SyncStatus.Error && (scope.Level == SyncScopeLevel.Batch || e.ErrorCode == scope.ErrorCode))
                    .Sum(e => (long)e.Count);
            case SyncScopeLevel.ErrorSummary:
                var errors = await log.ErrorSummaryAsync(client, domain, scope.ObjectName!, scope.ActionName!, scope.AccountNumber, cancellationToken);
                return errors.Where(e => e.ErrorCode == scope.ErrorCode && e.ErrorMessage == scope.ErrorMessage).Sum(e => e.Count);
            default:
                var rows = await log.SummaryAsync(client, domain, scope.AccountNumber, cancellationToken);
                return rows.Where(r => scope.Level == SyncScopeLevel.All || (r.ObjectName == scope.ObjectName && r.ActionName == scope.ActionName)).Sum(r => r.Count);
        }
    }

    private static SyncScope? Scope(ScopeDto s, Input input)
    {
        var account = input.Positive(s.AccountNo, "account_no") is { } a ? new AccountNumber(a) : (AccountNumber?)null;
        switch (s.Level?.ToLowerInvariant())
        {
            case null or "" or "all":
                return SyncScope.All(account);
            case "summary":
                return SyncScope.Summary(input.Text(s.ObjectName, "object_name"), input.Text(s.ActionName, "action_name"), account);
            case "error_summary":
                return SyncScope.ErrorSummary(input.Text(s.ObjectName, "object_name"), input.Text(s.ActionName, "action_name"),
                    input.OptionalText(s.ErrorCode, "error_code"), input.OptionalText(s.ErrorMessage, "error_message", 2000), account);
            case "record":
                if (s.RecordId is null && input.OptionalText(s.EventId, "event_id") is { } eventId)
                {
                    return SyncScope.Event(eventId);
                }

                return input.Positive(s.RecordId ?? 0, "record_id") is { } id ? SyncScope.Record(id) : null;
            case "batch":
                return BatchStart(s.BatchId, input) is var start && input.Valid ? SyncScope.Batch(start) : null;
            case "batch_error_summary":
                var batchStart = BatchStart(s.BatchId, input);
                var code = input.OptionalText(s.ErrorCode, "error_code");
                if (input.Choice(s.Status, "status", SyncStatus.Error) is not SyncStatus.Error && input.Valid)
                {
                    // Only ERROR records are reprocessed or discarded; PENDING ones are processed again by the sync recovery.
                    input.Add(ApiErrors.InvalidValue, "status should be error: pending records are processed by the sync recovery once their lease has passed, not reprocessed or discarded.", "status");
                }

                return input.Valid ? SyncScope.BatchErrorSummary(batchStart, code) : null;
            case var level when level.StartsWith("batch:", StringComparison.Ordinal):
                input.Add(ApiErrors.InvalidValue, "level should be batch or error_summary.", "level");
                return null;
            default:
                input.Add(ApiErrors.InvalidValue, "level should be all, summary, error_summary, record, batch or batch_error_summary.", "level");
                return null;
        }
    }

    /// <summary>The media type of a batch sent as one JSON message per line.</summary>
    public const string NdJson = "application/x-ndjson";

    /// <summary>
    /// Issue 19: a batch of messages in one call. The body is a JSON array of the single-ingest body, or NDJSON (one per line,
    /// <c>Content-Type: application/x-ndjson</c>); at most <see cref="SyncLog.MaxIngestBatchSize"/> messages (413
    /// REQUEST_TOO_LARGE beyond, as is a body over the host's byte limit). Every message is checked first: one bad message is
    /// a 400 naming it by index (<c>[3].event_id</c>) and nothing is stored. Then the batch is stored at once and each new
    /// message processed; the answer lists, in order, each message's record and whether this call created it.
    /// </summary>
    private static async Task<IResult> IngestBatchAsync(HttpContext http, string domain, SyncLog log, IClock clock, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bodies = new List<IngestDto?>();
        try
        {
            var ndjson = http.Request.ContentType?.StartsWith(NdJson, StringComparison.OrdinalIgnoreCase) == true;
            var messages = ndjson ? ReadLinesAsync(http.Request.Body, options, cancellationToken)
                : System.Text.Json.JsonSerializer.DeserializeAsyncEnumerable<IngestDto>(http.Request.Body, options, cancellationToken);
            await foreach (var body in messages)
            {
                if (bodies.Count == SyncLog.MaxIngestBatchSize)
                {
                    return ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, new AriaError(
                        AriaErrorCode.Symbolic(ApiErrors.TooLarge), $"A batch holds at most {SyncLog.MaxIngestBatchSize} messages.", "body"));
                }

                bodies.Add(body);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, $"The body is not a JSON array (or NDJSON) of messages: {ex.Message}", "body");
        }

        if (bodies.Count == 0)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A batch holds at least one message.", "body");
        }

        var now = clock.GetCurrentInstant();
        var client = Caller.Of(http).Client;
        var records = new List<SyncRecord>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i] is not { } body)
            {
                input.Missing($"[{i}]", 0);
                continue;
            }

            records.Add(new SyncRecord
            {
                Client = client, Domain = d, EventId = input.Text(body.EventId, $"[{i}].event_id"), EventTime = now,
                ObjectName = input.Text(body.ObjectName, $"[{i}].object_name"), ActionName = input.Text(body.ActionName, $"[{i}].action_name"),
                Action = input.OptionalText(body.Action, $"[{i}].action"), ObjectType = body.ObjectType, AriaSyncId = input.OptionalText(body.AriaSyncId, $"[{i}].aria_sync_id"),
                AccountNumber = input.Positive(body.AccountNo, $"[{i}].account_no") is { } a ? new AccountNumber(a) : null,
                Payload = input.OptionalText(body.Payload, $"[{i}].payload", MaxPayloadChars) ?? "{}",
            });
        }

        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var results = await log.IngestManyAsync(records, cancellationToken);
        return TypedResults.Ok(results.Select((r, i) => new SyncBatchResultDto(i, r.Created, SyncRecordDto.From(r.Record))).ToArray());
    }

    private static async IAsyncEnumerable<IngestDto?> ReadLinesAsync(
        Stream body, System.Text.Json.JsonSerializerOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return System.Text.Json.JsonSerializer.Deserialize<IngestDto>(line, options);
            }
        }
    }
}
