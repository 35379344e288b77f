using Microsoft.AspNetCore.Http.Features;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// The host's edge: a body over <see cref="MaxBodyBytes"/> is 413 REQUEST_TOO_LARGE — refused up front when its
/// Content-Length says so, when the reader passes the limit when it is sent chunked — a request the endpoint cannot read
/// (malformed JSON, a value of the wrong type) is 400 INVALID_REQUEST — both with a coded body, never a 500.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    /// <summary>The largest request body the host reads.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, TooLarge()).ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            var result = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, TooLarge())
                : ApiErrors.Result(StatusCodes.Status400BadRequest, new AriaError(AriaErrorCode.Symbolic(ApiErrors.InvalidRequest), ex.Message, "body"));
            await result.ExecuteAsync(context);
        }
    }

    private static AriaError TooLarge() =>
        new(AriaErrorCode.Symbolic(ApiErrors.TooLarge), $"The request body is larger than {MaxBodyBytes} bytes.", "body");
}
