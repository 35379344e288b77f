using System.Globalization;
using Aria.Billing.Plans;
using Aria.Billing.Plans.Queue;
using Aria.Billing.ReferenceHost.Api;
using Microsoft.AspNetCore.Mvc;
using Aria.Billing.ReferenceHost.Security;
using NodaTime;

namespace Aria.Billing.ReferenceHost.Endpoints;

/// <summary>The plan-change queue and the plan previews over HTTP (spec: replace-acct-plan-m.txt, release-6.50.txt).</summary>
public static class PlanEndpoints
{
    /// <summary>
    /// The most entries each list of a replace-plan validation may have: <c>plan_instance_fields</c>, <c>custom_rates</c>,
    /// <c>coupon_codes</c>, <c>surcharges</c> (issue #15 item 6); a longer one is INVALID_VALUE.
    /// </summary>
    public const int MaxReplaceListEntries = 1000;

    /// <summary>Maps <c>/plans/…</c>.</summary>
    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/plans").WithTags("Plans");
        plans.MapPost("/changes", QueueAsync).RequireAccess(HostModule.Plans, HostAccess.Create)
            .WithName("QueuePlanChange").WithSummary("Queue a change for a plan instance (assign, remove, replace, units, status, rate schedule), with the warnings its rules raised.")
            .Produces<QueuedChangeDto>(StatusCodes.Status201Created).ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        plans.MapGet("/accounts/{account_no:long}/changes", ListAsync).RequireAccess(HostModule.Plans, HostAccess.Read)
            .WithName("ListPlanChanges").WithSummary("An account's queued plan changes in the order they run; with history, executed and deleted ones too.")
            .Produces<IReadOnlyList<PlanChangeDto>>().ProducesErrors();
        plans.MapPost("/changes/{id:guid}/execute", ExecuteAsync).RequireAccess(HostModule.Plans, HostAccess.Edit)
            .WithName("ExecutePlanChange").WithSummary("Execute a dated change now (the top-most pending assignment only).")
            .Produces<PlanChangeDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        plans.MapPut("/changes/{id:guid}/effective-date", ChangeDateAsync).RequireAccess(HostModule.Plans, HostAccess.Edit)
            .WithName("ChangePlanChangeDate").WithSummary("Move a queued change to another effective date.")
            .Produces<PlanChangeDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        plans.MapDelete("/changes/{id:guid}", DeleteAsync).RequireAccess(HostModule.Plans, HostAccess.Delete)
            .WithName("DeletePlanChange").WithSummary("Delete a queued change and its descendants; returns every change deleted.")
            .Produces<IReadOnlyList<PlanChangeDto>>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        plans.MapPost("/proration/preview", ProrationPreview).RequireAccess(HostModule.Plans, HostAccess.Read)
            .WithName("PreviewProration").WithSummary("The credit and charge of a plan change on a date, under a proration policy.")
            .Produces<ProrationQuoteDto>().ProducesErrors();
        plans.MapPost("/invoice-plan/preview", InvoicePlanPreview).RequireAccess(HostModule.Plans, HostAccess.Read)
            .WithName("PreviewInvoicePlan").WithSummary("The invoices due for the uninvoiced periods as of a date: combined (long-cycle) or one per period.")
            .Produces<InvoicePlanDto>().ProducesErrors();
        plans.MapPost("/replace/validate", ValidateReplaceAsync).RequireAccess(HostModule.Plans, HostAccess.Read)
            .WithName("ValidateReplacePlan").WithSummary("Validate a replace_acct_plan_m request against the billing system: the directive in force, or every coded error at once.")
            .Produces<ReplacePlanDto>().ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> QueueAsync(HttpContext http, QueueChangeDto? body, PlanChangeQueue queue, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A JSON body is required.", "body");
        }

        var input = new Input();
        var account = input.Positive(body.AccountNo, "account_no", required: true);
        var instance = input.Positive(body.PlanInstanceNo, "plan_instance_no", required: true);
        var parent = input.Positive(body.ParentPlanInstanceNo, "parent_plan_instance_no", required: false);
        var request = new QueuePlanChangeRequest
        {
            Client = Caller.Of(http).Client, Account = new AccountNumber(account ?? 1), Instance = new PlanInstanceNumber(instance ?? 1),
            ParentInstance = parent is { } p ? new PlanInstanceNumber(p) : null,
            PlanKind = input.Choice(body.PlanKind, "plan_kind", PlanKind.Master),
            Kind = string.IsNullOrEmpty(body.Kind) ? input.Missing("kind", PlanChangeKind.Units) : input.Choice(body.Kind, "kind", PlanChangeKind.Units),
            Timing = input.Choice(body.Timing, "timing", PlanChangeTiming.Dated),
            EffectiveDate = input.OptionalDate(body.EffectiveDate, "effective_date"),
            NewPlan = input.Positive(body.NewPlanNo, "new_plan_no", required: false) is { } plan ? new PlanNumber(plan) : null,
            Units = body.Units,
            NewStatus = string.IsNullOrEmpty(body.NewStatus) ? null : input.Choice(body.NewStatus, "new_status", PlanInstanceStatus.Active),
            RateSchedule = input.Positive(body.RateScheduleNo, "rate_schedule_no", required: false),
            Proceed = body.Proceed,
        };
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var queued = await queue.QueueAsync(request, Caller.Of(http).Name, cancellationToken);
        return queued.IsSuccess
            ? Results.Created($"/plans/accounts/{queued.Value.Account}/changes", new QueuedChangeDto(PlanChangeDto.From(queued.Value), [.. queued.Warnings.Select(w => w.Message)]))
            : ApiErrors.Result(queued.Errors);
    }

    private static async Task<IResult> ListAsync(HttpContext http, [FromRoute(Name = "account_no")] long accountNo, bool? history, PlanChangeQueue queue, CancellationToken cancellationToken) =>
        accountNo < 1
            ? ApiErrors.Result([new AriaError(ApiErrors.InvalidValue, "account_no should be a positive whole number.", "account_no")])
            : Results.Ok((await queue.ListAsync(Caller.Of(http).Client, new AccountNumber(accountNo), includeHistory: history ?? false, cancellationToken: cancellationToken))
                .Select(PlanChangeDto.From));

    private static async Task<IResult> ExecuteAsync(HttpContext http, Guid id, PlanChangeQueue queue, CancellationToken cancellationToken) =>
        ApiErrors.Ok(await queue.ExecuteNowAsync(Caller.Of(http).Client, id, Caller.Of(http).Name, cancellationToken), PlanChangeDto.From);

    private static async Task<IResult> ChangeDateAsync(HttpContext http, Guid id, ChangeDateDto? body, PlanChangeQueue queue, CancellationToken cancellationToken)
    {
        var input = new Input();
        var date = input.Date(body?.EffectiveDate, "effective_date");
        return input.Valid
            ? ApiErrors.Ok(await queue.ChangeDateAsync(Caller.Of(http).Client, id, date, Caller.Of(http).Name, cancellationToken), PlanChangeDto.From)
            : ApiErrors.Result(input.Errors);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, Guid id, PlanChangeQueue queue, CancellationToken cancellationToken) =>
        ApiErrors.Ok(await queue.DeleteAsync(Caller.Of(http).Client, id, Caller.Of(http).Name, cancellationToken), deleted => deleted.Select(PlanChangeDto.From));

    private static IResult ProrationPreview(ProrationPreviewDto? body, ProrationCalculator proration)
    {
        if (body is null)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A JSON body is required.", "body");
        }

        var input = new Input();
        var cycle = Cycle(body.BillDay, body.IntervalMonths, input);
        var currency = Currency.TryFromCode(body.Currency ?? "USD", out var c) ? c : input.Invalid("currency", Currency.USD);
        var request = new ProrationRequest
        {
            Cycle = cycle ?? BillingCycle.Monthly(1),
            OldRatePerUnit = Money.Of(input.Amount(body.OldRate, "old_rate"), currency), OldUnits = body.OldUnits ?? 1,
            NewRatePerUnit = Money.Of(input.Amount(body.NewRate, "new_rate"), currency), NewUnits = body.NewUnits ?? 1,
            EffectiveDate = input.Date(body.EffectiveDate, "effective_date"),
            AltProrationStartDate = input.OptionalDate(body.AltProrationStartDate, "alt_proration_start_date"),
            Policy = input.Choice(body.Policy, "policy", ProrationPolicy.Full),
        };
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        return ApiErrors.Ok(proration.Quote(request), q => new ProrationQuoteDto(
            Day(q.Credit.Period.Start), Day(q.Credit.Period.End), q.Credit.Period.Days, q.Credit.DaysRemaining, Day(q.SpanStart),
            q.Credit.Amount.Amount, q.Charge.Amount.Amount, q.Net.Amount, currency.Code));
    }

    private static IResult InvoicePlanPreview(InvoicePlanPreviewDto? body, InvoicePlanner planner)
    {
        if (body is null)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A JSON body is required.", "body");
        }

        var input = new Input();
        var cycle = Cycle(body.BillDay, body.IntervalMonths, input);
        var request = new InvoicePlanRequest
        {
            Cycle = cycle ?? BillingCycle.Monthly(1), FirstUninvoicedPeriodStart = input.Date(body.FirstUninvoicedPeriodStart, "first_uninvoiced_period_start"),
            AsOf = input.Date(body.AsOf, "as_of"), BillLagDays = body.BillLagDays ?? 0, CombineInvoices = body.CombineInvoices ?? (int)CombineInvoices.ClientDefault,
        };
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        return ApiErrors.Ok(planner.Plan(request), plan => new InvoicePlanDto(
            plan.PeriodsDue, plan.Combine,
            [.. plan.Invoices.Select(i => new PlannedInvoiceDto(
                Day(i.InvoiceDate), [.. i.Covers.Select(p => new CoveredPeriodDto(Day(p.Period.Start), Day(p.Period.End), Day(p.From), p.Days))]))]));
    }

    /// <summary>
    /// Validates a replace_acct_plan_m request against the billing system's facts (the host's <see cref="IReplacePlanFactsSource"/>,
    /// here the demo's) for the caller's client, as of its today (or <c>today</c>, for a what-if): every coded error at once.
    /// </summary>
    private static async Task<IResult> ValidateReplaceAsync(HttpContext http, ReplacePlanRequest? body, string? today, ReplacePlanService replace, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ApiErrors.Bad(ApiErrors.InvalidRequest, "A JSON body is required.", "body");
        }

        var input = new Input();
        var asOf = input.OptionalDate(today, "today");
        input.AtMost(body.PlanInstanceFields, "plan_instance_fields", MaxReplaceListEntries);
        input.AtMost(body.CustomRates, "custom_rates", MaxReplaceListEntries);
        input.AtMost(body.CouponCodes, "coupon_codes", MaxReplaceListEntries);
        input.AtMost(body.Surcharges, "surcharges", MaxReplaceListEntries);
        if (!input.Valid)
        {
            return ApiErrors.Result(input.Errors);
        }

        var caller = Caller.Of(http);
        var request = body with { ClientNo = caller.Client.ToString(), AuthKey = "verified-by-host" }; // the host authenticated the caller
        var validated = await replace.ValidateAsync(caller.Client, request, asOf, cancellationToken);
        return ApiErrors.Ok(validated, v => new ReplacePlanDto(
            v.Directive.Directive.Code, v.Directive.Directive.Timing, v.Directive.Proration,
            v.Directive.EffectiveDate is { } d ? Day(d) : null, v.Directive.IsDefault,
            v.AccountNumber.Value, v.PlanInstanceNumber.Value, v.PlanKind, v.NewPlanNumber.Value, v.Currency.Code, v.ChangesCurrency,
            [.. v.InvoicedAtCancellation.Select(c => new CancellationChargeDto(c.Kind, c.ServiceNo, (int)c.LineType))]));
    }

    private static BillingCycle? Cycle(int? billDay, int? intervalMonths, Input input)
    {
        if (billDay is not (>= 1 and <= 31))
        {
            input.Add(ApiErrors.InvalidValue, "bill_day should be in range [1-31].", "bill_day");
            return null;
        }

        if (intervalMonths is { } months && months is < 1 or > 120)
        {
            input.Add(ApiErrors.InvalidValue, "interval_months should be in range [1-120].", "interval_months");
            return null;
        }

        return intervalMonths is null or 1
            ? BillingCycle.Monthly(billDay.Value)
            : BillingCycle.Anchored(new LocalDate(2000, 1, Math.Min(billDay.Value, 31)), BillingInterval.FromMonths(intervalMonths.Value), billDay.Value);
    }

    private static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
