using Aria.Billing.Client;
using Microsoft.Extensions.Options;
using NodaTime;
using Aria.Billing.Jobs;
using Aria.Billing.Sync;

namespace Aria.Billing.Sample;

/// <summary>
/// The tour through <see cref="AriaBillingClient"/> against a running reference host (<c>--host URL</c>): a proration
/// preview, a sync log filled and reprocessed in bulk, a schedule's run triggered and awaited — with progress bars — and
/// the invoicing chapter (a credit memo, a rebill, the history by rb_option) through the host's ledger.
/// </summary>
internal sealed class RemoteTour(AriaBillingClient client, IClock clock, IOptions<AriaBillingClientOptions> options)
{
    public async Task<int> RunAsync(TextWriter output)
    {
        var today = clock.GetCurrentInstant().InUtc().Date;
        output.WriteLine($"Aria.Billing sample, through the reference host — today is {today:uuuu-MM-dd}");
        output.WriteLine();

        output.WriteLine("1. Replace plan — the $30 plan replaced by the $60 plan on Apr 27, bill day 15 (a preview from the host)");
        var quote = await client.PreviewProrationAsync(15, Money.Of(30m, Currency.USD), Money.Of(60m, Currency.USD), new LocalDate(2025, 4, 27));
        if (quote.IsFailure)
        {
            return Fail(output, quote.Errors);
        }

        output.WriteLine($"   period {quote.Value.PeriodStart:uuuu-MM-dd}..{quote.Value.PeriodEnd:uuuu-MM-dd} has {quote.Value.PeriodDays} days, {quote.Value.DaysRemaining} remain");
        output.WriteLine($"   credit {quote.Value.Credit}, charge {quote.Value.Charge}, net {quote.Value.Net}");
        output.WriteLine();

        output.WriteLine("2. Sync reprocess — 40 accounts' messages sent before the accounts exist, then reprocessed in bulk");
        var run = today.ToString("uuuuMMdd", null) + "-" + clock.GetCurrentInstant().ToUnixTimeTicks() % 1_000_000;
        for (var account = 1; account <= 40; account++)
        {
            foreach (var objectName in new[] { "Master Plan Instance", "Contact" })
            {
                var sent = await client.IngestAsync(SyncDomain.Account, new SyncMessage(
                    $"{run}-{objectName}-{account}", objectName, "Create", account, """{"error":"ACCOUNT_IS_NOT_FOUND","fixed_on_reprocess":true}"""));
                if (sent.IsFailure)
                {
                    return Fail(output, sent.Errors);
                }
            }
        }

        var errors = await PrintSummaryAsync("summary before");
        var started = await client.ReprocessAsync(SyncDomain.Account);
        if (started.IsFailure)
        {
            return Fail(output, started.Errors);
        }

        var done = await client.WaitForSyncOperationAsync(started.Value.Id, TimeSpan.FromMinutes(5), new Bar<SyncOperationInfo>(output, "reprocess", o => o.Processed, o => $"{o.Succeeded} ok, {o.Failed} failed", _ => errors));
        output.WriteLine($"   done: {done.Value.Succeeded} completed, {done.Value.Failed} still failing");
        await PrintSummaryAsync("what is left");
        output.WriteLine();

        output.WriteLine("3. Job schedule — a daily schedule's run for yesterday, triggered (idempotently) and awaited: the core system's gate");
        var defined = await client.DefineScheduleAsync("daily", "daily", "02:30", "UTC",
            [("Bill Time Usage Rating", "usage-rating"), ("Sync Transactions", "sync-transactions"), ("Billing", "billing")]);
        if (defined.IsFailure)
        {
            return Fail(output, defined.Errors);
        }

        var date = today.PlusDays(-1);
        var triggered = await client.TriggerScheduleRunAsync("daily", date, $"sample-{date:uuuu-MM-dd}");
        if (triggered.IsFailure)
        {
            return Fail(output, triggered.Errors);
        }

        var ended = await client.WaitForScheduleRunAsync(triggered.Value.Id, TimeSpan.FromMinutes(5),
            new Bar<ScheduleRunInfo>(output, "run", r => r.Jobs.Count(j => j.Status is not (BatchStatus.New or BatchStatus.Running)), r => string.Join(", ", r.Jobs.Select(j => $"{j.Name} {j.Status}")), r => r.Jobs.Count));
        output.WriteLine($"   run for {date:uuuu-MM-dd}: {ended.Value.Status} (batch_status_cd {(int)ended.Value.Status}) — {(ended.Value.Status == BatchStatus.Ok ? "proceed" : "hold the core batch jobs")}");
        output.WriteLine();

        return await InvoicingTour.RunAsync(new RemoteInvoicing(client), output, 4, new ClientNumber(options.Value.ClientNo), "the reference host's (through the typed client)") ? 0 : 1;

        async Task<long> PrintSummaryAsync(string title)
        {
            output.WriteLine($"   {title}:");
            var rows = (await client.GetSyncSummaryAsync(SyncDomain.Account)).Value;
            foreach (var row in rows)
            {
                output.WriteLine($"     {row.ObjectName,-28} {row.ActionName,-7} {row.Count,5} errors");
            }

            return rows.Sum(r => r.Count);
        }
    }

    private static int Fail(TextWriter output, IReadOnlyList<AriaError> errors)
    {
        foreach (var error in errors)
        {
            output.WriteLine($"   refused: {error}");
        }

        return 1;
    }

    /// <summary>A text progress bar, one line per change.</summary>
    private sealed class Bar<T>(TextWriter output, string title, Func<T, long> done, Func<T, string> detail, Func<T, long>? total = null) : IProgress<T>
    {
        private string? _last;

        public void Report(T value)
        {
            var count = done(value);
            var of = total?.Invoke(value);
            var fraction = of is > 0 ? (double)count / of.Value : count > 0 ? 1 : 0;
            var line = $"   {title} [{new string('#', (int)(fraction * 30)).PadRight(30, '.')}] {count}{(of is null ? "" : $"/{of}")} — {detail(value)}";
            if (line != _last)
            {
                output.WriteLine(line);
                _last = line;
            }
        }
    }
}
