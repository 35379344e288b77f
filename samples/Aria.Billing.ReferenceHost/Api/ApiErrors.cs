using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// How rule violations leave the host: always RFC 9457 problem details (<c>application/problem+json</c>) whose
/// <c>errors</c> member lists the coded errors, with 400 for bad input, 401/403 for authentication and roles, 404 for what
/// the client does not have, 409 for an operation the current state refuses (one in progress, an invoice with an active
/// credit memo or already rebilled …), 413 for a body too large. Never a 500 for bad input.
/// </summary>
public static class ApiErrors
{
    /// <summary>The media type of every error response (RFC 9457).</summary>
    public const string ProblemContentType = "application/problem+json";

    /// <summary>A role without the access an endpoint needs.</summary>
    public const string AccessDenied = "ACCESS_DENIED";

    /// <summary>A request the host cannot read (malformed JSON, a value of the wrong type, a missing body).</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>A value that is present but not one the field takes.</summary>
    public static AriaErrorCode InvalidValue { get; } = AriaErrorCode.Symbolic("INVALID_VALUE");

    /// <summary>A request body or record payload over the host's limit.</summary>
    public const string TooLarge = "REQUEST_TOO_LARGE";

    /// <summary>A discard whose scope now holds more ERROR records than the count the operator saw (issue #15 item 7): 409.</summary>
    public const string DiscardCountChanged = "DISCARD_COUNT_CHANGED";

    /// <summary>No incomplete aggregated usage batch with the id given: 404.</summary>
    public static AriaErrorCode UsageBatchNotFound { get; } = AriaErrorCode.Symbolic("USAGE_BATCH_NOT_FOUND");

    /// <summary>No endpoint at the path.</summary>
    public const string RouteNotFound = "ROUTE_NOT_FOUND";

    /// <summary>An endpoint at the path, but not for the method.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    private static readonly HashSet<AriaErrorCode> NotFound =
    [
        SyncErrorCodes.SyncEventIsNotFound, SyncErrorCodes.SyncOperationNotFound,
        JobErrorCodes.RunNotFound, JobErrorCodes.ScheduleNotFound, PlanChangeQueueErrorCodes.NotFound,
        InvoicingErrorCodes.InvoiceNotFound, InvoicingErrorCodes.CreditMemoNotFound, UsageBatchNotFound,
    ];

    private static readonly HashSet<AriaErrorCode> Conflict =
    [
        SyncErrorCodes.SyncOperationInProgress,

        // The invoice or memo as it is now refuses the adjustment; the request itself may be fine.
        InvoicingErrorCodes.InvoiceAlreadyExists, InvoicingErrorCodes.InvoicePending, InvoicingErrorCodes.InvoiceVoided,
        InvoicingErrorCodes.InvoiceFullyPaid, InvoicingErrorCodes.InvoiceHasRefundReversal, InvoicingErrorCodes.InvoiceAlreadyRebilled,
        InvoicingErrorCodes.InvoiceRebillVoided, InvoicingErrorCodes.InvoiceIsParentPayChild, InvoicingErrorCodes.InvoiceHasNoCreditableLine,
        InvoicingErrorCodes.InvoiceHasCreditMemo, InvoicingErrorCodes.PlanInstanceLeftBillingGroup, InvoicingErrorCodes.InvoiceInCurrentBillingCycle,
        InvoicingErrorCodes.CreditMemoAlreadyVoided, InvoicingErrorCodes.CreditMemoBelongsToRebill, InvoicingErrorCodes.SequenceExhausted,
        InvoicingErrorCodes.LedgerBusy, InvoicingErrorCodes.IdempotencyKeyReused,
    ];

    /// <summary>The response for <paramref name="errors"/> with the status their codes call for: 404 before 409 before 400.</summary>
    public static IResult Result(IReadOnlyList<AriaError> errors) =>
        Result(StatusOf(errors), [.. errors]);

    /// <summary>The status <paramref name="errors"/> call for: 404 when one names something the client does not have, else 409 when one is a conflict with the current state, else 400.</summary>
    public static int StatusOf(IReadOnlyList<AriaError> errors) =>
        errors.Any(e => NotFound.Contains(e.Code)) ? StatusCodes.Status404NotFound
            : errors.Any(e => Conflict.Contains(e.Code)) ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;

    /// <summary>The response for <paramref name="errors"/> with <paramref name="status"/>: problem details carrying the codes.</summary>
    public static IResult Result(int status, params AriaError[] errors) =>
        Results.Json(Problem(status, errors), contentType: ProblemContentType, statusCode: status);

    /// <summary>The most errors one response lists; the count of the rest is its <c>more_errors</c> (issue #15 item 6).</summary>
    public const int MaxErrors = 100;

    /// <summary>
    /// The problem details of <paramref name="errors"/> answered with <paramref name="status"/>: the first <see cref="MaxErrors"/>
    /// listed (and in <c>detail</c>), the count of the others in <c>more_errors</c> (absent when none were left out).
    /// </summary>
    public static ErrorBody Problem(int status, IReadOnlyList<AriaError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var listed = errors.Take(MaxErrors).ToArray();
        var more = errors.Count - listed.Length;
        var detail = string.Join(" ", listed.Select(e => e.Message));
        return new ErrorBody(
            "about:blank", ReasonPhrases.GetReasonPhrase(status), status, more > 0 ? $"{detail} … and {more} more errors." : detail,
            [.. listed.Select(e => new ErrorDto(e.Code.Value, e.Message, e.AssociatedInputs))], more > 0 ? more : null);
    }

    /// <summary>The value, or the errors as a response.</summary>
    public static IResult Ok<T>(AriaResult<T> result, Func<T, object> map) =>
        result.IsSuccess ? Results.Ok(map(result.Value)) : Result(result.Errors);

    /// <summary>400 with one error.</summary>
    public static IResult Bad(string code, string message, params string[] inputs) =>
        Result(StatusCodes.Status400BadRequest, new AriaError(AriaErrorCode.Symbolic(code), message, inputs));

    /// <summary>
    /// Gives a response the framework ended with an error status and no body (no route, a method the route does not take, a
    /// body that is not JSON) the same coded problem details as every other refusal.
    /// </summary>
    public static Task WriteBodilessStatusAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var error = status switch
        {
            StatusCodes.Status404NotFound => new AriaError(AriaErrorCode.Symbolic(RouteNotFound), $"No endpoint at {http.Request.Path}.", "path"),
            StatusCodes.Status405MethodNotAllowed => new AriaError(AriaErrorCode.Symbolic(MethodNotAllowed), $"{http.Request.Method} is not an operation of {http.Request.Path}.", "method"),
            StatusCodes.Status415UnsupportedMediaType => new AriaError(AriaErrorCode.Symbolic(InvalidRequest), "The body should be JSON (Content-Type: application/json).", "body"),
            _ => new AriaError(AriaErrorCode.Symbolic(InvalidRequest), $"The request was refused ({status} {ReasonPhrases.GetReasonPhrase(status)}).", "request"),
        };
        return Result(status, error).ExecuteAsync(http);
    }

    /// <summary>Documents in the OpenAPI description that the endpoint answers problem details with <paramref name="statuses"/>, besides 400, 401, 403 and 429.</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in new[] { StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests }.Concat(statuses).Distinct())
        {
            builder.Produces<ErrorBody>(status, ProblemContentType);
        }

        return builder;
    }

    /// <summary>The body of every error response: RFC 9457 problem details with the coded errors as the <c>errors</c> extension.</summary>
    /// <param name="Type">The problem type: <c>about:blank</c>, the status says what kind of problem it is.</param>
    /// <param name="Title">The status's reason phrase.</param>
    /// <param name="Status">The HTTP status.</param>
    /// <param name="Detail">The errors' messages.</param>
    /// <param name="Errors">The coded errors: the spec's code, a message, and the inputs each is about; at most <see cref="MaxErrors"/>.</param>
    /// <param name="MoreErrors">How many errors were found beyond those listed; absent when all are listed.</param>
    public sealed record ErrorBody(
        string Type, string Title, int Status, string Detail, IReadOnlyList<ErrorDto> Errors,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? MoreErrors = null);

    /// <summary>One coded error: the spec's code, a message, and the inputs it is about.</summary>
    public sealed record ErrorDto(string Code, string Message, IReadOnlyList<string> Inputs);
}
