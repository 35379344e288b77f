using Aria.Billing.ReferenceHost.Security;

namespace Aria.Billing.ReferenceHost.Tests;

/// <summary>Every endpoint of the host with the access its module needs (ids are placeholders: the checks come first).</summary>
public static class EndpointTable
{
    private static readonly string Id = Guid.NewGuid().ToString();

    /// <summary>(method, path, body, module, access).</summary>
    public static readonly IReadOnlyList<(HttpMethod Method, string Path, object? Body, HostModule Module, HostAccess Access)> All =
    [
        (HttpMethod.Get, "/sync/account/records", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Get, "/sync/account/records/1", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Post, "/sync/account/records", new { event_id = "E", object_name = "Account", action_name = "Create" }, HostModule.Sync, HostAccess.Create),
        (HttpMethod.Post, "/sync/account/records/batch", new[] { new { event_id = "E", object_name = "Account", action_name = "Create" } }, HostModule.Sync, HostAccess.Create),
        (HttpMethod.Get, "/sync/account/summary", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Get, "/sync/account/summary/errors?object_name=Account&action_name=Create", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Get, "/sync/account/summary/records?object_name=Account&action_name=Create", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Post, "/sync/account/reprocess", new { level = "all" }, HostModule.Sync, HostAccess.Edit),
        (HttpMethod.Post, "/sync/account/discard", new { level = "all", expected_count = 0 }, HostModule.Sync, HostAccess.Delete),
        (HttpMethod.Get, $"/sync/operations/{Id}", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Get, "/sync/aggregated_usage/batches", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Get, "/sync/aggregated_usage/batches/2025-04-27T10:00:00Z", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Post, "/sync/aggregated_usage/batches/2025-04-27T10:00:00Z/reprocess", new { level = "batch" }, HostModule.Sync, HostAccess.Edit),
        (HttpMethod.Post, "/sync/aggregated_usage/batches/2025-04-27T10:00:00Z/discard", new { level = "batch", expected_count = 0 }, HostModule.Sync, HostAccess.Delete),
        (HttpMethod.Post, "/plans/changes", new { account_no = 1, plan_instance_no = 1, kind = "units", units = 2, effective_date = "2030-01-01" }, HostModule.Plans, HostAccess.Create),
        (HttpMethod.Get, "/plans/accounts/1/changes", null, HostModule.Plans, HostAccess.Read),
        (HttpMethod.Post, $"/plans/changes/{Id}/execute", null, HostModule.Plans, HostAccess.Edit),
        (HttpMethod.Put, $"/plans/changes/{Id}/effective-date", new { effective_date = "2030-01-01" }, HostModule.Plans, HostAccess.Edit),
        (HttpMethod.Delete, $"/plans/changes/{Id}", null, HostModule.Plans, HostAccess.Delete),
        (HttpMethod.Post, "/plans/proration/preview", new { bill_day = 15 }, HostModule.Plans, HostAccess.Read),
        (HttpMethod.Post, "/plans/invoice-plan/preview", new { bill_day = 15 }, HostModule.Plans, HostAccess.Read),
        (HttpMethod.Post, "/plans/replace/validate", new { acct_no = "1" }, HostModule.Plans, HostAccess.Read),
        (HttpMethod.Put, "/jobs/schedules/daily", new { frequency = "daily", time = "02:00", jobs = new[] { new { name = "Billing", job_type = "billing" } } }, HostModule.Jobs, HostAccess.Create),
        (HttpMethod.Get, "/jobs/schedules/daily", null, HostModule.Jobs, HostAccess.Read),
        (HttpMethod.Delete, "/jobs/schedules/daily", null, HostModule.Jobs, HostAccess.Delete),
        (HttpMethod.Get, "/jobs/schedules/daily/next-runs", null, HostModule.Jobs, HostAccess.Read),
        (HttpMethod.Post, "/jobs/schedules/daily/runs", new { run_date = "2025-04-27", idempotency_key = "k" }, HostModule.Jobs, HostAccess.Create),
        (HttpMethod.Get, $"/jobs/runs/{Id}", null, HostModule.Jobs, HostAccess.Read),
        (HttpMethod.Get, $"/jobs/runs/{Id}/jobs/0/items", null, HostModule.Jobs, HostAccess.Read),
        (HttpMethod.Post, $"/jobs/runs/{Id}/reset", null, HostModule.Jobs, HostAccess.Edit),
        (HttpMethod.Post, $"/jobs/runs/{Id}/reprocess", null, HostModule.Jobs, HostAccess.Edit),
        (HttpMethod.Get, "/jobs/audit?from=2025-04-01&to=2025-04-05", null, HostModule.Jobs, HostAccess.Read),
        (HttpMethod.Get, "/jobs/schedules", null, HostModule.Jobs, HostAccess.Read),
        (HttpMethod.Post, "/jobs/schedules/daily/runs/created", new { run_date = "2025-04-27" }, HostModule.Jobs, HostAccess.Create),
        (HttpMethod.Post, $"/jobs/runs/{Id}/execute", null, HostModule.Jobs, HostAccess.Edit),
        (HttpMethod.Get, $"/jobs/runs/{Id}/statistics", null, HostModule.Jobs, HostAccess.Read),
        (HttpMethod.Get, "/sync/account/errors/daily", null, HostModule.Sync, HostAccess.Read),
        (HttpMethod.Get, "/plans/accounts/1/queue", null, HostModule.Plans, HostAccess.Read),
        (HttpMethod.Put, "/invoicing/invoices/1", new { account_no = 1, currency = "USD" }, HostModule.Invoicing, HostAccess.Create),
        (HttpMethod.Get, "/invoicing/invoices/1", null, HostModule.Invoicing, HostAccess.Read),
        (HttpMethod.Get, "/invoicing/accounts/1/invoices?rb_option=1", null, HostModule.Invoicing, HostAccess.Read),
        (HttpMethod.Get, "/invoicing/invoices/1/creditable-lines", null, HostModule.Invoicing, HostAccess.Read),
        (HttpMethod.Post, "/invoicing/invoices/1/credit-memos", new { reason_code = "CM-ERR", comments = "c", line_items = new[] { new { line_no = 1, line_amount = 1m } } }, HostModule.Invoicing, HostAccess.Create),
        (HttpMethod.Get, "/invoicing/invoices/1/credit-memos", null, HostModule.Invoicing, HostAccess.Read),
        (HttpMethod.Get, "/invoicing/credit-memos/CM-1", null, HostModule.Invoicing, HostAccess.Read),
        (HttpMethod.Post, "/invoicing/credit-memos/CM-1/void", null, HostModule.Invoicing, HostAccess.Delete),
        (HttpMethod.Post, "/invoicing/invoices/1/void", null, HostModule.Invoicing, HostAccess.Delete),
        (HttpMethod.Post, "/invoicing/invoices/1/rebills", new { reason_code = "RB-RATE", comments = "c" }, HostModule.Invoicing, HostAccess.Create),
    ];

    /// <summary>Sends one row of the table.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, (HttpMethod Method, string Path, object? Body, HostModule Module, HostAccess Access) endpoint)
    {
        var request = new HttpRequestMessage(endpoint.Method, endpoint.Path);
        if (endpoint.Body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(endpoint.Body, options: HostFactory.Json);
        }

        return client.SendAsync(request);
    }
}
