namespace Aria.Billing.ReferenceHost.Operator;

/// <summary>
/// The operator console (issue #20): static HTML, JavaScript and CSS under <c>wwwroot/operator</c>, served at <c>/operator/</c>
/// by the static-file middleware (ETag and Last-Modified, so a browser revalidates and gets 304 Not Modified), over the same
/// API and keys as any client. It holds no data of its own and keeps the key in the page's memory only, never in a URL.
/// </summary>
public static class OperatorPage
{
    /// <summary>Where the console is served.</summary>
    public const string Path = "/operator";

    /// <summary>
    /// The console's content security policy: scripts and styles from this host's files only (no inline script or style, no
    /// <c>unsafe-inline</c>), calls to this host, no framing, no base URI, no form posts.
    /// </summary>
    internal const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Serves <c>wwwroot/operator</c> at <c>/operator/</c> (index.html for the folder), each file with an ETag, <c>Cache-Control:
    /// no-cache</c> (revalidate, then 304) and the policy above; the other headers come from <see cref="Security.ResponseHeaders"/>.
    /// </summary>
    public static IApplicationBuilder UseOperatorConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // /operator (no slash) → /operator/, keeping the query (a client number, never a key). A middleware, not an endpoint: a
        // matched endpoint at /operator would also match /operator/ and the static-file middleware leaves matched requests alone.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value == Path && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Redirect($"{Path}/{context.Request.QueryString}");
                return Task.CompletedTask;
            }

            return next(context);
        });

        // The web root's provider: wwwroot of a published host, or (Development, tests) the project's wwwroot through the
        // static web assets manifest of the build output.
        var files = app.Environment.WebRootFileProvider;
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), console =>
        {
            console.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
            console.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = context =>
                {
                    var headers = context.Context.Response.Headers;
                    headers.CacheControl = "no-cache";
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                },
            });
        });
    }
}
