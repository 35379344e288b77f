using System.Net.Http.Json;
using System.Text.Json;
using Aria.Billing.ReferenceHost.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>
/// The reference host in-process over its real HTTP pipeline, on a throw-away SQLite file (or PostgreSQL when given a
/// connection string), with two clients: 1000 (keys ops, viewer, sync-editor, clerk — Create on Invoicing only) and 2000
/// (key other).
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();
    private readonly string? _postgres;
    private readonly string? _sqlitePath;

    /// <summary>A host on SQLite.</summary>
    public HostFactory()
        : this(null)
    {
    }

    private HostFactory(string? postgres, bool kestrel = false, string? sqlitePath = null)
    {
        _postgres = postgres;
        _sqlitePath = sqlitePath;
        if (kestrel)
        {
            UseKestrel(0); // a real server on a loopback port the OS picks
        }
    }

    /// <summary>A host on the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static HostFactory OnPostgres(string connectionString) => new(connectionString);

    /// <summary>A host on the SQLite file at <paramref name="path"/> (several hosts on one file stand for several nodes).</summary>
    public static HostFactory OnSqliteFile(string path) => new(null, sqlitePath: path);

    /// <summary>A host served by Kestrel over loopback, on SQLite or (given a connection string) PostgreSQL.</summary>
    public static HostFactory OnKestrel(string? postgres = null) => new(postgres, kestrel: true);

    /// <summary>JSON as the host writes it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A client calling as <paramref name="clientNo"/> with <paramref name="key"/>.</summary>
    public HttpClient As(long clientNo, string key) => CreateClient().WithKey(clientNo, key);

    /// <summary>Client 1000 with every access.</summary>
    public HttpClient Ops() => As(1000, "ops-key");

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AriaHost:Storage", _postgres is null ? "Sqlite" : "PostgreSql");
        builder.UseSetting("AriaHost:Sqlite:Path", _sqlitePath ?? _folder.File("host.db"));
        builder.UseSetting("AriaHost:PostgreSql:ConnectionString", _postgres ?? "");
        builder.UseSetting("AriaHost:Demo:WorkItemsPerJob", "5");
        builder.UseSetting("AriaHost:RateLimit:AnonymousPermitsPerSecond", "100000"); // the 401/403 sweeps send many keyless calls from one address
        builder.ConfigureServices(services => services.PostConfigure<HostSecurityOptions>(o => o.Clients =
        [
            new HostClient
            {
                ClientNo = 1000,
                Keys =
                [
                    new HostKey { Name = "ops", KeyHash = HostKeyHash.Of("ops-key"), Access = All(HostAccess.Read | HostAccess.Create | HostAccess.Edit | HostAccess.Delete) },
                    new HostKey { Name = "viewer", KeyHash = HostKeyHash.Of("viewer-key"), Access = All(HostAccess.Read) },
                    new HostKey { Name = "sync-editor", KeyHash = HostKeyHash.Of("sync-editor-key"), Access = new() { [HostModule.Sync] = HostAccess.Edit } },
                    new HostKey { Name = "clerk", KeyHash = HostKeyHash.Of("clerk-key"), Access = new() { [HostModule.Invoicing] = HostAccess.Create } },
                ],
            },
            new HostClient
            {
                ClientNo = 2000,
                Keys = [new HostKey { Name = "other", KeyHash = HostKeyHash.Of("other-key"), Access = All(HostAccess.Read | HostAccess.Create | HostAccess.Edit | HostAccess.Delete) }],
            },
        ]));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }

    private static Dictionary<HostModule, HostAccess> All(HostAccess access) =>
        new() { [HostModule.Sync] = access, [HostModule.Plans] = access, [HostModule.Jobs] = access, [HostModule.Invoicing] = access };
}

/// <summary>Reading the host's JSON.</summary>
public static class HostJson
{
    /// <summary>The body as a JSON element.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(HostFactory.Json));

    /// <summary>The client, calling as <paramref name="clientNo"/> with <paramref name="key"/>.</summary>
    public static HttpClient WithKey(this HttpClient client, long clientNo, string key)
    {
        client.DefaultRequestHeaders.Add("X-Aria-Client-No", clientNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        client.DefaultRequestHeaders.Add("X-Aria-Auth-Key", key);
        return client;
    }

    /// <summary>GETs <paramref name="location"/> every 25 ms until <paramref name="done"/> says so (30 s at most: a busy CI machine).</summary>
    public static async Task<JsonElement> PollAsync(this HttpClient client, string location, Func<JsonElement, bool> done)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var state = await (await client.GetAsync(location)).JsonAsync();
            if (done(state))
            {
                return state;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"{location} did not finish.");
    }

    /// <summary>The codes of an error body.</summary>
    public static async Task<string[]> CodesAsync(this HttpResponseMessage response) =>
        [.. (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    /// <summary>POSTs <paramref name="body"/> as the host's JSON.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body) =>
        client.PostAsJsonAsync(path, body, HostFactory.Json);

    /// <summary>PUTs <paramref name="body"/> as the host's JSON.</summary>
    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object? body) =>
        client.PutAsJsonAsync(path, body, HostFactory.Json);
}
