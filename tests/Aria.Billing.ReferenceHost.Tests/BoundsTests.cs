using System.Net;
using System.Text.Json;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>Issue #15 item 6: errors are bounded — a response lists a fixed number of errors, and request arrays have maximum lengths.</summary>
public sealed class BoundsTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public BoundsTests(HostFactory host) => _host = host;

    // Issue #15 item 6: 500 missing invoice lines are 500+ errors; the response lists 100 and counts the rest.
    [Fact]
    public async Task AResponse_ListsAtMostAHundredErrors_AndCountsTheRest()
    {
        var ops = _host.Ops();

        var response = await ops.PutJsonAsync("/invoicing/invoices/9001", new { lines = new object?[500] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(100, body.GetProperty("errors").GetArrayLength());
        Assert.True(body.GetProperty("more_errors").GetInt32() >= 400, body.ToString());
        Assert.Contains("more errors", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var few = await (await ops.GetAsync("/sync/account/records?status=nonsense")).JsonAsync();
        Assert.False(few.TryGetProperty("more_errors", out _)); // absent when every error is listed
    }

    // Issue #15 item 6: request arrays without a maximum length got one; a longer array is a coded 400 naming it.
    [Fact]
    public async Task RequestArrays_HaveMaximumLengths()
    {
        var ops = _host.Ops();
        var jobs = Enumerable.Range(0, 51).Select(i => new { name = $"Billing {i}", job_type = "billing" }).ToArray();
        var rates = Enumerable.Range(1, 1001).Select(i => new { service_no = "100", seq_no = i.ToString(System.Globalization.CultureInfo.InvariantCulture), from_unit = "1", rate_per_unit = "0.01" }).ToArray();
        var cases = new (Func<Task<HttpResponseMessage>> Send, string Input)[]
        {
            (() => ops.PutJsonAsync("/jobs/schedules/bounded", new { frequency = "daily", time = "02:00", jobs }), "jobs"),
            (() => ops.PostJsonAsync("/plans/replace/validate?today=2025-04-27", new { acct_no = "42", plan_instance_no = "7", new_plan_no = "9", custom_rates = rates }), "custom_rates"),
            (() => ops.PostJsonAsync("/plans/replace/validate?today=2025-04-27", new { acct_no = "42", plan_instance_no = "7", new_plan_no = "9", coupon_codes = Enumerable.Repeat("WELCOME", 1001) }), "coupon_codes"),
        };
        foreach (var (send, input) in cases)
        {
            var response = await send();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToArray();
            Assert.Contains(errors, e => e.GetProperty("code").GetString() == "INVALID_VALUE"
                && e.GetProperty("inputs").EnumerateArray().Any(i => i.GetString() == input)
                && e.GetProperty("message").GetString()!.Contains("at most", StringComparison.Ordinal));
        }
    }
}
