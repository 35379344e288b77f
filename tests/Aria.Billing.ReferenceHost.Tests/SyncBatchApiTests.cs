using System.Net;
using System.Text;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: billing-sync-reprocess.txt — ingest idempotent on the event id; issue 19 item 2: a batch in one call.
public sealed class SyncBatchApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public SyncBatchApiTests(HostFactory host) => _host = host;

    private static object Message(string id, string objectName = "Account") => new { event_id = id, object_name = objectName, action_name = "Create", account_no = 7 };

    [Fact]
    public async Task IngestBatch_JsonArray_ResultPerMessage_IdempotentOnEventId()
    {
        var ops = _host.As(1000, "ops-key");
        var p = Guid.NewGuid().ToString("N")[..8];
        await ops.PostJsonAsync("/sync/account/records", Message($"{p}-0"));

        var response = await ops.PostJsonAsync("/sync/account/records/batch", new[] { Message($"{p}-1"), Message($"{p}-0"), Message($"{p}-2"), Message($"{p}-1") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([(0, true), (1, false), (2, true), (3, false)], results.Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("created").GetBoolean())));
        Assert.Equal(results[0].GetProperty("record").GetProperty("id").GetInt64(), results[3].GetProperty("record").GetProperty("id").GetInt64());
        Assert.All(results, r => Assert.Equal("complete", r.GetProperty("record").GetProperty("status").GetString()));
        var page = await (await ops.GetAsync($"/sync/account/records?event_id={p}-1")).JsonAsync();
        Assert.Equal(1, page.GetProperty("total_count").GetInt64());
    }

    [Fact]
    public async Task IngestBatch_NdJson_IsTheSameAsAnArray()
    {
        var ops = _host.As(1000, "ops-key");
        var p = Guid.NewGuid().ToString("N")[..8];
        var lines = string.Join("\n", Enumerable.Range(1, 3).Select(i => System.Text.Json.JsonSerializer.Serialize(Message($"{p}-{i}"))));

        var response = await ops.PostAsync("/sync/account/records/batch", new StringContent(lines + "\n", Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.JsonAsync()).EnumerateArray().Count(r => r.GetProperty("created").GetBoolean()));
    }

    [Fact]
    public async Task IngestBatch_OneBadMessage_Is400NamingIt_AndStoresNothing()
    {
        var ops = _host.As(1000, "ops-key");
        var p = Guid.NewGuid().ToString("N")[..8];

        var response = await ops.PostJsonAsync("/sync/account/records/batch", new object?[] { Message($"{p}-1"), new { event_id = $"{p}-2", action_name = "Create" }, null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var inputs = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().SelectMany(e => e.GetProperty("inputs").EnumerateArray().Select(i => i.GetString())).ToList();
        Assert.Contains("[1].object_name", inputs);
        Assert.Contains("[2]", inputs);
        Assert.Equal(0, (await (await ops.GetAsync($"/sync/account/records?event_id={p}-1")).JsonAsync()).GetProperty("total_count").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await ops.PostAsync("/sync/account/records/batch", new StringContent("{\"event_id\":1}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ops.PostJsonAsync("/sync/account/records/batch", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task IngestBatch_OverTheMaximum_Is413()
    {
        var ops = _host.As(1000, "ops-key");
        var messages = Enumerable.Range(0, Aria.Billing.Sync.SyncLog.MaxIngestBatchSize + 1).Select(i => new { event_id = $"X{i}", object_name = "A", action_name = "C" }).ToArray();

        var response = await ops.PostJsonAsync("/sync/account/records/batch", messages);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["REQUEST_TOO_LARGE"], await response.CodesAsync());
    }
}
