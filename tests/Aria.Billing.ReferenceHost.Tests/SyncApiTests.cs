using System.Net;
using System.Text.Json;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: billing-sync-reprocess.txt — search, detail with payload, the three summary levels, reprocess/discard by scope.
public sealed class SyncApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public SyncApiTests(HostFactory host) => _host = host;

    private static object Message(string id, string objectName, string? error = null, long account = 7) => new
    {
        event_id = id, object_name = objectName, action_name = "Create", account_no = account,
        payload = error is null ? "{}" : JsonSerializer.Serialize(new { error }),
    };

    [Fact]
    public async Task Ingest_Search_Detail_Summaries_Reprocess_Discard()
    {
        var ops = _host.As(1000, "ops-key");
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var failed = await ops.PostJsonAsync("/sync/catalog/records", Message($"{prefix}-1", $"Plan {prefix}", "PRICE_OFFER_IS_NOT_FOUND"));
        await ops.PostJsonAsync("/sync/catalog/records", Message($"{prefix}-2", $"Plan {prefix}", "PRICE_OFFER_IS_NOT_FOUND"));
        await ops.PostJsonAsync("/sync/catalog/records", Message($"{prefix}-3", $"Plan {prefix}"));
        Assert.Equal(HttpStatusCode.Created, failed.StatusCode);
        var id = (await failed.JsonAsync()).GetProperty("id").GetInt64();

        var page = await (await ops.GetAsync($"/sync/catalog/records?object_name={prefix}&page_size=2")).JsonAsync();
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(3, page.GetProperty("total_count").GetInt64());
        var next = await (await ops.GetAsync($"/sync/catalog/records?object_name={prefix}&page_size=2&continuation_token={Uri.EscapeDataString(page.GetProperty("continuation_token").GetString()!)}")).JsonAsync();
        Assert.Equal(1, next.GetProperty("items").GetArrayLength());

        var detail = await (await ops.GetAsync($"/sync/catalog/records/{id}")).JsonAsync();
        Assert.Equal("{\"error\":\"PRICE_OFFER_IS_NOT_FOUND\"}", detail.GetProperty("payload").GetString());
        Assert.Equal("ingest", detail.GetProperty("attempts")[0].GetProperty("kind").GetString());

        var summary = await (await ops.GetAsync("/sync/catalog/summary")).JsonAsync();
        Assert.Contains(summary.EnumerateArray(), r => r.GetProperty("object_name").GetString() == $"Plan {prefix}" && r.GetProperty("count").GetInt64() == 2);
        var errors = await (await ops.GetAsync($"/sync/catalog/summary/errors?object_name=Plan%20{prefix}&action_name=Create")).JsonAsync();
        var row = Assert.Single(errors.EnumerateArray());
        Assert.Equal("PRICE_OFFER_IS_NOT_FOUND", row.GetProperty("error_code").GetString());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("resolution").GetString()));
        var records = await (await ops.GetAsync(
            $"/sync/catalog/summary/records?object_name=Plan%20{prefix}&action_name=Create&error_code=PRICE_OFFER_IS_NOT_FOUND&error_message={Uri.EscapeDataString(row.GetProperty("error_message").GetString()!)}")).JsonAsync();
        Assert.Equal(2, records.GetArrayLength());

        var reprocess = await ops.PostJsonAsync("/sync/catalog/reprocess", new { level = "record", record_id = id });
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        var operation = await WaitAsync(ops, reprocess.Headers.Location!.ToString());
        Assert.Equal(("completed", 1L), (operation.GetProperty("state").GetString(), operation.GetProperty("failed").GetInt64()));

        var discard = await ops.PostJsonAsync("/sync/catalog/discard", new { level = "summary", object_name = $"Plan {prefix}", action_name = "Create", expected_count = 2 });
        Assert.Equal(HttpStatusCode.Accepted, discard.StatusCode);
        Assert.Equal(2L, (await WaitAsync(ops, discard.Headers.Location!.ToString())).GetProperty("succeeded").GetInt64());
        Assert.DoesNotContain((await (await ops.GetAsync("/sync/catalog/summary")).JsonAsync()).EnumerateArray(), r => r.GetProperty("object_name").GetString() == $"Plan {prefix}");
        Assert.Equal("discarded", (await (await ops.GetAsync($"/sync/catalog/records/{id}")).JsonAsync()).GetProperty("status").GetString());

        var again = await ops.PostJsonAsync("/sync/catalog/reprocess", new { level = "record", record_id = id });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["SYNC_EVENT_NOT_VALID_FOR_ERROR_PROCESS"], await again.CodesAsync());
    }

    [Fact]
    public async Task BadInput_Is400WithCodes_AndStoresNothing()
    {
        var ops = _host.As(1000, "ops-key");
        var before = (await (await ops.GetAsync("/sync/account/records?page_size=1")).JsonAsync()).GetProperty("total_count").GetInt64();

        var cases = new (Func<Task<HttpResponseMessage>> Send, string Code)[]
        {
            (() => ops.PostJsonAsync("/sync/account/records", new { object_name = "Account", action_name = "Create" }), "1010"),
            (() => ops.PostJsonAsync("/sync/account/records", new { event_id = "x", object_name = new string('a', 500), action_name = "Create" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/sync/account/records", new { event_id = "x", object_name = "A", action_name = "B", payload = new string('p', 70_000) }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/sync/account/records", new { event_id = "x", object_name = "A", action_name = "B", account_no = -3 }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/sync/bogus/records", Message("x", "A")), "INVALID_VALUE"),
            (() => ops.GetAsync("/sync/account/records?status=nonsense"), "INVALID_VALUE"),
            (() => ops.GetAsync("/sync/account/records?page_size=5000"), "PAGE_SIZE_OUT_OF_RANGE"),
            (() => ops.GetAsync("/sync/account/records?continuation_token=garbage"), "INVALID_CONTINUATION_TOKEN"),
            (() => ops.GetAsync("/sync/account/records?account_no=abc"), "INVALID_VALUE"),
            (() => ops.GetAsync("/sync/account/summary/errors?object_name=A"), "1010"),
            (() => ops.GetAsync("/sync/account/summary/records?object_name=A&action_name=B&max=0"), "PAGE_SIZE_OUT_OF_RANGE"),
            (() => ops.PostJsonAsync("/sync/account/reprocess", new { level = "galaxy" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/sync/account/reprocess", new { level = "record" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/sync/account/discard", new { level = "summary", object_name = "A" }), "1010"),
        };
        foreach (var (send, code) in cases)
        {
            var response = await send();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(code, await response.CodesAsync());
        }

        Assert.Equal(before, (await (await ops.GetAsync("/sync/account/records?page_size=1")).JsonAsync()).GetProperty("total_count").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync("/sync/aggregated_usage/summary")).StatusCode); // as the host writes the domain
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync("/sync/account/records/999999")).StatusCode);
        Assert.Equal(["SYNC_OPERATION_NOT_FOUND"], await (await ops.GetAsync($"/sync/operations/{Guid.NewGuid()}")).CodesAsync());
    }

    // Issue #15 item 7: nothing irreversible by default. A discard without a body, with null, without a level or without the
    // count the operator saw is refused and discards nothing; one whose scope now holds more ERROR records than that count
    // is 409 DISCARD_COUNT_CHANGED; with the count it goes ahead.
    [Fact]
    public async Task Discard_NamesItsScopeAndTheCountSeen_OrDiscardsNothing()
    {
        using var host = new HostFactory(); // a log of its own: "all" counts every ERROR record of the domain
        var ops = host.Ops();
        for (var i = 0; i < 3; i++)
        {
            await ops.PostJsonAsync("/sync/account/records", Message($"d-{i}", i < 2 ? "Contact" : "Account", "ACCOUNT_IS_NOT_FOUND"));
        }

        var refused = new[]
        {
            await ops.PostAsync("/sync/account/discard", null),
            await ops.PostAsync("/sync/account/discard", new StringContent("null", System.Text.Encoding.UTF8, "application/json")),
            await ops.PostJsonAsync("/sync/account/discard", new { expected_count = 3 }),
            await ops.PostJsonAsync("/sync/account/discard", new { level = "all" }),
            await ops.PostJsonAsync("/sync/account/discard", new { level = "all", expected_count = -1 }),
        };
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(await response.CodesAsync(), c => c is "INVALID_REQUEST" or "1010" or "INVALID_VALUE");
        }

        var grown = await ops.PostJsonAsync("/sync/account/discard", new { level = "all", expected_count = 2 });
        Assert.Equal(HttpStatusCode.Conflict, grown.StatusCode);
        Assert.Equal(["DISCARD_COUNT_CHANGED"], await grown.CodesAsync());
        var summaryGrown = await ops.PostJsonAsync("/sync/account/discard", new { level = "summary", object_name = "Contact", action_name = "Create", expected_count = 1 });
        Assert.Equal(["DISCARD_COUNT_CHANGED"], await summaryGrown.CodesAsync());
        Assert.Equal(3L, (await (await ops.GetAsync("/sync/account/summary")).JsonAsync()).EnumerateArray().Sum(r => r.GetProperty("count").GetInt64()));

        var summary = await ops.PostJsonAsync("/sync/account/discard", new { level = "summary", object_name = "Contact", action_name = "Create", expected_count = 2 });
        Assert.Equal(HttpStatusCode.Accepted, summary.StatusCode);
        Assert.Equal(2L, (await WaitAsync(ops, summary.Headers.Location!.ToString())).GetProperty("succeeded").GetInt64());
        var all = await ops.PostJsonAsync("/sync/account/discard", new { level = "all", expected_count = 5 }); // fewer than seen: fine
        Assert.Equal(HttpStatusCode.Accepted, all.StatusCode);
        Assert.Equal(1L, (await WaitAsync(ops, all.Headers.Location!.ToString())).GetProperty("succeeded").GetInt64());
        Assert.Empty((await (await ops.GetAsync("/sync/account/summary")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task OneClient_NeverSeesOrChangesAnothersRecords()
    {
        var mine = _host.As(1000, "ops-key");
        var theirs = _host.As(2000, "other-key");
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var created = await (await mine.PostJsonAsync("/sync/account/records", Message($"{prefix}-1", $"Contact {prefix}", "ACCOUNT_IS_NOT_FOUND"))).JsonAsync();
        var id = created.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/sync/account/records/{id}")).StatusCode);
        Assert.Empty((await (await theirs.GetAsync($"/sync/account/records?object_name={prefix}")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain((await (await theirs.GetAsync("/sync/account/summary")).JsonAsync()).EnumerateArray(), r => r.GetProperty("object_name").GetString() == $"Contact {prefix}");
        var reprocess = await theirs.PostJsonAsync("/sync/account/reprocess", new { level = "record", record_id = id });
        Assert.Equal(HttpStatusCode.NotFound, reprocess.StatusCode);
        var discard = await theirs.PostJsonAsync("/sync/account/discard", new { level = "summary", object_name = $"Contact {prefix}", action_name = "Create", expected_count = 0 });
        await WaitAsync(theirs, discard.Headers.Location!.ToString());

        Assert.Equal("error", (await (await mine.GetAsync($"/sync/account/records/{id}")).JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Edges_TooLarge_Malformed_OpenApi_Health()
    {
        var ops = _host.As(1000, "ops-key");

        var huge = await ops.PostAsync("/sync/account/records", new StringContent(new string(' ', 1_100_000), System.Text.Encoding.UTF8, "application/json"));
        var malformed = await ops.PostAsync("/sync/account/records", new StringContent("{\"event_id\": ", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await ops.PostAsync("/sync/account/records", new StringContent("{\"event_id\": 5}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(["REQUEST_TOO_LARGE"], await huge.CodesAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["INVALID_REQUEST"], await malformed.CodesAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        // RFC 9457: problem details, with the coded errors as an extension member.
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
        var problem = await wrongType.JsonAsync();
        Assert.Equal(("about:blank", "Bad Request", 400), (problem.GetProperty("type").GetString(), problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal("application/problem+json", (await _host.CreateClient().GetAsync("/sync/account/summary")).Content.Headers.ContentType?.MediaType);
        var openApi = await (await _host.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/jobs/schedules/{name}/runs", out _));
        Assert.Equal("Healthy", await (await _host.CreateClient().GetAsync("/health")).Content.ReadAsStringAsync());
    }

    internal static Task<JsonElement> WaitAsync(HttpClient client, string location) =>
        client.PollAsync(location, state => state.GetProperty("state").GetString() != "running");
}
