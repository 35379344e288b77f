using System.Diagnostics;
using System.Net;

namespace Aria.Billing.ReferenceHost.Tests;

// Issue #15 item 5: a SIGTERM stops the host within its shutdown timeout (HostOptions.ShutdownTimeout, AriaHost:ShutdownTimeout)
// while background work is running: the work observes the stopping token, and the interrupted job is resumed later.
// spec: job-schedule-management.txt, "Job Schedule Execution".
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_DuringALongJobAndDuringItsReprocess_StopsTheRealHostWithinItsShutdownTimeout()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string>
        {
            ["AriaHost__Sqlite__Path"] = folder.File("host.db"),
            ["AriaHost__Demo__WorkItemDelay"] = "00:10:00", // each item takes 10 minutes unless cancelled
            ["AriaHost__Demo__WorkItemsPerJob"] = "4",
            ["AriaHost__ShutdownTimeout"] = "00:00:05",
        };
        using var host = await HostProcess.StartAsync(settings);
        using var ops = host.Ops();
        Assert.Equal(HttpStatusCode.OK, (await ops.PutJsonAsync("/jobs/schedules/long", new
        {
            frequency = "daily", time = "02:30", jobs = new[] { new { name = "Billing", job_type = "billing" } },
        })).StatusCode);
        var trigger = await ops.PostJsonAsync("/jobs/schedules/long/runs", new { run_date = "2025-03-01", idempotency_key = "long-1" });
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var run = trigger.Headers.Location!.ToString();
        await ops.PollAsync(run, r => r.GetProperty("jobs")[0].GetProperty("status").GetString() == "running");

        AssertStopsWithinShutdownTimeout(host);

        // Again during a run reprocess (it used to be given no stopping token: the host waited out its shutdown timeout).
        var quiet = new Dictionary<string, string>(settings) { ["AriaBilling__Jobs__Driver__Enabled"] = "false", ["AriaBilling__Jobs__Driver__RecoverRuns"] = "false" };
        using (var second = await HostProcess.StartAsync(quiet))
        {
            using var ops2 = second.Ops();
            Assert.Equal(HttpStatusCode.Accepted, (await ops2.PostAsync($"{run}/reprocess", null)).StatusCode);
            await ops2.PollAsync(run, r => r.GetProperty("jobs")[0].GetProperty("status").GetString() == "running");
            AssertStopsWithinShutdownTimeout(second);
        }

        // The interrupted job was written Incomplete (the work observed the token), so the next start resumes it first.
        using var third = await HostProcess.StartAsync(quiet);
        using var ops3 = third.Ops();
        var state = await (await ops3.GetAsync(run)).JsonAsync();
        Assert.Equal("incomplete", state.GetProperty("jobs")[0].GetProperty("status").GetString());
    }

    private static void AssertStopsWithinShutdownTimeout(HostProcess host)
    {
        var watch = Stopwatch.StartNew();
        host.Terminate();
        var exited = host.WaitForExit(TimeSpan.FromSeconds(40));
        watch.Stop();

        Assert.True(exited, "the host was still running 40 s after SIGTERM");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5 + 3), $"the host took {watch.Elapsed.TotalSeconds:0.0} s to stop (shutdown timeout 5 s)");
        Assert.Equal(0, host.ExitCode);
    }
}
