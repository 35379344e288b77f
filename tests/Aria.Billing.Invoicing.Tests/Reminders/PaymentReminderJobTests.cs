using Aria.Billing.Jobs;
using static Aria.Billing.Invoicing.Tests.Reminders.ReminderFacts;

namespace Aria.Billing.Invoicing.Tests.Reminders;

public sealed class PaymentReminderJobTests
{
    private static readonly LocalDate Day = new(2025, 4, 15);
    private static readonly AccountNumber Dunning = new(43);

    /// <summary>Account 42 owes invoices 1 (billed 10 days ago: reminders 1 and 3 due) and 2 (20 days ago: reminder 2); 3 is paid; account 43 is in dunning.</summary>
    private static async Task<ReminderHost> HostWithRemindersDueAsync()
    {
        var host = new ReminderHost();
        host.Accounts[Account] = ActiveAccount() with { FunctionalAccountGroupRows = [Row(3, 10, "fag-3")] };
        host.Accounts[Dunning] = ActiveAccount() with { Account = Dunning, InDunning = true };
        await host.AddAsync(
            Invoice(1, Day.PlusDays(-10)),
            Invoice(2, Day.PlusDays(-20)),
            Invoice(3, Day.PlusDays(-10), paid: 100m),
            Invoice(4, Day.PlusDays(-10), account: Dunning));
        return host;
    }

    private static readonly ReminderKey[] DueOnDay = [new(Client, 1, 1), new(Client, 1, 3), new(Client, 2, 2)];

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder ("send a payment reminder notification to the account holder
    // when their invoice goes unpaid longer than the number of days specified"), pmt_reminder_days_until_notification ("never sent while the
    // account/master plan instance is in the dunning process"). Each reminder is sent exactly once.
    [Fact]
    public async Task DailyRun_CreatedAndExecutedTwice_ThenReprocessedAndReset_SendsEachDueReminderOnce()
    {
        var host = await HostWithRemindersDueAsync();

        var run = await host.Runner.CreateRunAsync(ReminderHost.Daily, Day);
        var again = await host.Runner.CreateRunAsync(ReminderHost.Daily, Day, "manual");
        var first = (await host.Runner.ExecuteAsync(Client, run.Id)).Value;
        await host.Runner.ExecuteAsync(Client, again.Id);
        await Task.WhenAll(Task.Run(() => host.NewRunner("node-b").ExecuteAsync(Client, run.Id)), Task.Run(() => host.Runner.ExecuteAsync(Client, run.Id)));
        await host.Runner.ReprocessScheduleAsync(Client, run.Id);
        await host.Runner.ReprocessJobAsync(Client, run.Id, 0);
        await host.Runner.ResetAsync(Client, run.Id);
        var last = (await host.Runner.ExecuteAsync(Client, run.Id)).Value;

        Assert.Equal(run.Id, again.Id);
        Assert.Equal((BatchStatus.Ok, BatchStatus.Ok), (first.Status, last.Status));
        Assert.Equal(DueOnDay.Select(k => k.ToString()), (await host.Runs.ListWorkItemsAsync(run.Id, 0)).Select(i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal(DueOnDay.ToDictionary(k => k, _ => 1), host.SendCounts());
        var fag = host.Sent.Single(r => r.Key.ReminderNo == 3);
        Assert.Equal(("fag-3", ReminderLevel.FunctionalAccountGroup, Day.PlusDays(-10)), (fag.Row.Template, fag.Source, fag.BillDate));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_row; job-schedule-management.txt: reprocessing a job runs
    // its failed work items again, never the completed ones.
    [Fact]
    public async Task AFailedSend_MakesTheJobPartial_AndReprocessSendsOnlyIt()
    {
        var host = await HostWithRemindersDueAsync();
        host.FailOnce[new ReminderKey(Client, 2, 2)] = true;
        var run = await host.Runner.CreateRunAsync(ReminderHost.Daily, Day);

        var partial = (await host.Runner.ExecuteAsync(Client, run.Id)).Value;
        Assert.Equal(BatchStatus.Partial, partial.Status);
        Assert.Equal(2, host.Sent.Count);

        var reprocessed = (await host.Runner.ReprocessJobAsync(Client, run.Id, 0)).Value;
        await host.Runner.ReprocessScheduleAsync(Client, run.Id);

        Assert.Equal(BatchStatus.Ok, reprocessed.Status);
        Assert.Equal(DueOnDay.ToDictionary(k => k, _ => 1), host.SendCounts());
        var failed = (await host.Runs.ListWorkItemsAsync(run.Id, 0)).Single(i => i.Key == "1000/2/2");
        Assert.Contains("mail server refused", Assert.Single(failed.History), StringComparison.Ordinal);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_days_until_notification: days after the bill date, so
    // the runs of consecutive dates never send one reminder twice.
    [Fact]
    public async Task DailyRunsOverSixWeeks_SendEveryReminderOnce_OnItsDate()
    {
        var host = new ReminderHost();
        host.Accounts[Account] = ActiveAccount() with { AccountRows = [Row(3, 30, "acct-3")] };
        var billed = new LocalDate(2025, 3, 31);
        await host.AddAsync(Invoice(1, billed), Invoice(2, billed.PlusDays(5)), Invoice(3, billed.PlusDays(7), paid: 100m));

        for (var date = billed; date <= billed.PlusDays(42); date = date.PlusDays(1))
        {
            var run = await host.Runner.CreateRunAsync(ReminderHost.Daily, date);
            await host.Runner.ExecuteAsync(Client, run.Id);
            await host.Runner.ExecuteAsync(Client, run.Id);
        }

        Assert.Equal(6, host.Sent.Count);
        Assert.All(host.SendCounts().Values, n => Assert.Equal(1, n));
        Assert.All(host.Sent, r => Assert.Equal(r.BillDate.PlusDays(r.Row.DaysUntilNotification), r.Date));
        Assert.Equal(
            [(1L, 1, billed.PlusDays(10)), (1L, 2, billed.PlusDays(20)), (1L, 3, billed.PlusDays(30)), (2L, 1, billed.PlusDays(15)), (2L, 2, billed.PlusDays(25)), (2L, 3, billed.PlusDays(35))],
            host.Sent.Select(r => (r.Key.InvoiceNo, r.Key.ReminderNo, r.Date)).Order());
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_active_accts_only: reminders go "only when the account
    // status indicates that the account is active, billable, and not currently within the dunning process"; pmt_reminder: "when their
    // invoice goes unpaid". Facts are read again when an item is processed.
    [Fact]
    public async Task Process_AReminderNoLongerDue_CompletesWithoutSending()
    {
        var host = await HostWithRemindersDueAsync();
        var run = await host.Runner.CreateRunAsync(ReminderHost.Daily, Day);
        var keys = await host.Job.ProduceWorkItemsAsync(run, run.Jobs[0]);
        Assert.Equal(DueOnDay.Select(k => k.ToString()), keys);

        var invoice = (await host.Ledger.GetInvoiceAsync(Client, 1))!;
        await host.Ledger.UpdateInvoiceAsync(invoice with { Lines = [invoice.Lines[0] with { PaymentsApplied = invoice.Lines[0].Amount }] }, invoice.Version);

        foreach (var key in keys)
        {
            Assert.Null(await host.Job.ProcessAsync(run, run.Jobs[0], new WorkItem { RunId = run.Id, JobIndex = 0, Key = key }));
        }

        Assert.Equal([new ReminderKey(Client, 2, 2)], host.Sent.Select(r => r.Key));

        host.Accounts[Account] = host.Accounts[Account] with { InDunning = true };
        Assert.Null(await host.Job.ProcessAsync(run, run.Jobs[0], new WorkItem { RunId = run.Id, JobIndex = 0, Key = "1000/2/2" }));
        Assert.Single(host.Sent);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_row; job-schedule-management.txt, work items of a run.
    [Fact]
    public async Task Process_AKeyThatIsNotAReminderOfTheRunsClient_FailsTheItem()
    {
        var host = new ReminderHost();
        var run = await host.Runner.CreateRunAsync(ReminderHost.Daily, Day);

        Assert.Contains("client/invoice/reminder", await host.Job.ProcessAsync(run, run.Jobs[0], new WorkItem { RunId = run.Id, JobIndex = 0, Key = "billing-1" }), StringComparison.Ordinal);
        Assert.NotNull(await host.Job.ProcessAsync(run, run.Jobs[0], new WorkItem { RunId = run.Id, JobIndex = 0, Key = "2000/1/1" }));
    }
}
