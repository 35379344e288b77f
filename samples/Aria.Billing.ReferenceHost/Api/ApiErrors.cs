using Aria.Billing.Jobs;
using Aria.Billing.Plans.Queue;
using Aria.Billing.Sync;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// How rule violations leave the host: always a JSON body of coded errors, with 400 for bad input, 401/403 for
/// authentication and roles, 404 for what the client does not have, 409 for a conflicting operation, 413 for a body too
/// large. Never a 500 for bad input.
/// </summary>
public static class ApiErrors
{
    /// <summary>A role without the access an endpoint needs.</summary>
    public const string AccessDenied = "ACCESS_DENIED";

    /// <summary>A request the host cannot read (malformed JSON, a value of the wrong type, a missing body).</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>A value that is present but not one the field takes.</summary>
    public static AriaErrorCode InvalidValue { get; } = AriaErrorCode.Symbolic("INVALID_VALUE");

    /// <summary>A request body or record payload over the host's limit.</summary>
    public const string TooLarge = "REQUEST_TOO_LARGE";

    private static readonly HashSet<AriaErrorCode> NotFound =
    [
        SyncErrorCodes.SyncEventIsNotFound, SyncErrorCodes.SyncOperationNotFound,
        JobErrorCodes.RunNotFound, JobErrorCodes.ScheduleNotFound, PlanChangeQueueErrorCodes.NotFound,
    ];

    private static readonly HashSet<AriaErrorCode> Conflict = [SyncErrorCodes.SyncOperationInProgress];

    /// <summary>The response for <paramref name="errors"/> with the status their codes call for.</summary>
    public static IResult Result(IReadOnlyList<AriaError> errors) =>
        Result(errors.Any(e => NotFound.Contains(e.Code)) ? StatusCodes.Status404NotFound
            : errors.Any(e => Conflict.Contains(e.Code)) ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest, [.. errors]);

    /// <summary>The response for <paramref name="errors"/> with <paramref name="status"/>.</summary>
    public static IResult Result(int status, params AriaError[] errors) =>
        Results.Json(new ErrorBody([.. errors.Select(e => new ErrorDto(e.Code.Value, e.Message, e.AssociatedInputs))]), statusCode: status);

    /// <summary>The value, or the errors as a response.</summary>
    public static IResult Ok<T>(AriaResult<T> result, Func<T, object> map) =>
        result.IsSuccess ? Results.Ok(map(result.Value)) : Result(result.Errors);

    /// <summary>400 with one error.</summary>
    public static IResult Bad(string code, string message, params string[] inputs) =>
        Result(StatusCodes.Status400BadRequest, new AriaError(AriaErrorCode.Symbolic(code), message, inputs));

    /// <summary>The body of every error response.</summary>
    public sealed record ErrorBody(IReadOnlyList<ErrorDto> Errors);

    /// <summary>One coded error: the spec's code, a message, and the inputs it is about.</summary>
    public sealed record ErrorDto(string Code, string Message, IReadOnlyList<string> Inputs);
}
