using System.Globalization;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.ReferenceHost.Api;
using Aria.Billing.ReferenceHost.Background;
using Aria.Billing.ReferenceHost.Security;
using Aria.Billing.Sync;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.ReferenceHost.Endpoints;

/// <summary>
/// The few reads the operator console (issue #20) needs that the other endpoints do not give: who the key is and what its role
/// allows (so the console offers only the buttons it may use), the client's schedules, a run's statistics, a run created without
/// starting it, errors per day per object and action (the console's chart), and an account's plan-change queue with the actions
/// the queue's rules allow on each change.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>The most days the errors-per-day chart covers.</summary>
    public const int MaxErrorDays = 31;

    /// <summary>Maps <c>/console/session</c>, <c>/jobs/schedules</c>, <c>/jobs/runs/{id}/statistics</c>, <c>/sync/{domain}/errors/daily</c> and <c>/plans/accounts/{account_no}/queue</c>.</summary>
    public static void MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        // HostAccess.None: any valid key of the client may ask what it may do (even one without a right in Sync).
        app.MapGet("/console/session", Session).RequireAccess(HostModule.Sync, HostAccess.None).WithTags("Console")
            .WithName("GetConsoleSession").WithSummary("The calling key's name, client and what its role allows in each module.")
            .Produces<ConsoleSessionDto>().ProducesErrors();
        app.MapGet("/jobs/schedules", SchedulesAsync).RequireAccess(HostModule.Jobs, HostAccess.Read).WithTags("Jobs")
            .WithName("ListSchedules").WithSummary("The client's job schedules, by name, with the recommended-order warning of each.")
            .Produces<SavedScheduleDto[]>().ProducesErrors();
        app.MapPost("/jobs/schedules/{name}/runs/created", CreateRunAsync).RequireAccess(HostModule.Jobs, HostAccess.Create).WithTags("Jobs")
            .WithName("CreateRun").WithSummary("Creates the run of a schedule for a date (status New) without starting it.")
            .Produces<RunDto>(StatusCodes.Status201Created).ProducesErrors(StatusCodes.Status404NotFound);
        app.MapPost("/jobs/runs/{id:guid}/execute", ExecuteRunAsync).RequireAccess(HostModule.Jobs, HostAccess.Edit).WithTags("Jobs")
            .WithName("ExecuteRun").WithSummary("Starts (or continues) a created run in the background.")
            .Produces<RunDto>(StatusCodes.Status202Accepted).ProducesErrors(StatusCodes.Status404NotFound);
        app.MapGet("/jobs/runs/{id:guid}/statistics", StatisticsAsync).RequireAccess(HostModule.Jobs, HostAccess.Read).WithTags("Jobs")
            .WithName("GetRunStatistics").WithSummary("Each job of a run with its work items pending, running, completed and failed.")
            .Produces<JobStatisticsDto[]>().ProducesErrors(StatusCodes.Status404NotFound);
        app.MapGet("/sync/{domain}/errors/daily", ErrorsDailyAsync).RequireAccess(HostModule.Sync, HostAccess.Read).WithTags("Sync")
            .WithName("GetSyncErrorsDaily").WithSummary("ERROR records per day of their event time, per object and action, over the last days.")
            .Produces<ErrorsDailyDto>().ProducesErrors();
        app.MapGet("/plans/accounts/{account_no:long}/queue", QueueAsync).RequireAccess(HostModule.Plans, HostAccess.Read).WithTags("Plans")
            .WithName("GetPlanQueue").WithSummary("An account's queued changes with the actions the rules and the key's role allow on each, and its history.")
            .Produces<PlanQueueDto>().ProducesErrors();
    }

    private static IResult Session(HttpContext http)
    {
        var caller = Caller.Of(http);
        var access = Enum.GetValues<HostModule>().ToDictionary(
            m => m.ToString().ToLowerInvariant(),
            m => (IReadOnlyList<string>)[.. new[] { HostAccess.Read, HostAccess.Create, HostAccess.Edit, HostAccess.Delete }.Where(a => caller.May(m, a)).Select(a => a.ToString().ToLowerInvariant())]);
        return TypedResults.Ok(new ConsoleSessionDto(caller.Client.Value, caller.Name, access));
    }

    private static async Task<IResult> SchedulesAsync(HttpContext http, JobScheduleRegistry registry, ClientTimeZones zones, CancellationToken cancellationToken)
    {
        var client = Caller.Of(http).Client;
        var schedules = await registry.ListAsync(client, cancellationToken);
        return TypedResults.Ok(schedules.Select(d => SavedScheduleDto.From(
            d, zones, JobScheduleRegistry.OrderWarning(d) is { } warning ? [warning.Message] : [])).ToArray());
    }

    private static async Task<IResult> CreateRunAsync(HttpContext http, string name, TriggerDto? body, JobScheduleRegistry registry, JobRunner runner)
    {
        var caller = Caller.Of(http);
        if (await registry.ResolveAsync(caller.Client, name, http.RequestAborted) is not { } schedule)
        {
            return JobEndpoints.ScheduleNotFound(name);
        }

        var input = new Input();
        var date = input.Date(body?.RunDate, "run_date");
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        // Held: the schedule driver's recovery leaves it alone until the operator executes it (POST /jobs/runs/{id}/execute).
        var run = await runner.CreateHeldRunAsync(schedule, date, caller.Name, http.RequestAborted);
        return TypedResults.Created($"/jobs/runs/{run.Id}", RunDto.From(run));
    }

    private static async Task<IResult> ExecuteRunAsync(HttpContext http, Guid id, JobRunner runner, BackgroundWork work, CancellationToken cancellationToken)
    {
        var client = Caller.Of(http).Client;
        var run = await runner.PollAsync(client, id, cancellationToken);
        if (run.IsFailure)
        {
            return ApiErrors.Result(run.Errors);
        }

        using var slot = work.TryReserve(client); // issue #15 item 5: a full queue is a prompt 429, never a wait
        if (slot is null)
        {
            return work.Full(http, client);
        }

        slot.Enqueue((services, stop) => services.GetRequiredService<JobRunner>().ExecuteAsync(client, id, stop));
        return TypedResults.Accepted($"/jobs/runs/{id}", RunDto.From(run.Value));
    }

    private static async Task<IResult> StatisticsAsync(HttpContext http, Guid id, JobRunner runner, CancellationToken cancellationToken) =>
        ApiErrors.Ok(await runner.StatisticsAsync(Caller.Of(http).Client, id, cancellationToken), stats => stats.Select(s => new JobStatisticsDto(
            s.Index, s.Name, s.Status, (int)s.Status, s.Pending, s.Running, s.Completed, s.Failed, s.StartedAt?.ToString(), s.FinishedAt?.ToString())).ToArray());

    private static async Task<IResult> ErrorsDailyAsync(
        HttpContext http, string domain, int? days, ISyncRecordStore records, ClientTimeZones zones, IClock clock, CancellationToken cancellationToken)
    {
        var input = new Input();
        var d = input.Choice(domain, "domain", SyncDomain.Account);
        if (days is < 1 or > MaxErrorDays)
        {
            input.Add(ApiErrors.InvalidValue, $"days should be in range [1-{MaxErrorDays}].", "days");
        }

        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        // The client's days (some 23 or 25 hours long) as period boundaries of one grouped count in the store.
        var client = Caller.Of(http).Client;
        var zone = zones.For(client);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var first = today.PlusDays(1 - (days ?? 14));
        var boundaries = Enumerable.Range(0, (days ?? 14) + 1).Select(i => first.PlusDays(i).AtStartOfDayInZone(zone).ToInstant()).ToArray();
        var rows = await records.CountErrorsByPeriodAsync(client, d, boundaries, cancellationToken);
        var series = rows.GroupBy(r => (r.ObjectName, r.ActionName)).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key.ObjectName, StringComparer.Ordinal)
            .Select(g => new ErrorSeriesDto(g.Key.ObjectName, g.Key.ActionName, [.. g.OrderBy(r => r.Period).Select(r => new ErrorDayDto(Day(first.PlusDays(r.Period)), r.Count))]))
            .ToArray();
        return TypedResults.Ok(new ErrorsDailyDto(Day(first), Day(today), series));
    }

    private static async Task<IResult> QueueAsync(HttpContext http, [FromRoute(Name = "account_no")] long accountNo, PlanChangeQueue queue, CancellationToken cancellationToken)
    {
        if (accountNo < 1)
        {
            return ApiErrors.Result([new AriaError(ApiErrors.InvalidValue, "account_no should be a positive whole number.", "account_no")]);
        }

        var caller = Caller.Of(http);
        var changes = await queue.ListAsync(caller.Client, new AccountNumber(accountNo), includeHistory: true, cancellationToken: cancellationToken);
        var mayEdit = caller.May(HostModule.Plans, HostAccess.Edit);
        var mayDelete = caller.May(HostModule.Plans, HostAccess.Delete);
        var queued = new List<QueueEntryDto>();
        foreach (var change in changes.Where(c => c.State == PlanChangeState.Queued).OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt))
        {
            var execute = mayEdit && await queue.CanExecuteNowAsync(change, cancellationToken);
            queued.Add(new QueueEntryDto(PlanChangeDto.From(change), execute, mayEdit && change.Timing == PlanChangeTiming.Dated, mayDelete));
        }

        var history = changes.Where(c => c.State != PlanChangeState.Queued).OrderByDescending(c => c.ClosedAt).Select(PlanChangeDto.From).ToArray();
        return TypedResults.Ok(new PlanQueueDto(accountNo, queued, history));
    }

    private static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
