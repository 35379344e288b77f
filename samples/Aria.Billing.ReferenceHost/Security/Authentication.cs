using Aria.Billing.ReferenceHost.Api;
using Microsoft.Extensions.Options;

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>
/// Every call names its client and carries its key — headers <c>X-Aria-Client-No</c> and <c>X-Aria-Auth-Key</c>; the spec's
/// <c>client_no</c> query parameter is read too, its <c>auth_key</c> only when <see cref="HostSecurityOptions.AllowKeysInQuery"/>
/// (otherwise a key in the query string is refused). A missing or wrong pair is 1004 "authentication error" (401); a role
/// without the access the endpoint needs is ACCESS_DENIED (403).
/// </summary>
public static class Authentication
{
    /// <summary>Requires an authenticated caller whose role grants <paramref name="access"/> in <paramref name="module"/>.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, HostModule module, HostAccess access)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRequirement(module, access)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<IOptionsMonitor<HostSecurityOptions>>().CurrentValue;
            if (!options.AllowKeysInQuery && http.Request.Query.ContainsKey("auth_key"))
            {
                // Issue #15 item 8: a key in a URL is logged by every proxy on the way; refused unless the host allows it.
                return ApiErrors.Result(StatusCodes.Status401Unauthorized, new AriaError(AriaErrorCodes.AuthenticationError,
                    "authentication error: a key in the query string (auth_key) is refused; send it in the X-Aria-Auth-Key header.", "auth_key"));
            }

            var caller = Authenticate(http, options);
            if (caller is null)
            {
                return ApiErrors.Result(StatusCodes.Status401Unauthorized, new AriaError(AriaErrorCodes.AuthenticationError, "authentication error", "auth_key"));
            }

            if (!caller.May(module, access))
            {
                return ApiErrors.Result(StatusCodes.Status403Forbidden, new AriaError(
                    AriaErrorCode.Symbolic(ApiErrors.AccessDenied), $"The key's role does not grant {access} on {module}.", "auth_key"));
            }

            http.Items[typeof(Caller)] = caller;
            return await next(context);
        });

    /// <summary>
    /// Whether a request for an endpoint that needs a key carries no valid one: such a request is answered 401 before anything
    /// else is said about it (a query value the endpoint cannot bind, say).
    /// </summary>
    internal static bool IsUnauthenticatedCallToGuardedEndpoint(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<AccessRequirement>() is not null
        && Authenticate(http, http.RequestServices.GetRequiredService<IOptionsMonitor<HostSecurityOptions>>().CurrentValue) is null;

    /// <summary>The endpoint metadata <see cref="RequireAccess"/> leaves: what the endpoint needs.</summary>
    private sealed record AccessRequirement(HostModule Module, HostAccess Access);

    /// <summary>The client number a request names (header, else query), as sent.</summary>
    public static string? ClientNoOf(HttpRequest request) =>
        request.Headers["X-Aria-Client-No"].FirstOrDefault() ?? request.Query["client_no"].FirstOrDefault();

    /// <summary>
    /// The caller a request's client number and key name, or <see langword="null"/>. Checked once per request: the rate
    /// limiter (which partitions after authentication) and the endpoint filter share the answer.
    /// </summary>
    internal static Caller? Authenticate(HttpContext http, HostSecurityOptions options)
    {
        if (http.Items.TryGetValue(Checked, out var known))
        {
            return known as Caller;
        }

        var caller = Authenticate(http.Request, options);
        http.Items[Checked] = caller;
        return caller;
    }

    /// <summary>The <see cref="HttpContext.Items"/> key of the answer of <see cref="Authenticate(HttpContext, HostSecurityOptions)"/>.</summary>
    private static readonly object Checked = new();

    private static Caller? Authenticate(HttpRequest request, HostSecurityOptions options)
    {
        var clientText = ClientNoOf(request);
        var key = request.Headers["X-Aria-Auth-Key"].FirstOrDefault() ?? request.Query["auth_key"].FirstOrDefault();
        if (!long.TryParse(clientText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var clientNo) || string.IsNullOrEmpty(key))
        {
            return null;
        }

        var client = options.Clients.FirstOrDefault(c => c.ClientNo == clientNo);
        var match = client?.Keys.FirstOrDefault(k => HostKeyHash.Matches(key, k.KeyHash));
        return match is null ? null : new Caller(new ClientNumber(clientNo), match.Name, match.Access);
    }
}
