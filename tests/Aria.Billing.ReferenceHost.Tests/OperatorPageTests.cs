using System.Net;
using System.Text.RegularExpressions;
using Aria.Billing.Testing.Skipping;
using Microsoft.Playwright;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>
/// The operator console (issue #20) in a real browser: a test per view, each driving the view's main function end to end on
/// Debian's chromium against the host on Kestrel (one host and one browser for the class), saving a screenshot of the view
/// (<see cref="ConsoleFixture.ScreenshotFolder"/>) and checking its form's labels and keyboard path. In the load collection,
/// so their waits are not raced by the load tests.
/// </summary>
[RequiresEnvironment("ARIA_BILLING_CHROMIUM")]
[Collection(LoadCollection.Name)]
public sealed class OperatorPageTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    private static readonly string[] Keys = ["ops-key"];

    // spec: billing-sync-reprocess.txt, "Filter Account Sync Activity", "Sort Account Sync Activity", DISCARDED, "Header attributes … Event Payload"
    [StoreFact]
    public async Task ActivityLog_FiltersSortsPages_HidesDiscarded_AndShowsARecordWithItsPayload()
    {
        var ops = console.Host.Ops();
        for (var i = 0; i < 27; i++)
        {
            await ops.PostJsonAsync("/sync/account/records", new
            {
                event_id = $"act-{i}", object_name = "ActivityThing", action_name = i % 2 == 0 ? "Create" : "Modify", action = "A", object_type = 7, account_no = 500 + (i % 3),
                aria_sync_id = $"sync-{i}", payload = i == 26 ? "{\"error\":\"BILLING_STATUS_CODE_IS_NOT_MAPPED\",\"amount\":12.5}" : "{\"n\":" + i + "}",
            });
        }

        var doomed = await (await ops.PostJsonAsync("/sync/account/records", new { event_id = "act-doomed", object_name = "ActivityThing", action_name = "Create", object_type = 7, payload = "{\"error\":\"X\"}" })).JsonAsync();
        await ops.PollAsync((await ops.PostJsonAsync("/sync/account/discard", new { level = "record", record_id = doomed.GetProperty("id").GetInt64(), expected_count = 1 })).Headers.Location!.ToString(), s => s.GetProperty("state").GetString() != "running");

        var page = await console.SignedInAsync("ops-key", "activity/account");
        await page.GetByLabel("Object name (partial)").FillAsync("activitything"); // partial, case-insensitive
        await page.GetByLabel("Object type").FillAsync("7");
        await page.GetByLabel("Page size").SelectOptionAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var rows = page.Locator("[data-testid=activity-row]");
        await Assertions.Expect(page.Locator("[data-testid=total]")).ToContainTextAsync("27 records"); // the discarded one hidden
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Assertions.Expect(rows.First).ToContainTextAsync("ERROR"); // newest first: act-26 errored
        await page.Locator("[data-testid=next-page]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.Locator("[data-testid=previous-page]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(25);

        await page.GetByLabel("Order").SelectOptionAsync("false");
        await page.GetByLabel("Account number").FillAsync("501");
        await page.GetByLabel("Action name (partial)").FillAsync("MOD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(5); // i = 1, 7, 13, 19, 25: account 501 and Modify
        var ids = await rows.Locator("td:first-child").AllInnerTextsAsync();
        Assert.Equal(ids.Select(long.Parse).Order(), ids.Select(long.Parse)); // ascending

        await page.GetByLabel("Account number").FillAsync("");
        await page.GetByLabel("Action name (partial)").FillAsync("");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("discarded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("DISCARDED");

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("error");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await ConsoleFixture.AssertFormUsableAsync(page, "[data-testid=activity-filters]");
        await ConsoleFixture.ScreenshotAsync(page, "activity-log");

        await rows.First.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=record-header]")).ToContainTextAsync("sync-26");
        await Assertions.Expect(page.Locator("[data-testid=record-header]")).ToContainTextAsync("BILLING_STATUS_CODE_IS_NOT_MAPPED");
        await Assertions.Expect(page.Locator("[data-testid=payload]")).ToContainTextAsync("\"amount\": 12.5"); // formatted
        await page.Locator("[data-testid=copy-payload]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("payload copied");
        Assert.Contains("\"error\": \"BILLING_STATUS_CODE_IS_NOT_MAPPED\"", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), StringComparison.Ordinal);
        await ConsoleFixture.ScreenshotAsync(page, "activity-record");
        await console.CloseAsync(page);
    }

    // spec: billing-sync-reprocess.txt, "Reprocess …" and "Discard …" at every level, narrowed to an account number (the old page's test, kept)
    [StoreFact]
    public async Task ReprocessSummary_DrillsDownThreeLevels_ReprocessesAndDiscards_NarrowedToAnAccount_WithTheErrorsChart()
    {
        var ops = console.Host.Ops();
        for (var i = 0; i < 4; i++)
        {
            await ops.PostJsonAsync("/sync/account/records", new
            {
                event_id = $"page-{i}", object_name = "Contact", action_name = "Create", account_no = i == 3 ? 99 : 10 + i,
                payload = i is 0 or 1 ? "{\"error\":\"ACCOUNT_IS_NOT_FOUND\",\"fixed_on_reprocess\":true}" : "{\"error\":\"BILLING_STATUS_CODE_IS_NOT_MAPPED\"}",
            });
        }

        var page = await console.SignedInAsync("ops-key", "summary/account");
        await Assertions.Expect(page.Locator("[data-testid=errors-series]", new() { HasText = "Contact / Create" })).ToHaveCountAsync(1); // the chart's line
        await page.GetByLabel("Account number").FillAsync("99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Narrow" }).ClickAsync();
        var summaryRow = page.Locator("[data-testid=summary-row]", new() { HasText = "Contact" });
        await Assertions.Expect(summaryRow).ToContainTextAsync("1");
        await page.GetByLabel("Account number").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Narrow" }).ClickAsync();
        await Assertions.Expect(summaryRow).ToContainTextAsync("4");
        await ConsoleFixture.ScreenshotAsync(page, "reprocess-summary");
        await summaryRow.ClickAsync();

        var errorRows = page.Locator("[data-testid=error-row]");
        await Assertions.Expect(errorRows).ToHaveCountAsync(2);
        var fixable = errorRows.Filter(new() { HasText = "ACCOUNT_IS_NOT_FOUND" });
        await Assertions.Expect(fixable).ToContainTextAsync("account's create message first"); // the catalog's resolution
        await fixable.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=record-row]")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Link, new() { Name = "Contact / Create" }).ClickAsync();
        await Assertions.Expect(errorRows).ToHaveCountAsync(2);
        await errorRows.Filter(new() { HasText = "ACCOUNT_IS_NOT_FOUND" }).Locator("[data-testid=reprocess]").ClickAsync();
        await Assertions.Expect(errorRows).ToHaveCountAsync(1);
        await Assertions.Expect(errorRows).ToContainTextAsync("BILLING_STATUS_CODE_IS_NOT_MAPPED");
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("2 ok");

        // Issue #15 item 7: a discard asks first, showing the count, and sends it (expected_count); narrowed to account 99: 1 of 2.
        string? asked = null;
        page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
        await page.GetByLabel("Account number").FillAsync("99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Narrow" }).ClickAsync();
        await summaryRow.Locator("[data-testid=discard]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("discard: 1 processed");
        Assert.Contains("Discard 1 ERROR record for good", asked, StringComparison.Ordinal);
        await page.GetByLabel("Account number").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Narrow" }).ClickAsync();
        await Assertions.Expect(summaryRow).ToContainTextAsync("1");
        await summaryRow.ClickAsync();
        await errorRows.First.ClickAsync();
        await page.Locator("[data-testid=record-row] [data-testid=discard]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("discard: 1 processed");
        Assert.Contains("Discard 1 ERROR record", asked, StringComparison.Ordinal);
        await ConsoleFixture.AssertFormUsableAsync(page, "[data-testid=view] form");
        await console.CloseAsync(page);
    }

    // spec: billing-sync-reprocess.txt, "Aggregated Usage Sync" (incomplete batches, drill-down by error code and status, reprocess and discard at batch and row level)
    [StoreFact]
    public async Task UsageBatches_DrillDown_ReprocessARow_LinkToRecords_DiscardTheBatch()
    {
        var ops = console.Host.Ops();
        var hour = new DateTime(2031, 3, 4, 10, 0, 0, DateTimeKind.Utc);
        var errors = new[] { "PLAN_RATE_SCHEDULE_NOT_FOUND", "PLAN_RATE_SCHEDULE_NOT_FOUND", "BILLABLE_SERVICE_NOT_FOUND", null };
        for (var i = 0; i < errors.Length; i++)
        {
            await ops.PostJsonAsync("/sync/aggregated_usage/records", new
            {
                event_id = $"usage-{i}", object_name = "Usage", action_name = "Send", recorded_at = hour.AddMinutes(5 + i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                payload = errors[i] is { } e ? $"{{\"error\":\"{e}\",\"fixed_on_reprocess\":{(e.StartsWith("PLAN", StringComparison.Ordinal) ? "true" : "false")}}}" : "{}",
            });
        }

        var page = await console.SignedInAsync("ops-key", "batches");
        await page.GetByLabel("Start date").FillAsync("2031-03-04");
        await page.GetByLabel("End date").FillAsync("2031-03-05");
        await ConsoleFixture.AssertFormUsableAsync(page, "[data-testid=batches-form]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var batch = page.Locator("[data-testid=batch-row]");
        await Assertions.Expect(batch).ToHaveCountAsync(1);
        await Assertions.Expect(batch.Locator("td:nth-child(-n+7)")).ToHaveTextAsync(["+", "2031-03-04T10:00:00Z", "2031-03-04T11:00:00Z", "4", "1", "3", "0"]); // start, end, total, completed, error, pending
        await batch.Locator("[data-testid=batch-expand]").ClickAsync();
        var rows = page.Locator("[data-testid=batch-detail-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await ConsoleFixture.ScreenshotAsync(page, "usage-batches");

        await rows.Filter(new() { HasText = "PLAN_RATE_SCHEDULE_NOT_FOUND" }).Locator("[data-testid=batch-reprocess]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("reprocess: 2 processed, 2 ok");
        await Assertions.Expect(batch.Locator("td").Nth(5)).ToHaveTextAsync("1");
        await Assertions.Expect(rows).ToHaveCountAsync(1);

        await rows.Locator("[data-testid=batch-records]").ClickAsync(); // the row's records: batch, error code and status filters
        await Assertions.Expect(page.Locator("[data-testid=activity-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=activity-row]")).ToContainTextAsync("BILLABLE_SERVICE_NOT_FOUND");
        await Assertions.Expect(page.GetByLabel("Aggregated batch")).ToHaveValueAsync("2031-03-04T10:00:00Z");

        await page.GoBackAsync();
        await page.GetByLabel("Start date").FillAsync("2031-03-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        string? asked = null;
        page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
        await batch.Locator("[data-testid=batch-discard]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("discard: 1 processed");
        Assert.Contains("Discard 1 ERROR record for good", asked, StringComparison.Ordinal);
        await Assertions.Expect(batch).ToHaveCountAsync(0); // complete now: no longer listed
        await console.CloseAsync(page);
    }

    // spec: job-schedule-management.txt, "Job Schedule Configuration" (frequency, time, exception windows, jobs in sequence, recommended order)
    [StoreFact]
    public async Task Schedules_DefineWithAWindowAndJobsOutOfOrder_WarnsListsAndShowsNextRuns()
    {
        var page = await console.SignedInAsync("ops-key", "schedules");
        await page.Locator("[data-testid=new-schedule]").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("month-close");
        await page.GetByLabel("Frequency").FillAsync("month_end");
        await page.GetByLabel("Execution time").FillAsync("03:30");
        await page.GetByLabel("Time zone").FillAsync("Europe/Paris");
        await page.GetByLabel("Job 1 type").SelectOptionAsync("billing"); // billing before sync transactions: not the recommended order
        await page.GetByLabel("Job 1 name").FillAsync("Billing first");
        await page.Locator("[data-testid=add-window]").ClickAsync();
        await page.GetByLabel("Window 1 start (ISO instant)").FillAsync("2030-12-31T00:00:00Z");
        await page.GetByLabel("Window 1 end").FillAsync("2031-01-02T00:00:00Z");
        await ConsoleFixture.AssertFormUsableAsync(page, "[data-testid=schedule-form]");
        await page.Locator("[data-testid=save-schedule]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=schedule-warnings]")).ToContainTextAsync("recommended order");
        var row = page.Locator("[data-testid=schedule-row]", new() { HasText = "month-close" });
        await Assertions.Expect(row).ToContainTextAsync("month_end");
        await Assertions.Expect(row).ToContainTextAsync("Europe/Paris");
        await Assertions.Expect(row).ToContainTextAsync("2030-12-31T00:00:00Z");
        await Assertions.Expect(page.Locator("[data-testid=next-run]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=schedule-form] [data-testid=job]")).ToHaveCountAsync(3);
        await ConsoleFixture.ScreenshotAsync(page, "job-schedules");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move job 3 up" }).ClickAsync(); // jobs in order: Billing first, Billing, Sync transactions
        await Assertions.Expect(page.GetByLabel("Job 2 name")).ToHaveValueAsync("Billing");
        await page.GetByLabel("Execution time").FillAsync("04:15"); // change it: the same form, the name kept
        await page.Locator("[data-testid=remove-window]").ClickAsync();
        await page.Locator("[data-testid=save-schedule]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("04:15");
        await Assertions.Expect(row).ToContainTextAsync("Billing first (billing) → Billing (billing) → Sync transactions (sync-transactions)");
        await Assertions.Expect(row).Not.ToContainTextAsync("2030-12-31");

        await page.GetByLabel("Frequency").FillAsync("fortnightly"); // refused: its coded error shown
        await page.Locator("[data-testid=save-schedule]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("INVALID_VALUE: frequency should be");
        await console.CloseAsync(page);
    }

    // spec: job-schedule-management.txt, "Job Schedule Execution" (create, run, reset, statistics down to work items, reprocess at job level)
    [StoreFact]
    public async Task Execution_CreatesRunsResetsAndReprocessesARun_ShowingTheTimelineAndWorkItems()
    {
        var ops = console.Host.Ops();
        await ops.PutJsonAsync("/jobs/schedules/nightly", new { frequency = "daily", time = "02:00", jobs = new[] { new { name = "Rating", job_type = "usage-rating" }, new { name = "Billing", job_type = "billing" } } });

        var page = await console.SignedInAsync("ops-key", "execution");
        await page.GetByLabel("Schedule", new() { Exact = true }).SelectOptionAsync("nightly");
        await page.GetByLabel("Run date").FillAsync("2025-02-28");
        await ConsoleFixture.AssertFormUsableAsync(page, "[data-testid=execution-form]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show run" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToContainTextAsync("No run of nightly");
        await page.Locator("[data-testid=create-run]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToContainTextAsync("new (batch_status_cd 0)");
        await page.Locator("[data-testid=execute-run]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToContainTextAsync("ok (batch_status_cd 2)");
        await Assertions.Expect(page.Locator("[data-testid=timeline-job]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=timeline-job]").Last).ToContainTextAsync("100% (5/5)");
        await Assertions.Expect(page.Locator("[data-testid=work-item]")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-testid=job-row]").Last).ToContainTextAsync("billing");
        await ConsoleFixture.ScreenshotAsync(page, "schedule-execution");

        await page.Locator("[data-testid=reset-run]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=job-row]").First).ToContainTextAsync("new");
        await page.Locator("[data-testid=job-row]").Last.Locator("[data-testid=reprocess-job]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=job-row]").Last).ToContainTextAsync("ok");
        await page.Locator("[data-testid=reprocess-run]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToContainTextAsync("ok (batch_status_cd 2)");
        await Assertions.Expect(page.Locator("[data-testid=work-item]", new() { HasText = "completed" })).ToHaveCountAsync(10);
        await console.CloseAsync(page);
    }

    // spec: release-6.50.txt, the queue of future plan changes (Execute / Change date / Delete where allowed; history with who and when)
    [StoreFact]
    public async Task PlanQueue_OffersActionsWhereTheRulesAllow_ExecutesChangesDateDeletes_AndKeepsTheHistory()
    {
        var ops = console.Host.Ops();
        Assert.Equal(HttpStatusCode.Created, (await ops.PostJsonAsync("/plans/changes", new { account_no = 42, plan_instance_no = 80, parent_plan_instance_no = 7, plan_kind = "supplemental", kind = "assign", new_plan_no = 21, effective_date = "2030-01-10" })).StatusCode);
        var child = await ops.PostJsonAsync("/plans/changes", new { account_no = 42, plan_instance_no = 81, parent_plan_instance_no = 80, plan_kind = "supplemental", kind = "assign", new_plan_no = 22, effective_date = "2030-01-20" });
        Assert.Equal(HttpStatusCode.Created, (await ops.PostJsonAsync("/plans/changes", new { account_no = 42, plan_instance_no = 7, kind = "units", units = 3, timing = "anniversary" })).StatusCode);

        var page = await console.SignedInAsync("ops-key", "plans");
        await page.GetByLabel("Account number").FillAsync("42");
        await ConsoleFixture.AssertFormUsableAsync(page, "[data-testid=plans-form]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show queue" }).ClickAsync();
        var queued = page.Locator("[data-testid=queued-change]");
        await Assertions.Expect(queued).ToHaveCountAsync(child.StatusCode == HttpStatusCode.Created ? 3 : 2);
        await Assertions.Expect(page.Locator("[data-testid=queue-node][data-depth='1']")).ToHaveCountAsync(1); // supplemental 80 under master 7
        if (child.StatusCode == HttpStatusCode.Created)
        {
            await Assertions.Expect(page.Locator("[data-testid=queue-node][data-depth='2']")).ToHaveCountAsync(1); // child 81 under 80
        }

        var anniversary = queued.Filter(new() { HasText = "anniversary" });
        await Assertions.Expect(anniversary.Locator("[data-testid=execute-change]")).ToHaveCountAsync(0); // only dated changes execute now
        await Assertions.Expect(anniversary.Locator("[data-testid=change-date]")).ToHaveCountAsync(0);
        await Assertions.Expect(anniversary.Locator("[data-testid=delete-change]")).ToHaveCountAsync(1);
        var assign = queued.Filter(new() { HasText = "2030-01-10" });
        await Assertions.Expect(assign.Locator("[data-testid=execute-change]")).ToHaveCountAsync(1); // the top-most pending assignment
        await ConsoleFixture.ScreenshotAsync(page, "plan-queue");

        await assign.Locator("[data-testid=new-date]").FillAsync("2020-01-01"); // refused with its code
        await assign.Locator("[data-testid=change-date]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToHaveTextAsync(new Regex("^\\S+: The Effective Date must be in the future"));
        await assign.Locator("[data-testid=new-date]").FillAsync("2030-01-12");
        await assign.Locator("[data-testid=change-date]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("date changed to 2030-01-12");
        await queued.Filter(new() { HasText = "2030-01-12" }).Locator("[data-testid=execute-change]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=history-change]", new() { HasText = "executed" })).ToContainTextAsync("ops");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await queued.Filter(new() { HasText = "anniversary" }).Locator("[data-testid=delete-change]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=history-change]", new() { HasText = "deleted" })).ToContainTextAsync("deleted by ops");
        await ConsoleFixture.ScreenshotAsync(page, "plan-queue-history");
        await console.CloseAsync(page);
    }

    // spec: batch-process-audit-log.txt (at most 7 days; status and process-name filters; green check ok, red x failed)
    [StoreFact]
    public async Task AuditLog_SearchesAWeek_FiltersByStatusAndProcessName_AndMarksOkRuns()
    {
        var ops = console.Host.Ops();
        await ops.PutJsonAsync("/jobs/schedules/audited", new { frequency = "daily", time = "02:00", jobs = new[] { new { name = "Billing", job_type = "billing" } } });
        foreach (var date in new[] { "2025-03-03", "2025-03-05" })
        {
            var trigger = await ops.PostJsonAsync("/jobs/schedules/audited/runs", new { run_date = date, idempotency_key = $"audit-{date}" });
            await JobApiTests.WaitAsync(ops, trigger.Headers.Location!.ToString());
        }

        var page = await console.SignedInAsync("ops-key", "audit");
        await page.GetByLabel("From").FillAsync("2025-03-01");
        await page.GetByLabel("To").FillAsync("2025-03-10"); // ten days: refused before asking
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("at most 7 days");
        await page.GetByLabel("To").FillAsync("2025-03-07");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByLabel("Process name").FillAsync("billing");
        await ConsoleFixture.AssertFormUsableAsync(page, "[data-testid=audit-form]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var rows = page.Locator("[data-testid=audit-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First.Locator("[data-testid=audit-mark]")).ToHaveAttributeAsync("aria-label", "ok");
        await Assertions.Expect(rows.First).ToContainTextAsync("ok2"); // status ok, batch_status_cd 2
        await ConsoleFixture.ScreenshotAsync(page, "audit-log");

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByLabel("Process name").FillAsync("no-such-job");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await console.CloseAsync(page);
    }

    // Issue #20 item 3: buttons a key's role does not allow are not offered.
    [StoreFact]
    public async Task Roles_AViewerIsOfferedNoAction_ASyncEditorReprocessesButCannotDiscard()
    {
        var ops = console.Host.Ops();
        await ops.PostJsonAsync("/sync/catalog/records", new { event_id = "role-1", object_name = "Plan", action_name = "Update", payload = "{\"error\":\"X\"}" });
        await ops.PutJsonAsync("/jobs/schedules/viewed", new { frequency = "daily", time = "02:00", jobs = new[] { new { name = "Billing", job_type = "billing" } } });

        var viewer = await console.SignedInAsync("viewer-key", "summary/catalog");
        await Assertions.Expect(viewer.Locator("[data-testid=summary-row]", new() { HasText = "Plan" })).ToHaveCountAsync(1);
        await Assertions.Expect(viewer.Locator("[data-testid=reprocess], [data-testid=discard]")).ToHaveCountAsync(0);
        await viewer.GotoAsync("about:blank");
        await viewer.GotoAsync(new Uri(console.Address, "/operator/?client_no=1000#schedules/viewed").ToString()); // a new load: the key is gone with the page
        await Assertions.Expect(viewer.Locator("[data-testid=nav]")).ToBeHiddenAsync();
        await Assertions.Expect(viewer.GetByLabel("Auth key")).ToHaveValueAsync("");
        Assert.DoesNotContain("viewer-key", viewer.Url, StringComparison.Ordinal);
        await viewer.GetByLabel("Auth key").FillAsync("viewer-key");
        await viewer.GetByLabel("Auth key").PressAsync("Enter"); // signs in from the keyboard
        await Assertions.Expect(viewer.Locator("[data-testid=schedule-row]", new() { HasText = "viewed" })).ToHaveCountAsync(1);
        await Assertions.Expect(viewer.Locator("[data-testid=save-schedule], [data-testid=delete-schedule], [data-testid=new-schedule]")).ToHaveCountAsync(0);
        await ConsoleFixture.ScreenshotAsync(viewer, "viewer-schedules");
        await console.CloseAsync(viewer);

        var editor = await console.SignedInAsync("sync-editor-key", "summary/catalog");
        await Assertions.Expect(editor.Locator("[data-testid=summary-row] [data-testid=reprocess]")).ToHaveCountAsync(1);
        await Assertions.Expect(editor.Locator("[data-testid=discard]")).ToHaveCountAsync(0);
        await editor.GotoAsync("about:blank");
        await editor.GotoAsync(new Uri(console.Address, "/operator/?client_no=1000").ToString());
        await editor.GetByLabel("Auth key").FillAsync("wrong-key");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-testid=error]")).ToContainTextAsync("1004: authentication error");
        await console.CloseAsync(editor);
    }

    // Issue #20 item 4: static files with ETags (304 on revalidation), the API's headers, a CSP with no inline script or style.
    [StoreFact]
    public async Task ConsoleFiles_CarryETagsAndTheSecurityHeaders_AndHoldNoInlineScriptOrStyle()
    {
        var http = console.Host.CreateClient(new() { BaseAddress = console.Address });
        foreach (var path in new[] { "/operator/", "/operator/console.css", "/operator/js/app.js", "/operator/js/charts.js", "/operator/js/views/summary.js" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var etag = response.Headers.ETag ?? throw new InvalidOperationException($"{path} has no ETag.");
            Assert.True(response.Headers.CacheControl?.NoCache, path);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);

            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);
        }

        var html = await http.GetStringAsync("/operator/");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        using var raw = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = console.Address };
        var redirect = await raw.GetAsync("/operator?client_no=1000");
        Assert.Equal("/operator/?client_no=1000", redirect.Headers.Location?.ToString());
    }
}
