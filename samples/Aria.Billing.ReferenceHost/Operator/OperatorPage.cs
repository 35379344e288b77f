namespace Aria.Billing.ReferenceHost.Operator;

/// <summary>
/// The operator page (GET /operator): the reprocess summary with drill-down (summary → error summary → records, the
/// catalog's resolution beside each error) with reprocess/discard at each level, and a schedule's run for a date with its
/// jobs, work items and statuses. A static page over the same API and keys; it holds no data of its own.
/// </summary>
public static class OperatorPage
{
    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(OperatorPage).Assembly.GetManifestResourceStream("operator.html")
            ?? throw new InvalidOperationException("The operator page is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// The page's content security policy (issue #15 item 8): nothing but its own inline script and style, each allowed by its
    /// SHA-256 hash, and calls to this host; no framing (<c>frame-ancestors 'none'</c>), no base URI, no form posts.
    /// </summary>
    internal static string ContentSecurityPolicy { get; } = Policy(Html.Value);

    /// <summary>Maps <c>/operator</c>.</summary>
    public static void MapOperatorPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/operator", (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Results.Content(Html.Value, "text/html; charset=utf-8");
        }).ExcludeFromDescription();

    private static string Policy(string html)
    {
        static string Hashes(string html, string tag) => string.Join(" ", System.Text.RegularExpressions.Regex
            .Matches(html, $"<{tag}>(.*?)</{tag}>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'"));

        return $"default-src 'none'; script-src {Hashes(html, "script")}; style-src {Hashes(html, "style")}; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
