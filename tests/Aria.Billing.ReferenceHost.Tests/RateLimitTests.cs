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
