using System.Net;

namespace Aria.Billing.ReferenceHost.Tests;

// Issue #15 item 3: dates near the edges of the calendar (9999-12-31, 0000-01-01, -9998-01-01) gave 500s in the
// invoice-plan preview, next runs, triggers and the audit search. One range of business dates (BusinessDates,
// 1900-01-01 to 2199-12-31) holds at the boundary: anything outside it is a coded 400 with the date code 1024.
public sealed class BusinessDateTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _host;

    public BusinessDateTests(HostFactory host) => _host = host;

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0000-01-01")]
    [InlineData("-9998-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    public async Task DatesOutsideTheBusinessRange_AreACoded400_OnEveryDateInput(string date)
    {
        var ops = _host.Ops();
        await ops.PutJsonAsync("/jobs/schedules/edge", new { frequency = "daily", time = "02:00", jobs = new[] { new { name = "Billing", job_type = "billing" } } });
        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => ops.PostJsonAsync("/plans/invoice-plan/preview", new { bill_day = 15, interval_months = 1, first_uninvoiced_period_start = date, as_of = "2025-04-27" }),
            () => ops.PostJsonAsync("/plans/invoice-plan/preview", new { bill_day = 15, interval_months = 1, first_uninvoiced_period_start = "2025-01-15", as_of = date }),
            () => ops.GetAsync($"/jobs/schedules/edge/next-runs?after={date}"),
            () => ops.PostJsonAsync("/jobs/schedules/edge/runs", new { run_date = date, idempotency_key = "edge-" + date }),
            () => ops.GetAsync($"/jobs/audit?from={date}&to={date}"),
        };

        foreach (var send in requests)
        {
            var response = await send();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("1024", await response.CodesAsync());
        }
    }

    [Fact]
    public void TheRange_IsTheOneOfThePackages() =>
        Assert.Equal((new LocalDate(1900, 1, 1), new LocalDate(2199, 12, 31)), (BusinessDates.Earliest, BusinessDates.Latest));
}
