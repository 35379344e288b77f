using System.Security.Cryptography;
using System.Text;
using Aria.Billing.ReferenceHost.Api;
using Microsoft.Extensions.Options;

namespace Aria.Billing.ReferenceHost.Security;

/// <summary>
/// Every call names its client and carries its key — headers <c>X-Aria-Client-No</c> and <c>X-Aria-Auth-Key</c>, or the
/// spec's <c>client_no</c> and <c>auth_key</c> query parameters. A missing or wrong pair is 1004 "authentication error"
/// (401); a role without the access the endpoint needs is ACCESS_DENIED (403).
/// </summary>
public static class Authentication
{
    /// <summary>Requires an authenticated caller whose role grants <paramref name="access"/> in <paramref name="module"/>.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, HostModule module, HostAccess access)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<IOptionsMonitor<HostSecurityOptions>>().CurrentValue;
            var caller = Authenticate(http.Request, options);
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

    /// <summary>The client number a request names (header, else query), as sent.</summary>
    public static string? ClientNoOf(HttpRequest request) =>
        request.Headers["X-Aria-Client-No"].FirstOrDefault() ?? request.Query["client_no"].FirstOrDefault();

    private static Caller? Authenticate(HttpRequest request, HostSecurityOptions options)
    {
        var clientText = ClientNoOf(request);
        var key = request.Headers["X-Aria-Auth-Key"].FirstOrDefault() ?? request.Query["auth_key"].FirstOrDefault();
        if (!long.TryParse(clientText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var clientNo) || string.IsNullOrEmpty(key))
        {
            return null;
        }

        var client = options.Clients.FirstOrDefault(c => c.ClientNo == clientNo);
        var presented = Encoding.UTF8.GetBytes(key);
        var match = client?.Keys.FirstOrDefault(k => k.Key.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k.Key), presented));
        return match is null ? null : new Caller(new ClientNumber(clientNo), match.Name, match.Access);
    }
}
