using Microsoft.AspNetCore.Http.Features;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// The host's edge: a body over <see cref="MaxBodyBytes"/> is 413 REQUEST_TOO_LARGE — refused up front when its
/// Content-Length says so, when the reader passes the limit when it is sent chunked — a request the endpoint cannot read
/// (malformed JSON, a value of the wrong type) is 400 INVALID_REQUEST — both with a coded body, never a 500.
/// </summary>
public sealed partial class RequestLimits(RequestDelegate next)
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
            var result = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, TooLarge())
                : Security.Authentication.IsUnauthenticatedCallToGuardedEndpoint(context)
                    ? ApiErrors.Result(StatusCodes.Status401Unauthorized, new AriaError(AriaErrorCodes.AuthenticationError, "authentication error", "auth_key"))
                : ApiErrors.Result(StatusCodes.Status400BadRequest, Unreadable(ex));
            await result.ExecuteAsync(context);
        }
    }

    /// <summary>
    /// A request the endpoint cannot read: a query or route value that is not of its parameter's type is INVALID_VALUE naming
    /// the parameter as the API spells it (<c>page_size 'abc' is not a whole number</c>), anything else INVALID_REQUEST about the body.
    /// </summary>
    private static AriaError Unreadable(BadHttpRequestException ex)
    {
        var binding = BindingFailure().Match(ex.Message);
        if (!binding.Success)
        {
            return new AriaError(AriaErrorCode.Symbolic(ApiErrors.InvalidRequest), ex.Message, "body");
        }

        var name = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(binding.Groups["name"].Value);
        var value = binding.Groups["value"].Value;
        var expected = binding.Groups["type"].Value switch
        {
            var t when t.Contains("bool", StringComparison.OrdinalIgnoreCase) => "true or false",
            var t when t.Contains("int", StringComparison.OrdinalIgnoreCase) || t.Contains("long", StringComparison.OrdinalIgnoreCase) => "a whole number",
            var t when t.Contains("Guid", StringComparison.Ordinal) => "an id (GUID)",
            _ => "a value of the expected type",
        };
        return new AriaError(ApiErrors.InvalidValue, $"{name} '{(value.Length > 100 ? value[..100] : value)}' is not {expected}.", name);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from \"(?<value>.*)\"\\.?$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex BindingFailure();

    private static AriaError TooLarge() =>
        new(AriaErrorCode.Symbolic(ApiErrors.TooLarge), $"The request body is larger than {MaxBodyBytes} bytes.", "body");
}
