using System.Net;
using System.Text;
using Aria.Billing.ReferenceHost.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>Issue #15 item 8: credentials and headers.</summary>
public sealed class HardeningTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public HardeningTests(HostFactory host) => _host = host;

    // Issue #15 item 8: authenticated answers (and refusals) are never cached.
    [Fact]
    public async Task Responses_AreNoStore_AndNosniff()
    {
        foreach (var response in new[] { await _host.Ops().GetAsync("/sync/account/summary"), await _host.CreateClient().GetAsync("/sync/account/summary") })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.StatusCode}: {response.Headers.CacheControl}");
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        }
    }

    // Issue #15 item 8: the operator page sends a content security policy that forbids framing, nosniff and no referrer.
    [Fact]
    public async Task OperatorPage_SendsCsp_Nosniff_NoReferrer()
    {
        var response = await _host.CreateClient().GetAsync("/operator/");

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal); // the console's own files only (issue #20)
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
    }

    // Issue #15 item 8: a JSON body naming a property twice is the host's coded 400, not "the last one wins".
    [Fact]
    public async Task DuplicateJsonProperties_AreACoded400()
    {
        var ops = _host.Ops();
        var json = """{"event_id":"dup-1","object_name":"Account","action_name":"Create","event_id":"dup-2"}""";

        var response = await ops.PostAsync("/sync/account/records", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["INVALID_REQUEST"], await response.CodesAsync());
        Assert.Empty((await (await ops.GetAsync("/sync/account/records?event_id=dup-2")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    // Issue #15 item 8, #20 item 4: the console never serves or redirects a URL that carries a key; the redirect to /operator/
    // keeps only the client number.
    [Theory]
    [InlineData("/operator?client_no=1000&auth_key=ops-key")]
    [InlineData("/operator/?client_no=1000&auth_key=ops-key")]
    [InlineData("/operator/index.html?auth_key=ops-key")]
    public async Task Console_AKeyInTheUrl_IsRefused_NeverRedirectedWithIt(string url)
    {
        var client = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["1004"], await response.CodesAsync());
        Assert.Null(response.Headers.Location);
        var plain = await client.GetAsync("/operator?client_no=1000&other=x");
        Assert.Equal("/operator/?client_no=1000", plain.Headers.Location?.OriginalString);
    }

    // Issue #15 item 3, #18: a query value that is not of its parameter's type is INVALID_VALUE naming the parameter as the API
    // spells it, and only for a caller with a key: without one the answer is 401 whatever the query says.
    [Theory]
    [InlineData("/sync/account/records?page_size=abc", "page_size")]
    [InlineData("/sync/account/records?descending=maybe", "descending")]
    [InlineData("/sync/account/records?object_type=x", "object_type")]
    [InlineData("/sync/account/errors/daily?days=1e9", "days")]
    public async Task UnreadableQueryValues_AreInvalidValueNamingTheInput_After401ForAWrongKey(string url, string input)
    {
        var refused = await _host.Ops().GetAsync(url);
        var anonymous = await _host.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["INVALID_VALUE"], await refused.CodesAsync());
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"\"{input}\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    // Issue #15 item 8: a key in the query string is refused unless AriaHost:AllowKeysInQuery says otherwise.
    [Fact]
    public async Task KeysInTheQueryString_AreRefused_UnlessAllowed()
    {
        var refused = await _host.CreateClient().GetAsync("/sync/account/summary?client_no=1000&auth_key=ops-key");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["1004"], await refused.CodesAsync());
        var alsoWithHeader = await _host.Ops().GetAsync("/sync/account/summary?auth_key=ops-key");
        Assert.Equal(HttpStatusCode.Unauthorized, alsoWithHeader.StatusCode);

        using var allowing = _host.WithWebHostBuilder(b => b.UseSetting("AriaHost:AllowKeysInQuery", "true"));
        Assert.Equal(HttpStatusCode.OK, (await allowing.CreateClient().GetAsync("/sync/account/summary?client_no=1000&auth_key=ops-key")).StatusCode);
    }

    // Issue #15 item 8: over Kestrel, no Server header telling what runs here.
    [Fact]
    public async Task OverKestrel_NoServerHeader()
    {
        using var host = HostFactory.OnKestrel();
        host.StartServer();

        var summary = await host.Ops().GetAsync("/sync/account/summary");

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.False(summary.Headers.Contains("Server"), string.Join(",", summary.Headers.Select(h => h.Key)));
    }

    // Issue #15 item 8: a chunked body (no Content-Length) over the limit gets the same coded 413 as a sized one; a chunked
    // body within it is read as before. (Already true before the item: the per-request limit RequestLimits sets makes the
    // body reader throw the 413 it turns into REQUEST_TOO_LARGE — on Kestrel too, checked by hand; this pins it.)
    [Fact]
    public async Task AChunkedBodyOverTheLimit_IsTheSameCoded413AsASizedOne()
    {
        var ops = _host.Ops();

        var sized = await ops.PostAsync("/sync/account/records", new StringContent(new string(' ', 1_100_000) + "{}", Encoding.UTF8, "application/json"));
        var chunked = await ops.PostAsync("/sync/account/records", Chunked(new string(' ', 1_100_000) + "{}"));
        foreach (var response in new[] { sized, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal(["REQUEST_TOO_LARGE"], await response.CodesAsync());
        }

        var small = await ops.PostAsync("/sync/account/records", Chunked("""{"event_id":"chunked-1","object_name":"Account","action_name":"Create"}"""));
        Assert.Equal(HttpStatusCode.Created, small.StatusCode);
    }

    // Issue #15 item 8: keys are stored as hashes — the configured SHA-256 authenticates its key, while the hash itself, sent as
    // a key, does not; hash-key prints the hash to configure.
    [Fact]
    public async Task Keys_AreStoredAsHashes_AndHashKeyPrintsOne()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.Ops().GetAsync("/sync/account/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.As(1000, HostKeyHash.Of("ops-key")).GetAsync("/sync/account/summary")).StatusCode);
        Assert.Matches("^[0-9a-f]{64}$", HostKeyHash.Of("ops-key"));

        var startInfo = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "hash-key", "ops-key" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var printed = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(HostKeyHash.Of("ops-key"), printed.Trim());
    }

    // Issue #15 item 8: the sample keys of appsettings.json are refused outside Development (the host does not start and says
    // why), and a plain key where its hash belongs is refused everywhere.
    [Fact]
    public void SampleKeys_OutsideDevelopment_AndPlainKeys_StopTheHost()
    {
        static HostKey Key(string hash) => new() { Name = "sample", KeyHash = hash, Access = new() { [HostModule.Sync] = HostAccess.Read } };
        var sample = HostKeyHash.Of("change-me-ops-key");

        var production = Assert.ThrowsAny<Exception>(() => Start("Production", sample));
        Assert.Contains("sample key", Messages(production), StringComparison.Ordinal);
        Assert.Contains("Production", Messages(production), StringComparison.Ordinal);
        var plain = Assert.ThrowsAny<Exception>(() => Start("Development", "change-me-ops-key"));
        Assert.Contains("hash-key", Messages(plain), StringComparison.Ordinal);
        Start("Development", sample); // the sample keys are fine where they belong
        Start("Production", HostKeyHash.Of(HostKeyHash.NewKey())); // and a real key anywhere

        void Start(string environment, string hash)
        {
            using var factory = _host.WithWebHostBuilder(b => b.UseEnvironment(environment)
                .ConfigureServices(services => services.PostConfigure<HostSecurityOptions>(o => o.Clients[0].Keys.Add(Key(hash)))));
            using var client = factory.CreateClient();
        }

        static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);
    }

    private static StreamContent Chunked(string json)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content; // no Content-Length: HttpClient sends it chunked
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
