using System.Net;
using Aria.Billing.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Aria.Billing.Sync;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>A token bucket per client: one client over its limit gets 429 with Retry-After; the others are not slowed.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly HostFactory _base = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host;

    public RateLimitTests() => _host = _base.WithWebHostBuilder(b => b
        .UseSetting("AriaHost:RateLimit:PermitsPerSecond", "1")
        .UseSetting("AriaHost:RateLimit:Burst", "3"));

    [Fact]
    public async Task OverTheLimit_Is429WithRetryAfter_ForThatClientOnly()
    {
        var busy = Client(1000, "ops-key");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage refused;
        do
        {
            // A burst of 3 then 1 a second: a refusal comes within a few calls however slow the machine is.
            refused = await busy.GetAsync("/sync/account/summary");
            statuses.Add(refused.StatusCode);
        }
        while (refused.StatusCode == HttpStatusCode.OK && statuses.Count < 20);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(["RATE_LIMITED"], await refused.CodesAsync());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await Client(2000, "other-key").GetAsync("/sync/account/summary")).StatusCode);
    }

    [Fact]
    public async Task AFloodWithAWrongKey_SpendsItsOwnBudget_NotTheClientsItNames()
    {
        // Issue #15 item 4: a flood with a wrong key (or none, ?client_no=1000) made 76 % of the real client's requests 429.
        using var host = _base.WithWebHostBuilder(b => b
            .UseSetting("AriaHost:RateLimit:PermitsPerSecond", "1")
            .UseSetting("AriaHost:RateLimit:Burst", "3")
            .UseSetting("AriaHost:RateLimit:AnonymousPermitsPerSecond", "1"));
        var attacker = host.CreateClient().WithKey(1000, "wrong-key");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await attacker.GetAsync("/sync/account/summary")).StatusCode);
            statuses.Add((await host.CreateClient().GetAsync("/sync/account/summary?client_no=1000")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
        var real = host.CreateClient().WithKey(1000, "ops-key");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [(await real.GetAsync("/sync/account/summary")).StatusCode,
            (await real.GetAsync("/sync/account/summary")).StatusCode, (await real.GetAsync("/sync/account/summary")).StatusCode]);
    }

    [Fact]
    public async Task APaddedClientNumber_IsThatClient_NotABucketOfItsOwn()
    {
        // Issue #15 item 4: client numbers are canonical — 01000 authenticates as client 1000, whose bucket it then spends.
        var padded = _host.CreateClient();
        padded.DefaultRequestHeaders.Add("X-Aria-Client-No", "01000");
        padded.DefaultRequestHeaders.Add("X-Aria-Auth-Key", "ops-key");

        var response = await padded.GetAsync("/sync/account/summary");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, response.StatusCode.ToString());
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheTypedClient_WaitsAsToldAndGetsThrough()
    {
        var services = new ServiceCollection();
        services.AddAriaBillingClient(o =>
        {
            o.BaseAddress = new Uri("http://localhost/");
            o.ClientNo = 1000;
            o.AuthKey = "ops-key";
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        }).ConfigurePrimaryHttpMessageHandler(() => _host.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AriaBillingClient>();

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await client.GetSyncSummaryAsync(SyncDomain.Account)).IsSuccess);
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _base.Dispose();
    }

    private HttpClient Client(long clientNo, string key) => _host.CreateClient().WithKey(clientNo, key);
}
