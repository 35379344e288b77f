using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Aria.Billing.ReferenceHost.Tests;

// Issue #15 item 5: the host's shared background capacity is fair and bounded — queued per client with a bound (a prompt
// 429 when full, never a hang), served round-robin with one piece per client at a time, /health Degraded when saturated.
// spec: job-schedule-management.txt, "Job Schedule Execution"; billing-sync-reprocess.txt, reprocess.
public sealed class BackgroundCapacityTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public BackgroundCapacityTests(HostFactory host) => _host = host;

    private static object Schedule => new
    {
        frequency = "daily", time = "02:30",
        jobs = new[] { new { name = "Rating", job_type = "usage-rating" }, new { name = "Billing", job_type = "billing" } },
    };

    [Fact]
    public async Task Reprocess_WhileAnotherClientsLongRunsHoldTheQueue_CompletesWithinABound()
    {
        // Each of client 1000's runs takes about 20 s (2 jobs × 5 items of 5 s, 4 workers): before, two of them held both
        // workers and client 2000's reprocess waited behind them.
        using var slow = _host.WithWebHostBuilder(b => b.UseSetting("AriaHost:Demo:WorkItemDelay", "00:00:05"));
        var big = slow.CreateClient().WithKey(1000, "ops-key");
        var other = slow.CreateClient().WithKey(2000, "other-key");
        Assert.Equal(HttpStatusCode.OK, (await big.PutJsonAsync("/jobs/schedules/huge", Schedule)).StatusCode);
        foreach (var day in new[] { "2025-03-01", "2025-03-02", "2025-03-03" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await big.PostJsonAsync("/jobs/schedules/huge/runs", new { run_date = day, idempotency_key = "k-" + day })).StatusCode);
        }

        var failed = await other.PostJsonAsync("/sync/catalog/records", new
        {
            event_id = "fair-1", object_name = "Plan fair", action_name = "Create", account_no = 7,
            payload = JsonSerializer.Serialize(new { error = "PRICE_OFFER_IS_NOT_FOUND", fixed_on_reprocess = true }),
        });
        var id = (await failed.JsonAsync()).GetProperty("id").GetInt64();
        var watch = Stopwatch.StartNew();
        var reprocess = await other.PostJsonAsync("/sync/catalog/reprocess", new { level = "record", record_id = id });
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        var operation = await other.PollAsync(reprocess.Headers.Location!.ToString(), o => o.GetProperty("state").GetString() == "completed");
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"client 2000's reprocess took {watch.Elapsed.TotalSeconds:0.0} s behind client 1000's runs");
        Assert.Equal(1L, operation.GetProperty("succeeded").GetInt64());
    }

    [Fact]
    public async Task Trigger_ClientQueueFull_Answers429Promptly_HealthDegraded_OtherClientStillServed()
    {
        using var small = _host.WithWebHostBuilder(b => b
            .UseSetting("AriaHost:Demo:WorkItemDelay", "00:01:00")
            .UseSetting("AriaHost:Background:PerClientCapacity", "2"));
        var big = small.CreateClient().WithKey(1000, "ops-key");
        var other = small.CreateClient().WithKey(2000, "other-key");
        var anonymous = small.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await big.PutJsonAsync("/jobs/schedules/huge", Schedule)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.PutJsonAsync("/jobs/schedules/small", Schedule)).StatusCode);
        Assert.Equal("Healthy", await (await anonymous.GetAsync("/health")).Content.ReadAsStringAsync());

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        var slowest = TimeSpan.Zero;
        for (var day = 1; day <= 6; day++)
        {
            var watch = Stopwatch.StartNew();
            var response = await big.PostJsonAsync("/jobs/schedules/huge/runs", new { run_date = $"2025-03-0{day}", idempotency_key = $"k-{day}" });
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        // One run taken by client 1000's single worker place, two waiting: the rest refused at once.
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"a trigger took {slowest.TotalSeconds:0.0} s");
        Assert.NotNull(refused);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.Accepted), 2, 3);
        Assert.Equal(["BACKGROUND_QUEUE_FULL"], await refused.CodesAsync());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var health = await anonymous.GetAsync("/health");
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, (await other.PostJsonAsync("/jobs/schedules/small/runs", new { run_date = "2025-03-01", idempotency_key = "o-1" })).StatusCode);
        var reprocessRefused = await big.PostJsonAsync("/sync/catalog/reprocess", new { level = "all" });
        Assert.Equal(HttpStatusCode.TooManyRequests, reprocessRefused.StatusCode);
    }
}
