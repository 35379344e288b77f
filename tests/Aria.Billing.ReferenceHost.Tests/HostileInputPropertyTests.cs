using System.Net;
using System.Text;
using System.Text.Json;

namespace Aria.Billing.ReferenceHost.Tests;

// Issue #15 item 3: an FsCheck property sends generated hostile bodies, path values and query strings to every operation of
// the OpenAPI document, as the all-rights key: no answer is a 5xx, and every refusal is coded problem details.
public sealed class HostileInputPropertyTests : IClassFixture<HostFactory>
{
    private static readonly string[] Texts =
    [
        "", " ", "0", "-1", "1", "01000", "9999999999999999999999", "79228162514264337593543950335", "1e28", "-9998-01-01", "9999-12-31",
        "0000-01-01", "2025-02-30", "null", "true", "\u0000", "a\u0000b", "<script>", "%", "..%2F", "\ud800", new string('x', 5000), "NaN", "∞",
    ];

    private static readonly Gen<string> Text = Gen.Elements(Texts);

    private static Gen<string> Json(int depth) => depth <= 0
        ? Gen.OneOf(
            Text.Select(t => JsonSerializer.Serialize(t)),
            Gen.Elements("0", "-1", "1e308", "-1e308", "79228162514264337593543950335", "1.0000000000000000000000000001", "true", "false", "null"))
        : Gen.OneOf(
            Json(0),
            Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Json(depth - 1), n)).Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(
                from key in Gen.Elements("level", "expected_count", "invoice_no", "lines", "line_items", "line_no", "amount", "rate", "units", "run_date",
                    "effective_date", "bill_day", "interval_months", "frequency", "time", "jobs", "event_id", "account_no", "currency", "reason_code",
                    "comments", "custom_rates", "exception_windows", "as_of", "first_uninvoiced_period_start", "old_units", "plan_instance_no", "kind")
                from value in Json(depth - 1)
                select JsonSerializer.Serialize(key) + ":" + value, n)).Select(pairs => "{" + string.Join(",", pairs) + "}"));

    private readonly HostFactory _host;

    public HostileInputPropertyTests(HostFactory host) => _host = host;

    [Fact]
    public async Task EveryOperation_HostileInput_NeverA5xx_AndRefusalsAreCoded()
    {
        var ops = _host.Ops();
        var document = await (await ops.GetAsync("/openapi/v1.json")).JsonAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (Path: p.Name, Method: new HttpMethod(m.Name.ToUpperInvariant()))))
            .Where(o => !o.Path.StartsWith("/openapi", StringComparison.Ordinal))
            .ToArray();
        Assert.True(operations.Length > 30, $"only {operations.Length} operations in the document");

        var cases = from operation in Gen.Elements(operations)
                    from pathValue in Text.Where(t => !t.Contains('\0', StringComparison.Ordinal)) // the test server refuses a NUL in a path itself
                    from query in Text
                    from body in Json(3)
                    select (operation, pathValue, query, body);
        var failures = new List<string>();
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (operation, pathValue, query, body) = c;
            var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "\\{[^}]+\\}", Uri.EscapeDataString(pathValue));
            var uri = path + "?count=" + Uri.EscapeDataString(query) + "&rb_option=" + Uri.EscapeDataString(query) + "&from=" + Uri.EscapeDataString(query)
                + "&to=" + Uri.EscapeDataString(query) + "&page_size=" + Uri.EscapeDataString(query) + "&after=" + Uri.EscapeDataString(query);
            using var request = new HttpRequestMessage(operation.Method, uri);
            if (operation.Method != HttpMethod.Get)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = ops.SendAsync(request).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                lock (failures)
                {
                    failures.Add($"{operation.Method} {uri} {body.Length} bytes → {status}: {Clip(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())}");
                }

                return false;
            }

            if (status >= 400 && status != 429 && !(response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false))
            {
                lock (failures)
                {
                    failures.Add($"{operation.Method} {uri} → {status} without a coded body");
                }

                return false;
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400).WithQuietOnSuccess(true));

        Assert.Empty(failures);
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300];
}
