namespace Aria.Billing.ReferenceHost.Security;

/// <summary>
/// Headers every response carries (issue #15 item 8): <c>Cache-Control: no-store</c> — answers carry a client's data and are
/// never to be kept by a cache or a browser; <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy: no-referrer</c>.
/// Set when the response starts, so error responses written after a <c>Response.Clear()</c> carry them too. The operator console's
/// files add their content security policy and <c>no-cache</c> (<see cref="Operator.OperatorPage"/>); Kestrel sends no <c>Server</c> header (Program.cs).
/// </summary>
public sealed class ResponseHeaders(RequestDelegate next)
{
    /// <summary>Handles one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.OnStarting(() =>
        {
            if (string.IsNullOrEmpty(response.Headers.CacheControl))
            {
                response.Headers.CacheControl = "no-store"; // the console's static files say no-cache: revalidated by ETag
            }

            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
