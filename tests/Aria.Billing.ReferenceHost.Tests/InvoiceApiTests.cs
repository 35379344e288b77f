using System.Net;
using System.Text;
using System.Text.Json;

namespace Aria.Billing.ReferenceHost.Tests;

// spec: release-6.50.txt, Credit Memo/Rebills (DEV-6906) and Credit Memo/Rebills - API (create_cm_m, void_credit_memo_m,
// get_cm_details_m, get_invoice_cm_details_m, gen_rb_m, get_invoice_history_m with rb_option, void_invoice_m); New Design
// with Precise Access Control for Creating a Role (DEV-7862). The host's demo billing system (appsettings.json) has reason
// codes CM-ERR (Credit Memo) and RB-RATE (Rebill), master plan instance 7 in billing group BG-1, and contacts for account 42
// whose statement contact has no e-mail, so notices go to the billing contact.
public sealed class InvoiceApiTests : IClassFixture<HostFactory>
{
    private static long s_block = 700_000;
    private readonly HostFactory _host;

    public InvoiceApiTests(HostFactory host) => _host = host;

    /// <summary>
    /// Ten invoice numbers above every number used so far: the tests of a class run one after another, so a rebill, which
    /// takes the number above the client's highest, stays inside its own test's block.
    /// </summary>
    private static long Block() => Interlocked.Add(ref s_block, 10) - 10;

    /// <summary>A posted March 2025 invoice: a 120.00 recurring line taxed at 10 % with 20.00 paid, a 30.00 usage line, and its tax.</summary>
    private static object Disputed(long account, decimal disputed = 50m) => new
    {
        account_no = account, currency = "USD", bill_date = "2025-03-01", due_date = "2025-03-31", period_start = "2025-03-01", period_end = "2025-04-01",
        billing_group = "BG-1", master_plan_instances = new[] { 7 }, state = "posted", disputed_amount = disputed, payment_method = "card-1",
        lines = new object[]
        {
            new { line_no = 1, kind = "charge", charge_type = "recurring", service_no = 101, service_name = "Gold plan", plan_instance_no = 7, units = 1, rate = 120.00m, amount = 120.00m, tax_rate = 0.1m, payments_applied = 20.00m },
            new { line_no = 2, charge_type = "usage", service_no = 102, service_name = "Storage GB", plan_instance_no = 7, units = 300, rate = 0.10m, amount = 30.00m },
            new { line_no = 3, kind = "tax", service_name = "Tax", amount = 12.00m, taxed_line_no = 1 },
        },
    };

    /// <summary>A posted March 2025 invoice of one 100.00 recurring line taxed at 10 %, and its tax.</summary>
    private static object Simple(long account) => new
    {
        account_no = account, currency = "USD", bill_date = "2025-03-01", period_start = "2025-03-01", period_end = "2025-04-01",
        billing_group = "BG-1", master_plan_instances = new[] { 7 },
        lines = new object[]
        {
            new { line_no = 1, service_no = 101, service_name = "Gold plan", plan_instance_no = 7, amount = 100.00m, tax_rate = 0.1m },
            new { line_no = 2, kind = "tax", amount = 10.00m, taxed_line_no = 1 },
        },
    };

    [Fact]
    public async Task TheWholeFlow_Import_Credit_Void_Rebill_History()
    {
        var ops = _host.Ops();
        var a = Block();
        var b = a + 1;

        // Import a disputed invoice whose dispute does not cover its balance: open, so it takes a credit memo.
        var imported = await ops.PutJsonAsync($"/invoicing/invoices/{a}", Disputed(42));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal($"/invoicing/invoices/{a}", imported.Headers.Location?.ToString());
        var invoice = await imported.JsonAsync();
        Assert.Equal((0, 0, 142.00m, 1L), (invoice.GetProperty("rb_flag").GetInt32(), invoice.GetProperty("rb_status").GetInt32(), invoice.GetProperty("balance").GetDecimal(), invoice.GetProperty("version").GetInt64()));
        var again = await ops.PutJsonAsync($"/invoicing/invoices/{a}", Disputed(42));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // idempotent: a refresh of the facts the billing system owns
        Assert.Equal(2L, (await again.JsonAsync()).GetProperty("version").GetInt64());

        // get_invoice_cm_details_m: the non-tax charge lines and the most each may take.
        var creditable = await (await ops.GetAsync($"/invoicing/invoices/{a}/creditable-lines")).JsonAsync();
        Assert.Equal("USD", creditable.GetProperty("currency").GetString());
        Assert.Equal([(1, 120.00m), (2, 30.00m)], creditable.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("line").GetProperty("line_no").GetInt32(), l.GetProperty("max_amount").GetDecimal())));

        // create_cm_m: 50.00 on line 1 with its 10 % tax; the memo displaces the 20.00 paid there; event 948 goes to the
        // billing contact (the statement contact has no e-mail), with the account's cc and bcc.
        var memoRequest = new { reason_code = "CM-ERR", comments = "billed twice", idempotency_key = $"flow-{a}", line_items = new[] { new { line_no = 1, line_amount = 50.00m, comments = "duplicate" } } };
        var created = await ops.PostJsonAsync($"/invoicing/invoices/{a}/credit-memos", memoRequest);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await created.JsonAsync();
        var memo = receipt.GetProperty("credit_memo");
        var number = memo.GetProperty("credit_memo_no").GetString()!;
        Assert.StartsWith("CM-", number, StringComparison.Ordinal);
        Assert.Equal($"/invoicing/credit-memos/{number}", created.Headers.Location?.ToString());
        Assert.Equal((50.00m, 5.00m, 55.00m, "active"), (memo.GetProperty("amount").GetDecimal(), memo.GetProperty("tax").GetDecimal(), memo.GetProperty("total").GetDecimal(), memo.GetProperty("state").GetString()));
        Assert.Equal(("duplicate", 20.00m), (memo.GetProperty("lines")[0].GetProperty("comments").GetString(), memo.GetProperty("removed")[0].GetProperty("payments").GetDecimal()));
        var notice = receipt.GetProperty("notice");
        Assert.Equal((948, "credit_memo", "billing", "billing@example.com", number), (notice.GetProperty("event_no").GetInt32(), notice.GetProperty("kind").GetString(),
            notice.GetProperty("recipient_role").GetString(), notice.GetProperty("to").GetString(), notice.GetProperty("document_no").GetString()));
        Assert.Equal(["finance@example.com"], notice.GetProperty("cc").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(50.00m, receipt.GetProperty("invoice").GetProperty("lines")[0].GetProperty("credit_memos_applied").GetDecimal());

        // The same idempotency key (here in the header) returns the memo made the first time; nothing is credited twice.
        var repeat = new HttpRequestMessage(HttpMethod.Post, $"/invoicing/invoices/{a}/credit-memos")
        {
            Content = System.Net.Http.Json.JsonContent.Create(memoRequest with { idempotency_key = (string)null! }, options: HostFactory.Json),
        };
        repeat.Headers.Add("Idempotency-Key", $"flow-{a}");
        var repeated = await ops.SendAsync(repeat);
        Assert.Equal(number, (await repeated.JsonAsync()).GetProperty("credit_memo").GetProperty("credit_memo_no").GetString());
        var memos = await (await ops.GetAsync($"/invoicing/invoices/{a}/credit-memos")).JsonAsync();
        Assert.Equal([number], memos.EnumerateArray().Select(m => m.GetProperty("credit_memo_no").GetString()));
        Assert.Equal("billed twice", (await (await ops.GetAsync($"/invoicing/credit-memos/{number}")).JsonAsync()).GetProperty("comments").GetString());

        // void_invoice_m refuses while the memo is active; void_credit_memo_m (event 949) gives the invoice its amount back.
        await RefusedAsync(await ops.PostAsync($"/invoicing/invoices/{a}/void", null), HttpStatusCode.Conflict, "INVOICE_HAS_CREDIT_MEMO");
        var voided = await (await ops.PostAsync($"/invoicing/credit-memos/{number}/void", null)).JsonAsync();
        Assert.Equal(("voided", "ops", 949), (voided.GetProperty("credit_memo").GetProperty("state").GetString(), voided.GetProperty("credit_memo").GetProperty("voided_by").GetString(),
            voided.GetProperty("notice").GetProperty("event_no").GetInt32()));
        Assert.Equal(0m, voided.GetProperty("invoice").GetProperty("lines")[0].GetProperty("credit_memos_applied").GetDecimal());
        var twice = await ops.PostAsync($"/invoicing/credit-memos/{number}/void", null);
        await RefusedAsync(twice, HttpStatusCode.Conflict, "CREDIT_MEMO_ALREADY_VOIDED");

        // gen_rb_m: line 1 rebilled at 80.00 instead of 100.00 → the credit memo for the difference (20.00 and its 2.00 tax).
        Assert.Equal(HttpStatusCode.Created, (await ops.PutJsonAsync($"/invoicing/invoices/{b}", Simple(42))).StatusCode);
        var reused = await ops.PostJsonAsync($"/invoicing/invoices/{b}/credit-memos", memoRequest);
        await RefusedAsync(reused, HttpStatusCode.Conflict, "IDEMPOTENCY_KEY_REUSED");
        var rebilled = await ops.PostJsonAsync($"/invoicing/invoices/{b}/rebills", new
        {
            reason_code = "RB-RATE", comments = "contract rate", line_items = new[] { new { line_no = 1, rate = 80.00m, comments = "rate per contract" } },
        });
        Assert.Equal(HttpStatusCode.Created, rebilled.StatusCode);
        var rebill = await rebilled.JsonAsync();
        var copy = rebill.GetProperty("rebill");
        var rebillNo = copy.GetProperty("invoice_no").GetInt64();
        Assert.Equal(b + 1, rebillNo); // the next number above the client's highest
        Assert.Equal($"/invoicing/invoices/{rebillNo}", rebilled.Headers.Location?.ToString());
        Assert.Equal((1, b, "RB-RATE"), (copy.GetProperty("rb_flag").GetInt32(), copy.GetProperty("orig_invoice_no").GetInt64(), copy.GetProperty("rb_reason_cd").GetString()));
        Assert.StartsWith("RB-", copy.GetProperty("rb_no").GetString(), StringComparison.Ordinal);
        Assert.Equal((80.00m, "rate per contract", 1), (copy.GetProperty("lines")[0].GetProperty("amount").GetDecimal(), copy.GetProperty("lines")[0].GetProperty("rb_line_comments").GetString(),
            copy.GetProperty("lines")[0].GetProperty("orig_line_no").GetInt32()));
        var difference = rebill.GetProperty("credit_memo");
        Assert.Equal((20.00m, 2.00m, rebillNo, "RB-RATE"), (difference.GetProperty("amount").GetDecimal(), difference.GetProperty("tax").GetDecimal(),
            difference.GetProperty("rebill_invoice_no").GetInt64(), difference.GetProperty("reason_code").GetString()));
        var original = rebill.GetProperty("original");
        Assert.Equal((1, rebillNo, 0, 1), (original.GetProperty("rb_status").GetInt32(), original.GetProperty("rebilled_by").GetInt64(),
            original.GetProperty("lines")[0].GetProperty("rb_excluded").GetInt32(), original.GetProperty("lines")[1].GetProperty("rb_excluded").GetInt32()));
        Assert.Equal([("rebill", (int?)null), ("credit_memo", 948)], rebill.GetProperty("notices").EnumerateArray()
            .Select(n => (n.GetProperty("kind").GetString(), n.GetProperty("event_no").ValueKind == JsonValueKind.Null ? (int?)null : n.GetProperty("event_no").GetInt32())));
        var second = await ops.PostJsonAsync($"/invoicing/invoices/{b}/rebills", new { reason_code = "RB-RATE", comments = "again" });
        await RefusedAsync(second, HttpStatusCode.Conflict, "INVOICE_ALREADY_REBILLED");
        Assert.Equal(1, (await (await ops.GetAsync($"/invoicing/invoices/{rebillNo}")).JsonAsync()).GetProperty("rb_flag").GetInt32());

        // get_invoice_history_m: rb_option 0 (or none) every invoice, 1 originals only, 2 rebills only.
        async Task<long[]> History(string query) =>
            [.. (await (await ops.GetAsync($"/invoicing/accounts/42/invoices{query}")).JsonAsync()).EnumerateArray().Select(i => i.GetProperty("invoice_no").GetInt64())];
        Assert.Equal([a, b, rebillNo], await History("?rb_option=0"));
        Assert.Equal([a, b, rebillNo], await History(""));
        Assert.Equal([a, b], await History("?rb_option=1"));
        Assert.Equal([rebillNo], await History("?rb_option=2"));

        // With its memo voided, the first invoice can be voided.
        var voidedInvoice = await ops.PostAsync($"/invoicing/invoices/{a}/void", null);
        Assert.Equal(HttpStatusCode.OK, voidedInvoice.StatusCode);
        Assert.Equal("voided", (await voidedInvoice.JsonAsync()).GetProperty("invoice").GetProperty("state").GetString());
    }

    private static async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([code], await response.CodesAsync());
    }

    [Fact]
    public async Task Roles_ReadCreateAndDeleteOnInvoicing_AreEachRequired()
    {
        var no = Block();
        var clerk = _host.As(1000, "clerk-key"); // Create on Invoicing only (Create implies Read)
        var viewer = _host.As(1000, "viewer-key"); // Read everywhere
        var syncEditor = _host.As(1000, "sync-editor-key"); // nothing on Invoicing

        Assert.Equal(HttpStatusCode.Created, (await clerk.PutJsonAsync($"/invoicing/invoices/{no}", Simple(43))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/invoicing/invoices/{no}")).StatusCode);
        var memo = await clerk.PostJsonAsync($"/invoicing/invoices/{no}/credit-memos", new { reason_code = "CM-ERR", comments = "c", line_items = new[] { new { line_no = 1, line_amount = 10m } } });
        Assert.Equal(HttpStatusCode.Created, memo.StatusCode);
        var number = (await memo.JsonAsync()).GetProperty("credit_memo").GetProperty("credit_memo_no").GetString();

        var refusals = new (HttpClient Caller, Func<HttpClient, Task<HttpResponseMessage>> Send)[]
        {
            (clerk, c => c.PostAsync($"/invoicing/credit-memos/{number}/void", null)),
            (clerk, c => c.PostAsync($"/invoicing/invoices/{no}/void", null)),
            (viewer, c => c.PutJsonAsync($"/invoicing/invoices/{no}", Simple(43))),
            (viewer, c => c.PostJsonAsync($"/invoicing/invoices/{no}/credit-memos", new { reason_code = "CM-ERR", comments = "c", line_items = new[] { new { line_no = 1, line_amount = 1m } } })),
            (viewer, c => c.PostJsonAsync($"/invoicing/invoices/{no}/rebills", new { reason_code = "RB-RATE", comments = "c" })),
            (viewer, c => c.PostAsync($"/invoicing/credit-memos/{number}/void", null)),
            (syncEditor, c => c.GetAsync($"/invoicing/invoices/{no}")),
            (syncEditor, c => c.GetAsync("/invoicing/accounts/43/invoices")),
        };
        foreach (var (caller, send) in refusals)
        {
            await RefusedAsync(await send(caller), HttpStatusCode.Forbidden, "ACCESS_DENIED");
        }

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/invoicing/credit-memos/{number}")).StatusCode);
        Assert.Equal("active", (await (await _host.Ops().GetAsync($"/invoicing/credit-memos/{number}")).JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.As(2000, "other-key").GetAsync($"/invoicing/invoices/{no}")).StatusCode); // another client's ledger
    }

    [Fact]
    public async Task HostileInput_OnEveryEndpoint_IsACoded4xx_NeverA500()
    {
        var ops = _host.Ops();
        var no = Block();
        var current = no + 1;
        Assert.Equal(HttpStatusCode.Created, (await ops.PutJsonAsync($"/invoicing/invoices/{no}", Simple(44))).StatusCode);
        var thisMonth = DateTime.UtcNow; // an invoice of the current billing cycle (for the rebill refusal)
        Assert.Equal(HttpStatusCode.Created, (await ops.PutJsonAsync($"/invoicing/invoices/{current}", new
        {
            account_no = 44, currency = "USD", bill_date = $"{thisMonth:yyyy-MM}-01", period_start = $"{thisMonth:yyyy-MM}-01", period_end = $"{thisMonth.AddMonths(1):yyyy-MM}-01",
            lines = new[] { new { line_no = 1, amount = 10m } },
        })).StatusCode);
        var unknown = 987_654_321_012L;
        HttpContent Raw(string json) => new StringContent(json, Encoding.UTF8, "application/json");
        object Memo(object line) => new { reason_code = "CM-ERR", comments = "c", line_items = new[] { line } };
        object Rebill(object line) => new { reason_code = "RB-RATE", comments = "c", line_items = new[] { line } };
        var invoice = $"/invoicing/invoices/{no}";

        var cases = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Code)[]
        {
            // import
            ("import: malformed JSON", () => ops.PutAsync(invoice, Raw("{\"account_no\": ")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("import: no body", () => ops.PutAsync(invoice, Raw("")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("import: not JSON", () => ops.PutAsync(invoice, new StringContent("account_no=1", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "INVALID_REQUEST"),
            ("import: a method the route does not take", () => ops.DeleteAsync(invoice), HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED"),
            ("import: no such route", () => ops.GetAsync("/invoicing/nothing-here"), HttpStatusCode.NotFound, "ROUTE_NOT_FOUND"),
            ("import: wrong type", () => ops.PutAsync(invoice, Raw("{\"account_no\": \"forty-two\"}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("import: lines not a list", () => ops.PutAsync(invoice, Raw("{\"account_no\": 1, \"lines\": 5}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("import: huge account_no", () => ops.PutAsync(invoice, Raw("{\"account_no\": 1e30}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("import: huge amount", () => ops.PutAsync(invoice, Raw("{\"account_no\": 1, \"currency\": \"USD\", \"bill_date\": \"2025-03-01\", \"period_start\": \"2025-03-01\", \"period_end\": \"2025-04-01\", \"lines\": [{\"line_no\": 1, \"amount\": 1e40}]}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("import: amount out of range", () => ops.PutJsonAsync(invoice, new { account_no = 1, currency = "USD", bill_date = "2025-03-01", period_start = "2025-03-01", period_end = "2025-04-01", lines = new[] { new { line_no = 1, amount = 1e20m } } }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: line_no beyond int", () => ops.PutAsync(invoice, Raw("{\"lines\": [{\"line_no\": 99999999999}]}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("import: negative account", () => ops.PutJsonAsync(invoice, new { account_no = -1 }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: missing fields", () => ops.PutJsonAsync(invoice, new { account_no = 1 }), HttpStatusCode.BadRequest, "1010"),
            ("import: no lines", () => ops.PutJsonAsync(invoice, new { account_no = 1, currency = "USD", bill_date = "2025-03-01", period_start = "2025-03-01", period_end = "2025-04-01", lines = Array.Empty<object>() }), HttpStatusCode.BadRequest, "1010"),
            ("import: null line", () => ops.PutAsync(invoice, Raw("{\"account_no\": 1, \"currency\": \"USD\", \"bill_date\": \"2025-03-01\", \"period_start\": \"2025-03-01\", \"period_end\": \"2025-04-01\", \"lines\": [null]}")), HttpStatusCode.BadRequest, "1010"),
            ("import: bad date", () => ops.PutJsonAsync(invoice, new { account_no = 1, currency = "USD", bill_date = "2025-02-30", period_start = "2025-03-01", period_end = "2025-04-01", lines = new[] { new { line_no = 1, amount = 1m } } }), HttpStatusCode.BadRequest, "1024"),
            ("import: date out of range", () => ops.PutJsonAsync(invoice, new { account_no = 1, currency = "USD", bill_date = "0001-01-01", period_start = "2025-03-01", period_end = "9999-12-31", lines = new[] { new { line_no = 1, amount = 1m } } }), HttpStatusCode.BadRequest, "1024"),
            ("import: bad currency", () => ops.PutJsonAsync(invoice, new { account_no = 1, currency = "XXXX" }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: bad state", () => ops.PutJsonAsync(invoice, new { account_no = 1, state = "teleported" }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: tax rate 500 %", () => ops.PutJsonAsync(invoice, new { account_no = 1, currency = "USD", bill_date = "2025-03-01", period_start = "2025-03-01", period_end = "2025-04-01", lines = new[] { new { line_no = 1, amount = 1m, tax_rate = 5m } } }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: negative amount", () => ops.PutJsonAsync($"/invoicing/invoices/{no + 5}", new { account_no = 1, currency = "USD", bill_date = "2025-03-01", period_start = "2025-03-01", period_end = "2025-04-01", lines = new[] { new { line_no = 1, amount = -5m } } }), HttpStatusCode.BadRequest, "INVOICE_NOT_VALID"),
            ("import: other lines for a known number", () => ops.PutJsonAsync(invoice, Disputed(44)), HttpStatusCode.Conflict, "INVOICE_ALREADY_EXISTS"),
            ("import: invoice_no not a number", () => ops.PutJsonAsync("/invoicing/invoices/abc", Simple(44)), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: invoice_no zero", () => ops.PutJsonAsync("/invoicing/invoices/0", Simple(44)), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: invoice_no negative", () => ops.PutJsonAsync("/invoicing/invoices/-5", Simple(44)), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("import: invoice_no beyond long", () => ops.PutJsonAsync("/invoicing/invoices/99999999999999999999", Simple(44)), HttpStatusCode.BadRequest, "INVALID_VALUE"),

            // read, history, creditable lines, memos
            ("get: unknown", () => ops.GetAsync($"/invoicing/invoices/{unknown}"), HttpStatusCode.NotFound, "INVOICE_NOT_FOUND"),
            ("get: not a number", () => ops.GetAsync("/invoicing/invoices/12x"), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("history: rb_option 7", () => ops.GetAsync("/invoicing/accounts/44/invoices?rb_option=7"), HttpStatusCode.BadRequest, "INVALID_RB_OPTION"),
            ("history: rb_option -1", () => ops.GetAsync("/invoicing/accounts/44/invoices?rb_option=-1"), HttpStatusCode.BadRequest, "INVALID_RB_OPTION"),
            ("history: rb_option text", () => ops.GetAsync("/invoicing/accounts/44/invoices?rb_option=rebills"), HttpStatusCode.BadRequest, "INVALID_RB_OPTION"),
            ("history: rb_option huge", () => ops.GetAsync("/invoicing/accounts/44/invoices?rb_option=99999999999"), HttpStatusCode.BadRequest, "INVALID_RB_OPTION"),
            ("history: account zero", () => ops.GetAsync("/invoicing/accounts/0/invoices"), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("creditable: unknown", () => ops.GetAsync($"/invoicing/invoices/{unknown}/creditable-lines"), HttpStatusCode.NotFound, "INVOICE_NOT_FOUND"),
            ("creditable: negative", () => ops.GetAsync("/invoicing/invoices/-1/creditable-lines"), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("memos: unknown invoice", () => ops.GetAsync($"/invoicing/invoices/{unknown}/credit-memos"), HttpStatusCode.NotFound, "INVOICE_NOT_FOUND"),
            ("memo: unknown", () => ops.GetAsync("/invoicing/credit-memos/CM-NOPE"), HttpStatusCode.NotFound, "CREDIT_MEMO_NOT_FOUND"),
            ("memo: number too long", () => ops.GetAsync($"/invoicing/credit-memos/{new string('9', 300)}"), HttpStatusCode.BadRequest, "INVALID_VALUE"),

            // create a credit memo
            ("memo: unknown invoice", () => ops.PostJsonAsync($"/invoicing/invoices/{unknown}/credit-memos", Memo(new { line_no = 1, line_amount = 1m })), HttpStatusCode.NotFound, "INVOICE_NOT_FOUND"),
            ("memo: malformed", () => ops.PostAsync($"{invoice}/credit-memos", Raw("{\"line_items\": [")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("memo: no body", () => ops.PostAsync($"{invoice}/credit-memos", null), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("memo: amount of the wrong type", () => ops.PostAsync($"{invoice}/credit-memos", Raw("{\"reason_code\": \"CM-ERR\", \"comments\": \"c\", \"line_items\": [{\"line_no\": 1, \"line_amount\": \"lots\"}]}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("memo: amount out of range", () => ops.PostJsonAsync($"{invoice}/credit-memos", Memo(new { line_no = 1, line_amount = 1e15m })), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("memo: amount negative", () => ops.PostJsonAsync($"{invoice}/credit-memos", Memo(new { line_no = 1, line_amount = -5m })), HttpStatusCode.BadRequest, "CREDIT_AMOUNT_NOT_POSITIVE"),
            ("memo: amount beyond the line", () => ops.PostJsonAsync($"{invoice}/credit-memos", Memo(new { line_no = 1, line_amount = 100.01m })), HttpStatusCode.BadRequest, "CREDIT_AMOUNT_EXCEEDS_LINE"),
            ("memo: amount finer than cents", () => ops.PostJsonAsync($"{invoice}/credit-memos", Memo(new { line_no = 1, line_amount = 1.001m })), HttpStatusCode.BadRequest, "AMOUNT_NOT_IN_MINOR_UNITS"),
            ("memo: unknown line", () => ops.PostJsonAsync($"{invoice}/credit-memos", Memo(new { line_no = 99, line_amount = 1m })), HttpStatusCode.BadRequest, "INVOICE_LINE_NOT_FOUND"),
            ("memo: missing amount", () => ops.PostJsonAsync($"{invoice}/credit-memos", Memo(new { line_no = 1 })), HttpStatusCode.BadRequest, "1010"),
            ("memo: null line", () => ops.PostAsync($"{invoice}/credit-memos", Raw("{\"reason_code\": \"CM-ERR\", \"comments\": \"c\", \"line_items\": [null]}")), HttpStatusCode.BadRequest, "1010"),
            ("memo: no lines", () => ops.PostJsonAsync($"{invoice}/credit-memos", new { reason_code = "CM-ERR", comments = "c" }), HttpStatusCode.BadRequest, "1010"),
            ("memo: missing reason", () => ops.PostJsonAsync($"{invoice}/credit-memos", new { comments = "c", line_items = new[] { new { line_no = 1, line_amount = 1m } } }), HttpStatusCode.BadRequest, "1010"),
            ("memo: a rebill reason", () => ops.PostJsonAsync($"{invoice}/credit-memos", new { reason_code = "RB-RATE", comments = "c", line_items = new[] { new { line_no = 1, line_amount = 1m } } }), HttpStatusCode.BadRequest, "INVALID_REASON_CODE"),
            ("memo: overlong comment", () => ops.PostJsonAsync($"{invoice}/credit-memos", new { reason_code = "CM-ERR", comments = new string('c', 3000), line_items = new[] { new { line_no = 1, line_amount = 1m } } }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("memo: overlong idempotency key", () => ops.PostJsonAsync($"{invoice}/credit-memos", new { reason_code = "CM-ERR", comments = "c", idempotency_key = new string('k', 101), line_items = new[] { new { line_no = 1, line_amount = 1m } } }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("memo: line_no of the wrong type", () => ops.PostAsync($"{invoice}/credit-memos", Raw("{\"line_items\": [{\"line_no\": true}]}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),

            // void a memo, void an invoice
            ("void memo: unknown", () => ops.PostAsync("/invoicing/credit-memos/CM-NOPE/void", null), HttpStatusCode.NotFound, "CREDIT_MEMO_NOT_FOUND"),
            ("void invoice: unknown", () => ops.PostAsync($"/invoicing/invoices/{unknown}/void", null), HttpStatusCode.NotFound, "INVOICE_NOT_FOUND"),
            ("void invoice: not a number", () => ops.PostAsync("/invoicing/invoices/one/void", null), HttpStatusCode.BadRequest, "INVALID_VALUE"),

            // rebill
            ("rebill: unknown", () => ops.PostJsonAsync($"/invoicing/invoices/{unknown}/rebills", new { reason_code = "RB-RATE", comments = "c" }), HttpStatusCode.NotFound, "INVOICE_NOT_FOUND"),
            ("rebill: malformed", () => ops.PostAsync($"{invoice}/rebills", Raw("{,}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("rebill: rate of the wrong type", () => ops.PostAsync($"{invoice}/rebills", Raw("{\"line_items\": [{\"line_no\": 1, \"rate\": [1]}]}")), HttpStatusCode.BadRequest, "INVALID_REQUEST"),
            ("rebill: rate out of range", () => ops.PostJsonAsync($"{invoice}/rebills", Rebill(new { line_no = 1, rate = 1e13m })), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("rebill: rate above the line", () => ops.PostJsonAsync($"{invoice}/rebills", Rebill(new { line_no = 1, rate = 100.01m })), HttpStatusCode.BadRequest, "REBILL_RATE_NOT_VALID"),
            ("rebill: half a unit", () => ops.PostJsonAsync($"{invoice}/rebills", Rebill(new { line_no = 1, units = 0.5m, rate = 10m })), HttpStatusCode.BadRequest, "REBILL_UNITS_NOT_VALID"),
            ("rebill: a tax line", () => ops.PostJsonAsync($"{invoice}/rebills", Rebill(new { line_no = 2, rate = 1m })), HttpStatusCode.BadRequest, "INVOICE_LINE_NOT_FOUND"),
            ("rebill: service without its type", () => ops.PostJsonAsync($"{invoice}/rebills", Rebill(new { line_no = 1, service_no = 900 })), HttpStatusCode.BadRequest, "1010"),
            ("rebill: unknown service type", () => ops.PostJsonAsync($"{invoice}/rebills", Rebill(new { line_no = 1, service_no = 900, service_charge_type = "bogus" })), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("rebill: negative rebill number", () => ops.PostJsonAsync($"{invoice}/rebills", new { reason_code = "RB-RATE", comments = "c", rebill_invoice_no = -1 }), HttpStatusCode.BadRequest, "INVALID_VALUE"),
            ("rebill: a credit memo reason", () => ops.PostJsonAsync($"{invoice}/rebills", new { reason_code = "CM-ERR", comments = "c" }), HttpStatusCode.BadRequest, "INVALID_REASON_CODE"),
            ("rebill: no comment", () => ops.PostJsonAsync($"{invoice}/rebills", new { reason_code = "RB-RATE" }), HttpStatusCode.BadRequest, "1010"),
            ("rebill: the current billing cycle", () => ops.PostJsonAsync($"/invoicing/invoices/{current}/rebills", new { reason_code = "RB-RATE", comments = "c" }), HttpStatusCode.Conflict, "INVOICE_IN_CURRENT_BILLING_CYCLE"),
        };
        foreach (var (what, send, status, code) in cases)
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode} {body}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Content.Headers.ContentType}");
            var codes = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
            Assert.True(codes.Contains(code), $"{what}: {body}");
        }

        // Nothing of the refused requests reached the ledger.
        var kept = await (await ops.GetAsync(invoice)).JsonAsync();
        Assert.Equal((1L, 0), (kept.GetProperty("version").GetInt64(), kept.GetProperty("rb_status").GetInt32()));
        Assert.Empty((await (await ops.GetAsync($"{invoice}/credit-memos")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task OpenApi_DescribesTheInvoicingEndpoints_WithTheirRequestAndResponseTypes()
    {
        var document = await (await _host.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/invoicing/invoices/{invoice_no}", "put"), ("/invoicing/invoices/{invoice_no}", "get"), ("/invoicing/accounts/{account_no}/invoices", "get"),
            ("/invoicing/invoices/{invoice_no}/creditable-lines", "get"), ("/invoicing/invoices/{invoice_no}/credit-memos", "post"),
            ("/invoicing/invoices/{invoice_no}/credit-memos", "get"), ("/invoicing/credit-memos/{credit_memo_no}", "get"),
            ("/invoicing/credit-memos/{credit_memo_no}/void", "post"), ("/invoicing/invoices/{invoice_no}/void", "post"), ("/invoicing/invoices/{invoice_no}/rebills", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path}");
        }

        static string Schema(JsonElement content) => content.GetProperty("schema").TryGetProperty("$ref", out var reference) ? reference.GetString()! : content.GetProperty("schema").ToString();
        var import = paths.GetProperty("/invoicing/invoices/{invoice_no}").GetProperty("put");
        Assert.True(import.GetProperty("requestBody").GetProperty("required").GetBoolean());
        Assert.EndsWith("ImportInvoiceDto", Schema(import.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")), StringComparison.Ordinal);
        Assert.EndsWith("InvoiceDto", Schema(import.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json")), StringComparison.Ordinal);
        Assert.EndsWith("ErrorBody", Schema(import.GetProperty("responses").GetProperty("409").GetProperty("content").GetProperty("application/problem+json")), StringComparison.Ordinal);
        var rebill = paths.GetProperty("/invoicing/invoices/{invoice_no}/rebills").GetProperty("post");
        Assert.EndsWith("RebillDto", Schema(rebill.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")), StringComparison.Ordinal);
        Assert.EndsWith("RebillReceiptDto", Schema(rebill.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json")), StringComparison.Ordinal);
        var history = paths.GetProperty("/invoicing/accounts/{account_no}/invoices").GetProperty("get");
        Assert.Contains(history.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "rb_option");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "CreateCreditMemoDto", "CreditMemoReceiptDto", "CreditMemoDto", "CreditableLinesDto", "VoidedInvoiceDto", "NoticeDto" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), name);
        }
    }
}
