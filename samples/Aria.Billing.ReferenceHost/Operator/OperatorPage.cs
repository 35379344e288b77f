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

    /// <summary>Maps <c>/operator</c>.</summary>
    public static void MapOperatorPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/operator", () => Results.Content(Html.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
}
