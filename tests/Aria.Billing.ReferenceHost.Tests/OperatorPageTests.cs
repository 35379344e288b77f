using Aria.Billing.Testing.Skipping;
using Microsoft.Playwright;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>
/// The operator page in a real browser: Debian's chromium (ARIA_BILLING_CHROMIUM, installed by .ci/run) driven headless
/// by Playwright against the host served by Kestrel on loopback (alone, so its waits are not raced by the load tests).
/// </summary>
[RequiresEnvironment("ARIA_BILLING_CHROMIUM")]
[Collection(LoadCollection.Name)]
public sealed class OperatorPageTests
{
    [StoreFact]
    public async Task Page_DrillsDownThreeLevels_ReprocessesAnErrorSummaryRow_AndShowsItGone()
    {
        using var host = HostFactory.OnKestrel();
        host.StartServer();
        var ops = host.Ops();
        var address = ops.BaseAddress!;
        for (var i = 0; i < 3; i++)
        {
            await ops.PostJsonAsync("/sync/account/records", new
            {
                event_id = $"page-{i}", object_name = "Contact", action_name = "Create", account_no = 10 + i,
                payload = i < 2 ? "{\"error\":\"ACCOUNT_IS_NOT_FOUND\",\"fixed_on_reprocess\":true}" : "{\"error\":\"BILLING_STATUS_CODE_IS_NOT_MAPPED\"}",
            });
        }

        await ops.PutJsonAsync("/jobs/schedules/daily", new { frequency = "daily", time = "02:00", jobs = new[] { new { name = "Billing", job_type = "billing" } } });
        var trigger = await ops.PostJsonAsync("/jobs/schedules/daily/runs", new { run_date = "2025-02-28", idempotency_key = "page" });
        await JobApiTests.WaitAsync(ops, trigger.Headers.Location!.ToString());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ARIA_BILLING_CHROMIUM"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(address, "/operator?client_no=1000").ToString());
        await page.FillAsync("[data-testid=auth-key]", "ops-key");
        await page.ClickAsync("[data-testid=connect]");

        var summaryRow = page.Locator("[data-testid=summary-row]", new() { HasText = "Contact" });
        await Assertions.Expect(summaryRow).ToContainTextAsync("3");
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

        // Issue #15 item 7: a discard asks first, showing the count the operator sees, and sends it (expected_count).
        string? asked = null;
        page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
        await errorRows.Locator("[data-testid=discard]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=message]")).ToContainTextAsync("discard: 1 processed");
        Assert.Contains("Discard 1 ERROR record for good", asked, StringComparison.Ordinal);
        await Assertions.Expect(errorRows).ToHaveCountAsync(0);

        await page.FillAsync("[data-testid=run-date]", "2025-02-28");
        await page.ClickAsync("[data-testid=show-run]");
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToContainTextAsync("ok (batch_status_cd 2)");
        await Assertions.Expect(page.Locator("[data-testid=work-item]")).ToHaveCountAsync(5);
    }
}
