using System.Net;
using System.Text.Json;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>The endpoints the operator console (issue #20) added: the key's rights, schedules, created runs and statistics, errors per day, the queue's actions.</summary>
public sealed class ConsoleApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Session_TellsTheKeysNameAndWhatItsRoleAllows()
    {
        var viewer = await (await host.As(1000, "viewer-key").GetAsync("/console/session")).JsonAsync();
        var editor = await (await host.As(1000, "sync-editor-key").GetAsync("/console/session")).JsonAsync();

        Assert.Equal(("viewer", 1000L), (viewer.GetProperty("key_name").GetString(), viewer.GetProperty("client_no").GetInt64()));
        Assert.Equal(["read"], viewer.GetProperty("access").GetProperty("sync").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["read", "edit"], editor.GetProperty("access").GetProperty("sync").EnumerateArray().Select(a => a.GetString())); // edit implies read
        Assert.Empty(editor.GetProperty("access").GetProperty("plans").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.As(1000, "wrong").GetAsync("/console/session")).StatusCode);
    }

    // spec: job-schedule-management.txt, "Job Schedule Configuration" (recommended daily order) and "Job Schedule Execution" (create, run, statistics)
    [Fact]
    public async Task Schedules_ListWithTheOrderWarning_ACreatedRunWaitsForExecute_AndStatisticsCountWorkItems()
    {
        var ops = host.Ops();
        var name = $"s-{Guid.NewGuid():N}"[..12];
        await ops.PutJsonAsync($"/jobs/schedules/{name}", new { frequency = "monthly:15", time = "04:00", time_zone = "Asia/Tokyo", jobs = new[] { new { name = "B", job_type = "billing" }, new { name = "R", job_type = "usage-rating" } } });

        var listed = (await (await ops.GetAsync("/jobs/schedules")).JsonAsync()).EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        Assert.Equal(("monthly:15", "04:00", "Asia/Tokyo"), (listed.GetProperty("frequency").GetString(), listed.GetProperty("time").GetString(), listed.GetProperty("time_zone").GetString()));
        Assert.Contains("recommended order", listed.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);

        var created = await ops.PostJsonAsync($"/jobs/schedules/{name}/runs/created", new { run_date = "2025-03-15" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var run = await created.JsonAsync();
        Assert.Equal(("new", 0), (run.GetProperty("status").GetString(), run.GetProperty("batch_status_cd").GetInt32()));
        await Task.Delay(200);
        Assert.Equal("new", (await (await ops.GetAsync(created.Headers.Location)).JsonAsync()).GetProperty("status").GetString()); // not started

        var started = await ops.PostAsync($"/jobs/runs/{run.GetProperty("id").GetString()}/execute", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("ok", (await JobApiTests.WaitAsync(ops, started.Headers.Location!.ToString())).GetProperty("status").GetString());
        var stats = await (await ops.GetAsync($"/jobs/runs/{run.GetProperty("id").GetString()}/statistics")).JsonAsync();
        Assert.Equal([(0, 5, 0), (0, 5, 0)], stats.EnumerateArray().Select(s => (s.GetProperty("pending").GetInt32(), s.GetProperty("completed").GetInt32(), s.GetProperty("failed").GetInt32())));

        Assert.Equal(["1024"], await (await ops.PostJsonAsync($"/jobs/schedules/{name}/runs/created", new { run_date = "9999-01-01" })).CodesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await ops.PostJsonAsync("/jobs/schedules/no-such/runs/created", new { run_date = "2025-03-15" })).StatusCode);
    }

    // spec: billing-sync-reprocess.txt (only ERROR records count)
    [Fact]
    public async Task ErrorsDaily_CountsErrorRecordsPerObjectAndActionToday_AndRefusesTooManyDays()
    {
        var ops = host.Ops();
        var thing = $"Daily{Guid.NewGuid():N}"[..14];
        foreach (var (action, error) in new[] { ("Create", "X"), ("Create", "Y"), ("Modify", "X"), ("Create", null) })
        {
            await ops.PostJsonAsync("/sync/catalog/records", new { event_id = Guid.NewGuid().ToString(), object_name = thing, action_name = action, payload = error is null ? "{}" : JsonSerializer.Serialize(new { error }) });
        }

        var daily = await (await ops.GetAsync("/sync/catalog/errors/daily?days=7")).JsonAsync();
        var series = daily.GetProperty("series").EnumerateArray().Where(s => s.GetProperty("object_name").GetString() == thing)
            .ToDictionary(s => s.GetProperty("action_name").GetString()!, s => s.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("day").GetString(), d.GetProperty("count").GetInt64())).ToArray());
        var today = daily.GetProperty("to").GetString();
        Assert.Equal([(today, 2L)], series["Create"]);
        Assert.Equal([(today, 1L)], series["Modify"]);
        Assert.Equal(["INVALID_VALUE"], await (await ops.GetAsync("/sync/catalog/errors/daily?days=32")).CodesAsync());
    }

    // spec: release-6.50.txt, the queue (execute now only for dated changes; change date only for dated ones) and role access
    [Fact]
    public async Task Queue_OffersExecuteAndChangeDateOnlyWhereTheRulesAllow_AndNothingToAViewer()
    {
        var ops = host.Ops();
        var account = Random.Shared.NextInt64(100_000, 900_000);
        await ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = account, kind = "units", units = 3, effective_date = "2030-01-10" });
        await ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = account + 1, kind = "units", units = 4, timing = "anniversary" });

        static (string, bool, bool, bool)[] Offers(JsonElement queue) => [.. queue.GetProperty("queued").EnumerateArray().Select(q => (
            q.GetProperty("change").GetProperty("timing").GetString()!, q.GetProperty("can_execute").GetBoolean(), q.GetProperty("can_change_date").GetBoolean(), q.GetProperty("can_delete").GetBoolean()))];
        var queue = await (await ops.GetAsync($"/plans/accounts/{account}/queue")).JsonAsync();
        Assert.Contains(("dated", true, true, true), Offers(queue));
        Assert.Contains(Offers(queue), o => o is ("anniversary", false, false, true));
        Assert.All(Offers(await (await host.As(1000, "viewer-key").GetAsync($"/plans/accounts/{account}/queue")).JsonAsync()), o => Assert.Equal((false, false, false), (o.Item2, o.Item3, o.Item4)));

        var dated = queue.GetProperty("queued").EnumerateArray().First(q => q.GetProperty("change").GetProperty("timing").GetString() == "dated").GetProperty("change").GetProperty("id").GetString();
        await ops.DeleteAsync($"/plans/changes/{dated}");
        var history = (await (await ops.GetAsync($"/plans/accounts/{account}/queue")).JsonAsync()).GetProperty("history");
        Assert.Equal(("deleted", "ops"), (history[0].GetProperty("state").GetString(), history[0].GetProperty("closed_by").GetString()));
    }
}
