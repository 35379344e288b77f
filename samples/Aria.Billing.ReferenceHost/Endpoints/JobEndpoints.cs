using System.Globalization;
using System.Text.Json;
using Aria.Billing.Jobs;
using Aria.Billing.ReferenceHost.Api;
using Microsoft.AspNetCore.Mvc;
using Aria.Billing.ReferenceHost.Background;
using Aria.Billing.ReferenceHost.Security;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.ReferenceHost.Endpoints;

/// <summary>Job schedules, runs and the audit log over HTTP (spec: job-schedule-management.txt, batch-process-audit-log.txt).</summary>
public static class JobEndpoints
{
    /// <summary>Maps <c>/jobs/…</c>.</summary>
    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapPut("/schedules/{name}", DefineAsync).RequireAccess(HostModule.Jobs, HostAccess.Create)
            .WithName("DefineSchedule").WithSummary("Define or replace a job schedule: frequency, execution time and zone, ordered jobs, exception windows.")
            .Produces<SavedScheduleDto>().ProducesErrors(StatusCodes.Status409Conflict);
        jobs.MapGet("/schedules/{name}", GetAsync).RequireAccess(HostModule.Jobs, HostAccess.Read)
            .WithName("GetSchedule").WithSummary("A job schedule's definition as saved, exception windows included.")
            .Produces<SavedScheduleDto>().ProducesErrors(StatusCodes.Status404NotFound);
        jobs.MapDelete("/schedules/{name}", DeleteAsync).RequireAccess(HostModule.Jobs, HostAccess.Delete)
            .WithName("DeleteSchedule").WithSummary("Delete a job schedule (refused when it would leave the client without daily billing).")
            .Produces<DeletedScheduleDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        jobs.MapGet("/schedules/{name}/next-runs", NextRuns).RequireAccess(HostModule.Jobs, HostAccess.Read)
            .WithName("ListNextRuns").WithSummary("The next runs of a schedule after a date: run date, start instant, and what shifted it (an exception window).")
            .Produces<IReadOnlyList<NextRunDto>>().ProducesErrors(StatusCodes.Status404NotFound);
        jobs.MapPost("/schedules/{name}/runs", TriggerAsync).RequireAccess(HostModule.Jobs, HostAccess.Create)
            .WithName("TriggerRun").WithSummary("Start a schedule's run for a date (idempotent on the key); 202 with the run to poll.")
            .Produces<RunDto>(StatusCodes.Status202Accepted).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        jobs.MapGet("/runs/{id:guid}", RunAsync).RequireAccess(HostModule.Jobs, HostAccess.Read)
            .WithName("GetRun").WithSummary("A run with the status of each of its jobs (batch status codes 0-7).")
            .Produces<RunDto>().ProducesErrors(StatusCodes.Status404NotFound);
        jobs.MapGet("/runs/{id:guid}/jobs/{index:int}/items", ItemsAsync).RequireAccess(HostModule.Jobs, HostAccess.Read)
            .WithName("ListWorkItems").WithSummary("The work items of one job of a run.")
            .Produces<IReadOnlyList<WorkItemDto>>().ProducesErrors(StatusCodes.Status404NotFound);
        jobs.MapPost("/runs/{id:guid}/reset", ResetAsync).RequireAccess(HostModule.Jobs, HostAccess.Edit)
            .WithName("ResetRun").WithSummary("Reset a run: its unfinished jobs back to New, to run again.")
            .Produces<RunDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        jobs.MapPost("/runs/{id:guid}/reprocess", ReprocessAsync).RequireAccess(HostModule.Jobs, HostAccess.Edit)
            .WithName("ReprocessRun").WithSummary("Reprocess a run's failed work, or one job's; 202 with the run to poll.")
            .Produces<RunDto>(StatusCodes.Status202Accepted).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        jobs.MapGet("/audit", AuditAsync).RequireAccess(HostModule.Jobs, HostAccess.Read)
            .WithName("SearchAudit").WithSummary("The batch process audit log: runs within at most 7 days, by status and process name, paged.")
            .Produces<AuditPageDto>().ProducesErrors();
    }

    private static async Task<IResult> DefineAsync(HttpContext http, string name, ScheduleDto? body, JobScheduleRegistry registry, ClientTimeZones clientZones)
    {
        if (body is null)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A JSON body is required.", "body");
        }

        var caller = Caller.Of(http);
        var input = new Input();
        var definition = Parse(caller.Client, name, body, http.RequestServices.GetRequiredService<IDateTimeZoneProvider>(), input);
        if (definition is null)
        {
            return ApiErrors.Result(input.Errors);
        }

        // The registry saves through the store every node reads, which refuses to leave the client without daily billing.
        var saved = await registry.SaveAsync(definition, caller.Name, http.RequestAborted);
        if (saved.IsFailure)
        {
            return ApiErrors.Result(saved.Errors);
        }

        return Results.Ok(SavedScheduleDto.From(definition, clientZones, [.. saved.Warnings.Select(w => w.Message)]));
    }

    /// <summary>A schedule's definition as saved, exception windows included (spec: job-schedule-management.txt).</summary>
    private static async Task<IResult> GetAsync(HttpContext http, string name, JobScheduleRegistry registry, ClientTimeZones clientZones)
    {
        var client = Caller.Of(http).Client;
        return await registry.FindAsync(client, name, http.RequestAborted) is { } definition
            ? Results.Ok(SavedScheduleDto.From(definition, clientZones, []))
            : ApiErrors.Result([new AriaError(JobErrorCodes.ScheduleNotFound, $"No schedule '{name}' for client {client}.", "name")]);
    }

    /// <summary>The response body of a saved definition: its time zone (the client's when it names none) and windows in start order.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext http, string name, JobScheduleRegistry registry) =>
        ApiErrors.Ok(await registry.RemoveAsync(Caller.Of(http).Client, name, http.RequestAborted), d => new DeletedScheduleDto(d.Name, true));

    /// <summary>The definition a request describes, or null with the reasons in <paramref name="input"/>.</summary>
    private static ScheduleDefinition? Parse(ClientNumber client, string name, ScheduleDto body, IDateTimeZoneProvider zones, Input input)
    {
        var scheduleName = input.Text(name, "name", 100);
        if (!ScheduleFrequency.TryParse(body.Frequency, out var frequency))
        {
            input.Add(ApiErrors.InvalidValue,
                "frequency should be daily, weekly:<weekday>, monthly:<1-31>, month_end, days_before_month_end:<n>, quarter_end, year_end or manual_only.", "frequency");
        }

        var time = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(body.Time ?? "");
        if (!time.Success)
        {
            input.Add(AriaErrorCodes.InvalidDateFormat, "time should be HH:mm.", "time");
        }

        if (body.TimeZone is not null && zones.GetZoneOrNull(body.TimeZone) is null) // no time_zone: the client's
        {
            input.Add(ApiErrors.InvalidValue, $"time_zone '{body.TimeZone}' is not a tz database id.", "time_zone");
        }

        var jobsFit = input.AtMost(body.Jobs, "jobs", MaxJobs);
        var definitions = jobsFit
            ? (body.Jobs ?? []).Select(j => new JobDefinition(input.Text(j?.Name, "jobs.name", 100), input.Text(j?.JobType, "jobs.job_type", 100))).ToArray()
            : Array.Empty<JobDefinition>();
        if (definitions.Length == 0 && jobsFit)
        {
            input.Add(AriaErrorCodes.MissingRequiredParameter, "Missing input: jobs is required.", "jobs");
        }

        var windows = Windows(body.ExceptionWindows, input);
        return input.Valid
            ? new ScheduleDefinition
            {
                Client = client, Name = scheduleName, Frequency = frequency, Time = time.Value, TimeZoneId = body.TimeZone, Jobs = definitions, ExceptionWindows = windows,
            }
            : null;
    }

    /// <summary>The most jobs a schedule may run (issue #15 item 6).</summary>
    public const int MaxJobs = 50;

    /// <summary>The most exception windows a schedule may have.</summary>
    public const int MaxExceptionWindows = 50;

    /// <summary>The exception windows of a definition: each start before its end, at most <see cref="MaxExceptionWindows"/>.</summary>
    private static ExceptionWindow[] Windows(IReadOnlyList<ExceptionWindowDto?>? given, Input input)
    {
        if (given is null)
        {
            return [];
        }

        if (given.Count > MaxExceptionWindows)
        {
            input.Add(ApiErrors.InvalidValue, $"exception_windows should have at most {MaxExceptionWindows} windows; it has {given.Count}.", "exception_windows");
            return [];
        }

        var windows = new List<ExceptionWindow>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var name = $"exception_windows[{i}]";
            if (given[i] is not { } window)
            {
                input.Add(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {name} should be an object with start and end.", name);
                continue;
            }

            var errors = input.Errors.Count;
            var start = input.Instant(window.Start, $"{name}.start");
            var end = input.Instant(window.End, $"{name}.end");
            if (input.Errors.Count == errors && start >= end)
            {
                input.Add(ApiErrors.InvalidValue, $"{name}.start should be before its end.", name);
            }

            windows.Add(new ExceptionWindow(start, end));
        }

        return [.. windows];
    }

    private static async Task<IResult> NextRuns(
        HttpContext http, string name, string? after, int? count, JobScheduleRegistry registry, IClock clock)
    {
        if (await registry.ResolveAsync(Caller.Of(http).Client, name, http.RequestAborted) is not { } schedule)
        {
            return ScheduleNotFound(name);
        }

        var input = new Input();
        var from = string.IsNullOrEmpty(after) ? clock.GetCurrentInstant()
            : input.OptionalDate(after, "after") is { } date ? date.AtStartOfDayInZone(schedule.Calendar.Zone).ToInstant() : default;
        if (count is < 1 or > 100)
        {
            input.Add(ApiErrors.InvalidValue, "count should be in range [1-100].", "count");
        }

        return input.Valid
            ? Results.Ok(schedule.Calendar.Preview(from, count ?? 5).Select(r =>
                new NextRunDto(r.RunDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), OffsetDateTimePattern.Rfc3339.Format(r.StartsAt.InZone(schedule.Calendar.Zone).ToOffsetDateTime()), r.ShiftedBy)))
            : ApiErrors.Result(input.Errors);
    }

    private static async Task<IResult> TriggerAsync(
        HttpContext http, string name, TriggerDto? body, JobScheduleRegistry registry, JobRunner runner, BackgroundWork work)
    {
        if (await registry.ResolveAsync(Caller.Of(http).Client, name, http.RequestAborted) is not { } schedule)
        {
            return ScheduleNotFound(name);
        }

        var input = new Input();
        var date = input.Date(body?.RunDate, "run_date");
        var key = input.Text(body?.IdempotencyKey, "idempotency_key", 100);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        using var slot = work.TryReserve(schedule.Client); // issue #15 item 5: a full queue is a prompt 429, never a wait
        if (slot is null)
        {
            return work.Full(http, schedule.Client);
        }

        var run = await runner.TriggerAsync(schedule, date, key, http.RequestAborted);
        slot.Enqueue((services, stop) => services.GetRequiredService<JobRunner>().ExecuteAsync(run.Client, run.Id, stop));
        return Results.Accepted($"/jobs/runs/{run.Id}", RunDto.From(run));
    }

    private static async Task<IResult> RunAsync(HttpContext http, Guid id, JobRunner runner, CancellationToken cancellationToken) =>
        ApiErrors.Ok(await runner.PollAsync(Caller.Of(http).Client, id, cancellationToken), RunDto.From);

    private static async Task<IResult> ItemsAsync(HttpContext http, Guid id, int index, JobRunner runner, IJobRunStore store, CancellationToken cancellationToken)
    {
        var run = await runner.PollAsync(Caller.Of(http).Client, id, cancellationToken);
        if (run.IsFailure)
        {
            return ApiErrors.Result(run.Errors);
        }

        if (index < 0 || index >= run.Value.Jobs.Count)
        {
            return ApiErrors.Result([new AriaError(JobErrorCodes.RunNotFound, $"Run {id} has no job {index}.", "index")]);
        }

        var items = await store.ListWorkItemsAsync(id, index, cancellationToken);
        return Results.Ok(items.Select(i => new WorkItemDto(i.Id, i.Key, i.State, i.Attempts, i.Error)));
    }

    private static async Task<IResult> ResetAsync(HttpContext http, Guid id, JobRunner runner, CancellationToken cancellationToken) =>
        ApiErrors.Ok(await runner.ResetAsync(Caller.Of(http).Client, id, cancellationToken), RunDto.From);

    private static async Task<IResult> ReprocessAsync(HttpContext http, Guid id, int? job, JobRunner runner, BackgroundWork work, CancellationToken cancellationToken)
    {
        var client = Caller.Of(http).Client;
        var run = await runner.PollAsync(client, id, cancellationToken);
        if (run.IsFailure)
        {
            return ApiErrors.Result(run.Errors);
        }

        if (job is { } index && (index < 0 || index >= run.Value.Jobs.Count))
        {
            return ApiErrors.Result([new AriaError(JobErrorCodes.RunNotFound, $"Run {id} has no job {index}.", "job")]);
        }

        using var slot = work.TryReserve(client);
        if (slot is null)
        {
            return work.Full(http, client);
        }

        // The jobs are reopened in the store before the answer, so a stop before the background execution loses nothing:
        // the run is unfinished and the schedule driver's recovery executes it.
        var reopened = job is { } j
            ? await runner.ReopenJobAsync(client, id, j, cancellationToken)
            : await runner.ReopenScheduleAsync(client, id, cancellationToken);
        if (reopened.IsFailure)
        {
            return ApiErrors.Result(reopened.Errors);
        }

        slot.Enqueue((services, stop) => services.GetRequiredService<JobRunner>().ExecuteAsync(client, id, stop));
        return Results.Accepted($"/jobs/runs/{id}", RunDto.From(reopened.Value));
    }

    private static async Task<IResult> AuditAsync(
        HttpContext http, string? from, string? to, string? status, string? process, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "continuation_token")] string? continuationToken, JobRunner runner, CancellationToken cancellationToken)
    {
        var input = new Input();
        var start = input.Date(from, "from");
        var end = input.Date(to, "to");
        BatchStatus? batchStatus = string.IsNullOrEmpty(status) ? null
            : int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && Enum.IsDefined((BatchStatus)code) ? (BatchStatus)code
            : input.Choice(status, "status", BatchStatus.New);
        var page = continuationToken is null ? PageRequest.First(pageSize ?? PageRequest.DefaultSize) : PageRequest.After(continuationToken, pageSize ?? PageRequest.DefaultSize);
        input.Add(page.Errors);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var found = await runner.SearchAuditAsync(new RunSearch(Caller.Of(http).Client, start, end, batchStatus, input.OptionalText(process, "process")), page.Value, cancellationToken);
        return ApiErrors.Ok(found, p => new AuditPageDto([.. p.Items.Select(RunDto.From)], p.TotalCount, p.ContinuationToken));
    }

    internal static IResult ScheduleNotFound(string name) =>
        ApiErrors.Result([new AriaError(JobErrorCodes.ScheduleNotFound, $"No schedule named '{(name.Length > 100 ? name[..100] : name)}' for this client.", "name")]);
}
