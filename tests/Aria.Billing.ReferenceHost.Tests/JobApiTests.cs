using System.Net;
using System.Text.Json;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: job-schedule-management.txt and batch-process-audit-log.txt — schedules, runs, status codes, the audit search.
public sealed class JobApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public JobApiTests(HostFactory host) => _host = host;

    private static object Daily => new
    {
        frequency = "daily", time = "02:30", time_zone = "America/Denver",
        jobs = new[] { new { name = "Bill Time Usage Rating", job_type = "usage-rating" }, new { name = "Billing", job_type = "billing" } },
    };

    [Fact]
    public async Task Define_Preview_Trigger_Poll_Items_Reset_Reprocess_Audit()
    {
        var ops = _host.Ops();
        var defined = await ops.PutJsonAsync("/jobs/schedules/daily", Daily);
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);

        var next = await (await ops.GetAsync("/jobs/schedules/daily/next-runs?after=2025-03-07&count=3")).JsonAsync();
        Assert.Equal(["2025-03-07", "2025-03-08", "2025-03-09"], next.EnumerateArray().Select(r => r.GetProperty("run_date").GetString()));
        Assert.Equal("daylight_saving_gap", next[2].GetProperty("shifted_by").GetString());

        var trigger = await ops.PostJsonAsync("/jobs/schedules/daily/runs", new { run_date = "2025-02-28", idempotency_key = "core-2025-02-28" });
        var retried = await ops.PostJsonAsync("/jobs/schedules/daily/runs", new { run_date = "2025-02-28", idempotency_key = "core-2025-02-28" });
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        Assert.Equal(trigger.Headers.Location, retried.Headers.Location);

        var run = await WaitAsync(ops, trigger.Headers.Location!.ToString());
        Assert.Equal(("ok", 2), (run.GetProperty("status").GetString(), run.GetProperty("batch_status_cd").GetInt32()));
        var items = await (await ops.GetAsync($"{trigger.Headers.Location}/jobs/1/items")).JsonAsync();
        Assert.Equal(5, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), i => Assert.Equal("completed", i.GetProperty("state").GetString()));

        var reset = await (await ops.PostAsync($"{trigger.Headers.Location}/reset", null)).JsonAsync();
        Assert.All(reset.GetProperty("jobs").EnumerateArray(), j => Assert.Equal("new", j.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, (await ops.PostAsync($"{trigger.Headers.Location}/reprocess", null)).StatusCode);
        Assert.Equal("ok", (await WaitAsync(ops, trigger.Headers.Location!.ToString())).GetProperty("status").GetString());
        var again = await (await ops.GetAsync($"{trigger.Headers.Location}/jobs/1/items")).JsonAsync();
        Assert.All(again.EnumerateArray(), i => Assert.Equal(("completed", 1), (i.GetProperty("state").GetString(), i.GetProperty("attempts").GetInt32()))); // nothing billed twice

        var audit = await (await ops.GetAsync("/jobs/audit?from=2025-02-27&to=2025-03-01")).JsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), r => r.GetProperty("run_date").GetString() == "2025-02-28");
    }

    [Fact]
    public async Task BadInput_Is400WithCodes_AndNothingRuns_AndClientsAreIsolated()
    {
        var ops = _host.Ops();
        await ops.PutJsonAsync("/jobs/schedules/nightly", Daily);
        var cases = new (Func<Task<HttpResponseMessage>> Send, string Code)[]
        {
            (() => ops.PutJsonAsync("/jobs/schedules/x", new { frequency = "hourly", time = "02:00", jobs = new[] { new { name = "B", job_type = "billing" } } }), "INVALID_VALUE"),
            (() => ops.PutJsonAsync("/jobs/schedules/x", new { frequency = "monthly:40", time = "02:00", jobs = new[] { new { name = "B", job_type = "billing" } } }), "INVALID_VALUE"),
            (() => ops.PutJsonAsync("/jobs/schedules/x", new { frequency = "daily", time = "25:00", jobs = new[] { new { name = "B", job_type = "billing" } } }), "1024"),
            (() => ops.PutJsonAsync("/jobs/schedules/x", new { frequency = "daily", time = "02:00", time_zone = "Mars/Olympus", jobs = new[] { new { name = "B", job_type = "billing" } } }), "INVALID_VALUE"),
            (() => ops.PutJsonAsync("/jobs/schedules/x", new { frequency = "daily", time = "02:00" }), "1010"),
            (() => ops.PostJsonAsync("/jobs/schedules/nightly/runs", new { run_date = "2025-02-30", idempotency_key = "k" }), "1024"),
            (() => ops.PostJsonAsync("/jobs/schedules/nightly/runs", new { run_date = "2025-02-28" }), "1010"),
            (() => ops.GetAsync("/jobs/schedules/nightly/next-runs?count=1000"), "INVALID_VALUE"),
            (() => ops.GetAsync("/jobs/audit?from=2025-04-01"), "1010"),
            (() => ops.GetAsync("/jobs/audit?from=2025-04-01&to=2025-04-30"), "AUDIT_RANGE_TOO_LONG"),
        };
        foreach (var (send, code) in cases)
        {
            var response = await send();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{code}: {response.StatusCode}");
            Assert.Contains(code, await response.CodesAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ops.PostJsonAsync("/jobs/schedules/x/runs", new { run_date = "2025-02-28", idempotency_key = "k" })).StatusCode);
        Assert.Empty((await (await ops.GetAsync("/jobs/audit?from=2025-03-30&to=2025-04-02")).JsonAsync()).GetProperty("items").EnumerateArray());

        var trigger = await ops.PostJsonAsync("/jobs/schedules/nightly/runs", new { run_date = "2025-03-31", idempotency_key = "k2" });
        Assert.Equal(["RUN_NOT_FOUND"], await (await ops.GetAsync($"{trigger.Headers.Location}/jobs/9/items")).CodesAsync());
        Assert.Equal(["RUN_NOT_FOUND"], await (await ops.PostAsync($"{trigger.Headers.Location}/reprocess?job=7", null)).CodesAsync());
        Assert.Equal(["RUN_NOT_FOUND"], await (await ops.PostAsync($"/jobs/runs/{Guid.NewGuid()}/reset", null)).CodesAsync());
        var other = _host.As(2000, "other-key");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(trigger.Headers.Location!.ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{trigger.Headers.Location}/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync("/jobs/schedules/nightly/runs", new { run_date = "2025-03-31", idempotency_key = "k2" })).StatusCode);
    }

    // spec: job-schedule-management.txt — a client of the rating engine keeps a daily billing schedule: on every path.
    [Fact]
    public async Task Delete_TheLastDailyBillingSchedule_IsRefused_ReplacingItToo_ButASecondOneMayGo()
    {
        var ops = _host.As(2000, "other-key"); // a client no other test gives a daily billing schedule
        Assert.Equal(HttpStatusCode.OK, (await ops.PutJsonAsync("/jobs/schedules/daily", Daily)).StatusCode);

        Assert.Equal(["LAST_DAILY_BILLING_SCHEDULE"], await (await ops.DeleteAsync("/jobs/schedules/daily")).CodesAsync());
        var replaced = await ops.PutJsonAsync("/jobs/schedules/daily", new { frequency = "month_end", time = "02:00", jobs = new[] { new { name = "Billing", job_type = "billing" } } });
        Assert.Equal(["LAST_DAILY_BILLING_SCHEDULE"], await replaced.CodesAsync());

        Assert.Equal(HttpStatusCode.OK, (await ops.PutJsonAsync("/jobs/schedules/daily-2", Daily)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ops.DeleteAsync("/jobs/schedules/daily")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.DeleteAsync("/jobs/schedules/daily")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync("/jobs/schedules/daily/next-runs")).StatusCode);
    }

    // spec: job-schedule-management.txt, Job Schedule Configuration (exception windows); DESIGN §4 Runtime and time.
    [Fact]
    public async Task NextRuns_WindowOverSeveralRuns_EachRunDateKeepsItsRun_StartingWhenTheWindowEnds()
    {
        var ops = _host.Ops();
        var defined = await ops.PutJsonAsync("/jobs/schedules/held-back", new
        {
            frequency = "daily", time = "04:00", time_zone = "UTC",
            jobs = new[] { new { name = "Billing", job_type = "billing" } },
            exception_windows = new[] { new { start = "2025-04-27T03:00:00Z", end = "2025-04-29T07:00:00+02:00" } },
        });
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        var window = Assert.Single((await defined.JsonAsync()).GetProperty("exception_windows").EnumerateArray());
        Assert.Equal(("2025-04-27T03:00:00Z", "2025-04-29T05:00:00Z"), (window.GetProperty("start").GetString(), window.GetProperty("end").GetString()));
        var read = await (await ops.GetAsync("/jobs/schedules/held-back")).JsonAsync(); // the definition as stored carries its windows back
        var stored = Assert.Single(read.GetProperty("exception_windows").EnumerateArray());
        Assert.Equal(("2025-04-27T03:00:00Z", "2025-04-29T05:00:00Z", "04:00", "UTC"),
            (stored.GetProperty("start").GetString(), stored.GetProperty("end").GetString(), read.GetProperty("time").GetString(), read.GetProperty("time_zone").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync("/jobs/schedules/never-defined")).StatusCode);

        var next = (await (await ops.GetAsync("/jobs/schedules/held-back/next-runs?after=2025-04-26&count=5")).JsonAsync()).EnumerateArray().ToArray();

        Assert.Equal(["2025-04-26", "2025-04-27", "2025-04-28", "2025-04-29", "2025-04-30"], next.Select(r => r.GetProperty("run_date").GetString()));
        Assert.Equal(
            ["2025-04-26T04:00:00 UTC (+00)", "2025-04-29T05:00:00 UTC (+00)", "2025-04-29T05:00:00 UTC (+00)", "2025-04-29T05:00:00 UTC (+00)", "2025-04-30T04:00:00 UTC (+00)"],
            next.Select(r => r.GetProperty("starts_at").GetString()));
        Assert.Equal(["none", "exception_window", "exception_window", "exception_window", "none"], next.Select(r => r.GetProperty("shifted_by").GetString()));
    }

    [Fact]
    public async Task Define_BadExceptionWindows_Is400WithCodes_AndNothingIsSaved()
    {
        var ops = _host.Ops();
        object Define(object windows) => new { frequency = "daily", time = "04:00", jobs = new[] { new { name = "B", job_type = "billing" } }, exception_windows = windows };
        var tooMany = Enumerable.Range(0, 51).Select(i => new { start = $"2025-05-{1 + (i % 28):00}T00:00:00Z", end = $"2025-05-{1 + (i % 28):00}T01:00:00Z" }).ToArray();
        var cases = new (object Windows, string Code, string Input)[]
        {
            (new[] { new { start = "2025-04-29T05:00:00Z", end = "2025-04-27T03:00:00Z" } }, "INVALID_VALUE", "exception_windows[0]"),
            (new[] { new { start = "2025-04-27T03:00:00Z", end = "2025-04-27T03:00:00Z" } }, "INVALID_VALUE", "exception_windows[0]"),
            (new[] { new { start = "2025-04-27 03:00", end = "2025-04-28T03:00:00Z" } }, "1024", "exception_windows[0].start"),
            (new[] { new { start = "2025-04-27T03:00:00", end = "2025-04-28T03:00:00Z" } }, "1024", "exception_windows[0].start"), // no offset: not an instant
            (new object[] { new { start = "2025-04-27T03:00:00Z" } }, "1010", "exception_windows[0].end"),
            (new object?[] { null }, "1010", "exception_windows[0]"),
            (tooMany, "INVALID_VALUE", "exception_windows"),
        };
        foreach (var (windows, code, input) in cases)
        {
            var response = await ops.PutJsonAsync("/jobs/schedules/bad-windows", Define(windows));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{code}: {response.StatusCode}");
            var error = Assert.Single((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
            Assert.Equal((code, input), (error.GetProperty("code").GetString(), error.GetProperty("inputs")[0].GetString()));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ops.GetAsync("/jobs/schedules/bad-windows/next-runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ops.PutJsonAsync("/jobs/schedules/bad-windows", Define(tooMany.Take(50).ToArray()))).StatusCode);
    }

    [Fact]
    public async Task AScheduleDefinedOnOneNode_IsTriggeredOnAnother()
    {
        using var folder = new TempFolder();
        using (var nodeA = HostFactory.OnSqliteFile(folder.File("shared.db")))
        using (var nodeB = HostFactory.OnSqliteFile(folder.File("shared.db")))
        {
            Assert.Equal(HttpStatusCode.OK, (await nodeA.Ops().PutJsonAsync("/jobs/schedules/shared", Daily)).StatusCode);

            var trigger = await nodeB.Ops().PostJsonAsync("/jobs/schedules/shared/runs", new { run_date = "2025-01-31", idempotency_key = "two-nodes" });

            Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
            Assert.Equal("ok", (await WaitAsync(nodeB.Ops(), trigger.Headers.Location!.ToString())).GetProperty("status").GetString());
            Assert.Equal(trigger.Headers.Location, (await nodeA.Ops().PostJsonAsync("/jobs/schedules/shared/runs", new { run_date = "2025-01-31", idempotency_key = "two-nodes" })).Headers.Location);
            Assert.Equal(HttpStatusCode.NotFound, (await nodeB.As(2000, "other-key").PostJsonAsync("/jobs/schedules/shared/runs", new { run_date = "2025-01-31", idempotency_key = "x" })).StatusCode);
        }
    }

    internal static Task<JsonElement> WaitAsync(HttpClient client, string location) =>
        client.PollAsync(location, run => run.GetProperty("status").GetString() is not ("new" or "running"));
}
