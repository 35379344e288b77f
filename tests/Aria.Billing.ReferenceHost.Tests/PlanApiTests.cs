using System.Net;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: replace-acct-plan-m.txt (assignment directives, proration, bill lag) and release-6.50.txt (future plan changes).
public sealed class PlanApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public PlanApiTests(HostFactory host) => _host = host;

    [Fact]
    public async Task ProrationPreview_TheAprilTwentySeventhExample()
    {
        // spec: bill day 15, monthly, $30 plan replaced by a $60 plan on Apr 27: 18 of 30 days remain → credit 18.00, charge 36.00.
        var response = await _host.Ops().PostJsonAsync("/plans/proration/preview", new
        {
            bill_day = 15, currency = "USD", old_rate = "30.00", new_rate = "60.00", effective_date = "2025-04-27", policy = "full",
        });
        var quote = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("2025-04-15", "2025-05-15", 30, 18), (quote.GetProperty("period_start").GetString(), quote.GetProperty("period_end").GetString(),
            quote.GetProperty("period_days").GetInt32(), quote.GetProperty("days_remaining").GetInt32()));
        Assert.Equal((18.00m, 36.00m, 18.00m), (quote.GetProperty("credit").GetDecimal(), quote.GetProperty("charge").GetDecimal(), quote.GetProperty("net").GetDecimal()));
    }

    [Fact]
    public async Task InvoicePlanPreview_AndReplaceValidation()
    {
        var ops = _host.Ops();
        var plan = await (await ops.PostJsonAsync("/plans/invoice-plan/preview", new
        {
            bill_day = 15, first_uninvoiced_period_start = "2025-02-15", as_of = "2025-04-20", bill_lag_days = 0,
        })).JsonAsync();
        Assert.Equal(3, plan.GetProperty("periods_due").GetInt32());

        var valid = await ops.PostJsonAsync("/plans/replace/validate?plan_kind=master&today=2025-04-27", new
        {
            acct_no = "42", plan_instance_no = "7", new_plan_no = "9", assignment_directive = "4",
        });
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(4, (await valid.JsonAsync()).GetProperty("assignment_directive").GetInt32());

        var invalid = await ops.PostJsonAsync("/plans/replace/validate?today=2025-04-27", new
        {
            acct_no = "42", plan_instance_no = "7", new_plan_no = "9", assignment_directive = "12", effective_date = "2025-02-30",
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("1035", await invalid.CodesAsync()); // directive 12 does not exist
    }

    /// <summary>
    /// spec: replace-acct-plan-m.txt, "Error Codes": the request is checked against the demo billing system's account 42,
    /// its instances and catalog (appsettings.json, AriaHost:DemoReplacePlan) — what it names resolved, every violation coded.
    /// </summary>
    [Fact]
    public async Task ReplaceValidation_AgainstTheDemoBillingSystem()
    {
        var ops = _host.Ops();

        var byClientIds = await ops.PostJsonAsync("/plans/replace/validate?today=2025-04-27", new
        {
            client_acct_id = "ACME-42", client_plan_instance_id = "mpi-7", new_client_plan_id = "gold", plan_units = "3", coupon_codes = new[] { "WELCOME" },
            custom_rates = new[] { new { service_no = "100", seq_no = "1", from_unit = "1", to_unit = (string?)"100", rate_per_unit = "0.08" }, new { service_no = "100", seq_no = "2", from_unit = "101", to_unit = (string?)null, rate_per_unit = "0.04" } },
        });
        Assert.Equal(HttpStatusCode.OK, byClientIds.StatusCode);
        var resolved = await byClientIds.JsonAsync();
        Assert.Equal((42L, 7L, "master", 9L, "USD"), (resolved.GetProperty("acct_no").GetInt64(), resolved.GetProperty("plan_instance_no").GetInt64(),
            resolved.GetProperty("plan_kind").GetString(), resolved.GetProperty("new_plan_no").GetInt64(), resolved.GetProperty("currency").GetString()));

        var toEuro = await (await ops.PostJsonAsync("/plans/replace/validate?today=2025-04-27", new { acct_no = "42", plan_instance_no = "7", new_plan_no = "5", force_currency_change = "true" })).JsonAsync();
        Assert.Equal(("EUR", true), (toEuro.GetProperty("currency").GetString(), toEuro.GetProperty("changes_currency").GetBoolean()));

        var cases = new (object Body, string[] Codes)[]
        {
            (new { acct_no = "43", plan_instance_no = "7", new_plan_no = "9" }, ["1009"]),
            (new { acct_no = "42", plan_instance_no = "70", new_plan_no = "999" }, ["14046", "14004"]),
            (new { acct_no = "42", plan_instance_no = "7", new_plan_no = "5" }, ["14013"]),
            (new { acct_no = "42", plan_instance_no = "7", new_plan_no = "9", bill_lag_days = "-40", coupon_codes = new[] { "OLD" }, comments = "<script>" }, ["25020", "14310", "15002"]),
            (new { acct_no = "42", plan_instance_no = "11", new_plan_no = "9" }, ["14075"]),
            (new { acct_no = "42", plan_instance_no = "7", new_plan_no = "9", plan_instance_fields = new[] { new { directive = "1", name = "color", value = "purple" } } }, ["5059"]),
        };
        var assign = await ops.PostJsonAsync("/plans/changes", new
        {
            account_no = 42, plan_instance_no = 80, parent_plan_instance_no = 7, plan_kind = "supplemental", kind = "assign", new_plan_no = 21, effective_date = "2030-01-10",
        });
        Assert.Equal(HttpStatusCode.Created, assign.StatusCode);
        cases = [.. cases, (new { acct_no = "42", plan_instance_no = "80", new_plan_no = "22" }, ["14112"])]; // the queue's pending assignment
        foreach (var (body, codes) in cases)
        {
            var response = await ops.PostJsonAsync("/plans/replace/validate?today=2025-04-27", body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(codes, await response.CodesAsync());
        }
    }

    [Fact]
    public async Task Queue_List_ChangeDate_Execute_Delete_WithHistory()
    {
        var ops = _host.Ops();
        var account = Random.Shared.NextInt64(100_000, 900_000);
        var master = await ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = account, kind = "units", units = 3, effective_date = "2030-01-10" });
        var second = await ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = account + 1, kind = "units", units = 5, effective_date = "2030-02-10" });
        Assert.Equal(HttpStatusCode.Created, master.StatusCode);
        var masterId = (await master.JsonAsync()).GetProperty("change").GetProperty("id").GetString();
        var secondId = (await second.JsonAsync()).GetProperty("change").GetProperty("id").GetString();

        var queued = await (await ops.GetAsync($"/plans/accounts/{account}/changes")).JsonAsync();
        Assert.Equal(2, queued.GetArrayLength());

        var moved = await ops.PutJsonAsync($"/plans/changes/{masterId}/effective-date", new { effective_date = "2030-01-12" });
        Assert.Equal("2030-01-12", (await moved.JsonAsync()).GetProperty("effective_date").GetString());
        var executed = await ops.PostAsync($"/plans/changes/{masterId}/execute", null);
        Assert.Equal("executed", (await executed.JsonAsync()).GetProperty("state").GetString());
        var deleted = await ops.DeleteAsync($"/plans/changes/{secondId}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Empty((await (await ops.GetAsync($"/plans/accounts/{account}/changes")).JsonAsync()).EnumerateArray());
        var history = await (await ops.GetAsync($"/plans/accounts/{account}/changes?history=true")).JsonAsync();
        Assert.Equal(["executed:ops", "deleted:ops"], history.EnumerateArray().Select(c => $"{c.GetProperty("state").GetString()}:{c.GetProperty("closed_by").GetString()}"));
    }

    [Fact]
    public async Task BadInput_Is400WithCodes_AndQueuesNothing_AndClientsAreIsolated()
    {
        var ops = _host.Ops();
        var account = Random.Shared.NextInt64(100_000, 900_000);
        var cases = new (Func<Task<HttpResponseMessage>> Send, string Code)[]
        {
            (() => ops.PostJsonAsync("/plans/changes", new { plan_instance_no = 1, kind = "units" }), "1010"),
            (() => ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = 1, kind = "teleport" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = 1, kind = "units", effective_date = "2030-02-30" }), "1024"),
            (() => ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = -1, kind = "units" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/plans/proration/preview", new { bill_day = 40, old_rate = "1", new_rate = "2", effective_date = "2025-04-27" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/plans/proration/preview", new { bill_day = 15, old_rate = "abc", new_rate = "2", effective_date = "2025-04-27" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/plans/proration/preview", new { bill_day = 15, currency = "XXXX", old_rate = "1", new_rate = "2", effective_date = "2025-04-27" }), "INVALID_VALUE"),
            (() => ops.PostJsonAsync("/plans/invoice-plan/preview", new { bill_day = 15, as_of = "2025-04-20" }), "1010"),
            (() => ops.PostJsonAsync("/plans/replace/validate?today=yesterday", new { acct_no = "1" }), "1024"),
            (() => ops.PutJsonAsync($"/plans/changes/{Guid.NewGuid()}/effective-date", new { effective_date = "soon" }), "1024"),
        };
        foreach (var (send, code) in cases)
        {
            var response = await send();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(code, await response.CodesAsync());
        }

        Assert.Empty((await (await ops.GetAsync($"/plans/accounts/{account}/changes?history=true")).JsonAsync()).EnumerateArray());
        Assert.Equal(["QUEUED_CHANGE_NOT_FOUND"], await (await ops.PostAsync($"/plans/changes/{Guid.NewGuid()}/execute", null)).CodesAsync());
        Assert.Equal(["QUEUED_CHANGE_NOT_FOUND"], await (await ops.DeleteAsync($"/plans/changes/{Guid.NewGuid()}")).CodesAsync());

        var queued = await (await ops.PostJsonAsync("/plans/changes", new { account_no = account, plan_instance_no = account, kind = "units", units = 1, effective_date = "2030-01-10" })).JsonAsync();
        var id = queued.GetProperty("change").GetProperty("id").GetString();
        var other = _host.As(2000, "other-key");
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/plans/changes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/plans/changes/{id}/execute", null)).StatusCode);
        Assert.Empty((await (await other.GetAsync($"/plans/accounts/{account}/changes?history=true")).JsonAsync()).EnumerateArray());
        Assert.Equal("queued", (await (await ops.GetAsync($"/plans/accounts/{account}/changes")).JsonAsync())[0].GetProperty("state").GetString());
    }
}
