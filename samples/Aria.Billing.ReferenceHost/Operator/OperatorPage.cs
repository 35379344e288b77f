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

        // A key in the console's URL is refused, never served or redirected with it (issue #15 item 8, #20 item 4). /operator (no
        // slash) → /operator/, keeping only the client number. A middleware, not an endpoint: a matched endpoint at /operator
        // would also match /operator/ and the static-file middleware leaves matched requests alone.
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Path))
            {
                return next(context);
            }

            if (context.Request.Query.ContainsKey("auth_key"))
            {
                return Api.ApiErrors.Result(StatusCodes.Status401Unauthorized, new AriaError(AriaErrorCodes.AuthenticationError,
                    "authentication error: a key in the console's URL is refused; the console asks for it on its sign-in form.", "auth_key")).ExecuteAsync(context);
            }

            if (context.Request.Path.Value == Path && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                var client = context.Request.Query["client_no"].FirstOrDefault();
                var keep = client is { Length: > 0 and <= 19 } && client.All(char.IsAsciiDigit) ? $"?client_no={client}" : "";
                context.Response.Redirect($"{Path}/{keep}");
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
