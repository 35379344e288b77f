using System.Net;
using System.Text.Json;
using Aria.Billing.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: billing-sync-reprocess.txt, "Aggregated Usage Sync": incomplete batches with their counts, the drill-down by error
// code and status (PENDING rows included), the records filter by aggregated batch, reprocess and discard at batch and at
// error-summary level.
public sealed class UsageBatchApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public UsageBatchApiTests(HostFactory host) => _host = host;

    /// <summary>A batch hour of its own for each test run (the host is shared by the tests of the class).</summary>
    private static Instant NewHour() => Instant.FromUtc(2031, 1, 1, 0, 0).Plus(Duration.FromHours(Random.Shared.Next(0, 24 * 3000)));

    private static string Iso(Instant i) => NodaTime.Text.InstantPattern.ExtendedIso.Format(i);

    private static object Usage(string id, Instant at, string? error = null, bool fixedOnReprocess = false) => new
    {
        event_id = id, object_name = "Usage", action_name = "Send", recorded_at = Iso(at),
        payload = error is null ? "{}" : JsonSerializer.Serialize(new { error, fixed_on_reprocess = fixedOnReprocess }),
    };

    [Fact]
    public async Task Batches_CountsDrillDownFilterReprocessDiscard()
    {
        var ops = _host.Ops();
        var hour = NewHour();
        var p = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await ops.PostJsonAsync("/sync/aggregated_usage/records", Usage($"{p}-1", hour.Plus(Duration.FromMinutes(5))))).StatusCode);
        await ops.PostJsonAsync("/sync/aggregated_usage/records", Usage($"{p}-2", hour.Plus(Duration.FromMinutes(10)), "PLAN_RATE_SCHEDULE_NOT_FOUND", fixedOnReprocess: true));
        await ops.PostJsonAsync("/sync/aggregated_usage/records", Usage($"{p}-3", hour.Plus(Duration.FromMinutes(20)), "PLAN_RATE_SCHEDULE_NOT_FOUND", fixedOnReprocess: true));
        await ops.PostJsonAsync("/sync/aggregated_usage/records", Usage($"{p}-4", hour.Plus(Duration.FromMinutes(59)), "BILLABLE_SERVICE_NOT_FOUND"));
        await ops.PostJsonAsync("/sync/aggregated_usage/records", Usage($"{p}-5", hour.Plus(Duration.FromMinutes(60)), "BILLABLE_SERVICE_NOT_FOUND")); // the next batch
        await _host.Services.GetRequiredService<ISyncRecordStore>().AddAsync(new SyncRecord // a record stored and not yet processed
        {
            Client = new ClientNumber(1000), Domain = SyncDomain.AggregatedUsage, EventId = $"{p}-6", EventTime = hour, ObjectName = "Usage", ActionName = "Send",
            Status = SyncStatus.Pending, BatchStart = hour, BatchEnd = hour.Plus(Duration.FromHours(1)), PendingSince = Instant.FromUtc(2099, 1, 1, 0, 0),
        });
        var id = Iso(hour);
        var day = hour.InUtc().Date;

        var list = await (await ops.GetAsync($"/sync/aggregated_usage/batches?start_date={day:yyyy-MM-dd}&end_date={day.PlusDays(1):yyyy-MM-dd}")).JsonAsync();
        var batch = list.EnumerateArray().Single(b => b.GetProperty("batch_id").GetString() == id);
        Assert.Equal((Iso(hour), Iso(hour.Plus(Duration.FromHours(1))), 5, 1, 3, 1),
            (batch.GetProperty("start").GetString(), batch.GetProperty("end").GetString(), batch.GetProperty("total").GetInt32(),
             batch.GetProperty("completed").GetInt32(), batch.GetProperty("error").GetInt32(), batch.GetProperty("pending").GetInt32()));

        var drill = await (await ops.GetAsync($"/sync/aggregated_usage/batches/{id}")).JsonAsync();
        Assert.Equal(
            ["BILLABLE_SERVICE_NOT_FOUND/error/1", "PLAN_RATE_SCHEDULE_NOT_FOUND/error/2", "/pending/1"],
            drill.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("error_code").GetString()}/{r.GetProperty("status").GetString()}/{r.GetProperty("count").GetInt32()}"));

        var records = await (await ops.GetAsync($"/sync/aggregated_usage/records?batch_id={id}&error_code=PLAN_RATE_SCHEDULE_NOT_FOUND&status=error")).JsonAsync();
        Assert.Equal([$"{p}-2", $"{p}-3"], records.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("event_id").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(5, (await (await ops.GetAsync($"/sync/aggregated_usage/records?batch_id={id}")).JsonAsync()).GetProperty("total_count").GetInt64()); // the next hour's record is not in it

        var reprocess = await ops.PostJsonAsync($"/sync/aggregated_usage/batches/{id}/reprocess", new { level = "error_summary", error_code = "PLAN_RATE_SCHEDULE_NOT_FOUND", status = "error" });
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        Assert.Equal(2L, (await SyncApiTests.WaitAsync(ops, reprocess.Headers.Location!.ToString())).GetProperty("succeeded").GetInt64());

        var stale = await ops.PostJsonAsync($"/sync/aggregated_usage/batches/{id}/discard", new { level = "batch", expected_count = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(["DISCARD_COUNT_CHANGED"], await stale.CodesAsync());
        var discard = await ops.PostJsonAsync($"/sync/aggregated_usage/batches/{id}/discard", new { level = "batch", expected_count = 1 });
        Assert.Equal(HttpStatusCode.Accepted, discard.StatusCode);
        Assert.Equal(1L, (await SyncApiTests.WaitAsync(ops, discard.Headers.Location!.ToString())).GetProperty("succeeded").GetInt64());

        var after = await (await ops.GetAsync($"/sync/aggregated_usage/batches/{id}")).JsonAsync(); // still incomplete: its PENDING record
        Assert.Equal((4, 3, 0, 1), (after.GetProperty("batch").GetProperty("total").GetInt32(), after.GetProperty("batch").GetProperty("completed").GetInt32(),
            after.GetProperty("batch").GetProperty("error").GetInt32(), after.GetProperty("batch").GetProperty("pending").GetInt32()));
        var next = await (await ops.GetAsync($"/sync/aggregated_usage/batches/{Iso(hour.Plus(Duration.FromHours(1)))}")).JsonAsync(); // untouched
        Assert.Equal(1, next.GetProperty("batch").GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task Batches_BadInput_IsCoded4xx()
    {
        var ops = _host.Ops();
        var cases = new (Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Code)[]
        {
            (() => ops.GetAsync("/sync/aggregated_usage/batches/yesterday"), HttpStatusCode.BadRequest, "1024"),
            (() => ops.GetAsync("/sync/aggregated_usage/batches/9999-12-31T00:00:00Z"), HttpStatusCode.BadRequest, "1024"),
            (() => ops.GetAsync($"/sync/aggregated_usage/batches/{Iso(NewHour())}"), HttpStatusCode.NotFound, "USAGE_BATCH_NOT_FOUND"),
            (() => ops.GetAsync("/sync/aggregated_usage/batches?start_date=27-04-2025"), HttpStatusCode.BadRequest, "1024"),
            (() => ops.GetAsync("/sync/aggregated_usage/batches?status=nonsense"), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            (() => ops.GetAsync("/sync/aggregated_usage/batches?start_date=2025-04-27&end_date=2025-04-26"), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            (() => ops.GetAsync("/sync/aggregated_usage/records?batch_id=soon"), HttpStatusCode.BadRequest, "1024"),
            (() => ops.PostJsonAsync($"/sync/aggregated_usage/batches/{Iso(NewHour())}/discard", null), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            (() => ops.PostJsonAsync($"/sync/aggregated_usage/batches/{Iso(NewHour())}/discard", new { expected_count = 1 }), HttpStatusCode.BadRequest, "1010"),
            (() => ops.PostJsonAsync($"/sync/aggregated_usage/batches/{Iso(NewHour())}/reprocess", new { level = "error_summary", status = "pending" }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            (() => ops.PostJsonAsync($"/sync/aggregated_usage/batches/{Iso(NewHour())}/reprocess", new { level = "everything" }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            (() => ops.PostJsonAsync($"/sync/aggregated_usage/batches/{Iso(NewHour())}/reprocess", new { }), HttpStatusCode.NotFound, "USAGE_BATCH_NOT_FOUND"),
            (() => ops.PostJsonAsync($"/sync/aggregated_usage/batches/{Iso(NewHour())}/discard", new { level = "batch", expected_count = 0 }), HttpStatusCode.NotFound, "USAGE_BATCH_NOT_FOUND"),
            (() => ops.PostJsonAsync("/sync/account/reprocess", new { level = "batch", batch_id = Iso(NewHour()) }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/sync/aggregated_usage/records", new { event_id = "x", object_name = "Usage", action_name = "Send", recorded_at = "later" }), HttpStatusCode.BadRequest, "1024"),
        };

        foreach (var (send, status, code) in cases)
        {
            var response = await send();
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(code, await response.CodesAsync());
        }
    }
}
