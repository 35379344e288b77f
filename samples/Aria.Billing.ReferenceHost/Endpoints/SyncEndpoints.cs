using Aria.Billing.ReferenceHost.Api;
using Aria.Billing.ReferenceHost.Background;
using Aria.Billing.ReferenceHost.Security;
using Aria.Billing.Sync;
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
        sync.MapGet("/{domain}/records", SearchAsync).RequireAccess(HostModule.Sync, HostAccess.Read);
        sync.MapGet("/{domain}/records/{id:long}", GetAsync).RequireAccess(HostModule.Sync, HostAccess.Read);
        sync.MapPost("/{domain}/records", IngestAsync).RequireAccess(HostModule.Sync, HostAccess.Create);
        sync.MapPost("/{domain}/records/batch", IngestBatchAsync).RequireAccess(HostModule.Sync, HostAccess.Create)
            .WithName("IngestSyncRecordBatch")
            .WithSummary($"Records and processes a batch of at most {SyncLog.MaxIngestBatchSize} messages (a JSON array, or NDJSON), all or nothing, idempotent on event_id.")
            .Accepts<IngestDto[]>("application/json", NdJson)
            .Produces<SyncBatchResultDto[]>();
        sync.MapGet("/{domain}/summary", SummaryAsync).RequireAccess(HostModule.Sync, HostAccess.Read);
        sync.MapGet("/{domain}/summary/errors", ErrorSummaryAsync).RequireAccess(HostModule.Sync, HostAccess.Read);
        sync.MapGet("/{domain}/summary/records", ErrorRecordsAsync).RequireAccess(HostModule.Sync, HostAccess.Read);
        sync.MapPost("/{domain}/reprocess", (HttpContext http, string domain, ScopeDto? scope, SyncReprocessor reprocessor, SyncLog log, BackgroundWork work) =>
            StartAsync(http, domain, scope, SyncOperationKind.Reprocess, reprocessor, log, work)).RequireAccess(HostModule.Sync, HostAccess.Edit);
        sync.MapPost("/{domain}/discard", (HttpContext http, string domain, ScopeDto? scope, SyncReprocessor reprocessor, SyncLog log, BackgroundWork work) =>
            StartAsync(http, domain, scope, SyncOperationKind.Discard, reprocessor, log, work)).RequireAccess(HostModule.Sync, HostAccess.Delete);
        sync.MapGet("/operations/{id:guid}", OperationAsync).RequireAccess(HostModule.Sync, HostAccess.Read);
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, string domain, SyncLog log, string? status, string? object_name, string? action_name, string? action, string? error_code,
        string? event_id, string? aria_sync_id, string? account_no, string? sort, bool? descending, int? page_size, string? continuation_token, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var search = new SyncSearch
        {
            Client = Caller.Of(http).Client, Domain = d,
            Status = string.IsNullOrEmpty(status) ? null : input.Choice(status, "status", SyncStatus.Error),
            ObjectNameContains = input.OptionalText(object_name, "object_name"), ActionNameContains = input.OptionalText(action_name, "action_name"),
            Action = input.OptionalText(action, "action"), ErrorCode = input.OptionalText(error_code, "error_code"), EventId = input.OptionalText(event_id, "event_id"),
            AriaSyncId = input.OptionalText(aria_sync_id, "aria_sync_id"),
            AccountNumber = input.OptionalNumber(account_no, "account_no") is { } a ? new AccountNumber(a) : null,
            SortBy = input.Choice(sort, "sort", SyncSortField.Id), Descending = descending ?? true,
        };
        var page = continuation_token is null ? PageRequest.First(page_size ?? PageRequest.DefaultSize) : PageRequest.After(continuation_token, page_size ?? PageRequest.DefaultSize);
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

        var record = new SyncRecord
        {
            Client = Caller.Of(http).Client, Domain = d, EventId = input.Text(body.EventId, "event_id"), EventTime = clock.GetCurrentInstant(),
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

    private static async Task<IResult> SummaryAsync(HttpContext http, string domain, string? account_no, SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var account = input.OptionalNumber(account_no, "account_no");
        return input.Valid
            ? Results.Ok(await log.SummaryAsync(Caller.Of(http).Client, d, account is { } a ? new AccountNumber(a) : null, cancellationToken))
            : ApiErrors.Result(input.Errors);
    }

    private static async Task<IResult> ErrorSummaryAsync(
        HttpContext http, string domain, string? object_name, string? action_name, string? account_no, SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var objectName = input.Text(object_name, "object_name");
        var actionName = input.Text(action_name, "action_name");
        var account = input.OptionalNumber(account_no, "account_no");
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var rows = await log.ErrorSummaryAsync(Caller.Of(http).Client, d, objectName, actionName, account is { } a ? new AccountNumber(a) : null, cancellationToken);
        return Results.Ok(rows.Select(r => new ErrorSummaryDto(r.ObjectName, r.ActionName, r.ErrorCode, r.ErrorMessage, r.Count, SyncErrorCatalog.Find(r.ErrorCode)?.Resolution)));
    }

    private static async Task<IResult> ErrorRecordsAsync(
        HttpContext http, string domain, string? object_name, string? action_name, string? error_code, string? error_message, string? account_no, int? max,
        SyncLog log, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        var row = new SyncErrorSummaryRow(input.Text(object_name, "object_name"), input.Text(action_name, "action_name"),
            input.OptionalText(error_code, "error_code"), input.OptionalText(error_message, "error_message", 2000), 0);
        var account = input.OptionalNumber(account_no, "account_no");
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
        if (!input.Valid || scope is null)
        {
            return ApiErrors.Result(input.Errors);
        }

        var caller = Caller.Of(http);
        if (discard && await CountAsync(log, caller.Client, d, scope, http.RequestAborted) is var now && now > body.ExpectedCount)
        {
            return ApiErrors.Result(StatusCodes.Status409Conflict, new AriaError(AriaErrorCode.Symbolic(ApiErrors.DiscardCountChanged),
                $"The scope now holds {now} ERROR records, more than the {body.ExpectedCount} expected: look again before discarding.", "expected_count"));
        }

        var started = await reprocessor.StartAsync(caller.Client, d, kind, scope, caller.Name, http.RequestAborted);
        if (started.IsFailure)
        {
            return ApiErrors.Result(started.Errors);
        }

        var operation = started.Value;
        await work.EnqueueAsync((services, stop) => services.GetRequiredService<SyncReprocessor>().RunAsync(operation.Client, operation.Id, null, stop));
        return Results.Accepted($"/sync/operations/{operation.Id}", SyncOperationDto.From(operation));
    }

    private static async Task<IResult> OperationAsync(HttpContext http, Guid id, ISyncOperationStore operations, CancellationToken cancellationToken) =>
        await operations.GetOperationAsync(Caller.Of(http).Client, id, cancellationToken) is { } operation
            ? Results.Ok(SyncOperationDto.From(operation))
            : ApiErrors.Result([new AriaError(SyncErrorCodes.SyncOperationNotFound, $"No sync operation {id}.", "id")]);

    /// <summary>
    /// How many ERROR records <paramref name="scope"/> holds now, from the log's own summaries (the same counts the summary pages
    /// show the operator): a record scope is one record, checked by the reprocessor when it starts.
    /// </summary>
    private static async Task<long> CountAsync(SyncLog log, ClientNumber client, SyncDomain domain, SyncScope scope, CancellationToken cancellationToken)
    {
        switch (scope.Level)
        {
            case SyncScopeLevel.Record:
                return 1;
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
            default:
                input.Add(ApiErrors.InvalidValue, "level should be all, summary, error_summary or record.", "level");
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
