using static Aria.Billing.Invoicing.Tests.Reminders.ReminderFacts;

namespace Aria.Billing.Invoicing.Tests.Reminders;

public sealed class PaymentReminderPlannerTests
{
    private static readonly LocalDate BillDate = new(2025, 3, 1);

    private static IReadOnlyList<DueReminder> Due(LocalDate date, ReminderAccount account, params Invoice[] invoices) =>
        PaymentReminderPlanner.DueOn(Client, date, account, invoices);

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_days_until_notification: "The number of days the
    // system waits after the account’s bill date before sending the payment reminder email".
    [Fact]
    public void DueOn_BillDatePlusTheRowsDays_OnThatDayOnly()
    {
        var account = ActiveAccount();
        var invoice = Invoice(1, BillDate);

        Assert.Empty(Due(BillDate.PlusDays(9), account, invoice));
        var first = Assert.Single(Due(BillDate.PlusDays(10), account, invoice));
        Assert.Empty(Due(BillDate.PlusDays(11), account, invoice));
        var second = Assert.Single(Due(BillDate.PlusDays(20), account, invoice));

        Assert.Equal((new ReminderKey(Client, 1, 1), "terms-1", ReminderLevel.PaymentTermsOrMethod, BillDate.PlusDays(10)), (first.Key, first.Row.Template, first.Source, first.Date));
        Assert.Equal((new ReminderKey(Client, 1, 2), "terms-2"), (second.Key, second.Row.Template));
        Assert.Equal("1000/1/2", second.Key.ToString());
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder: "send a payment reminder notification to the account
    // holder when their invoice goes unpaid longer than the number of days specified".
    [Fact]
    public void DueOn_OnlyOpenInvoices_PostedAndUnpaid()
    {
        var account = ActiveAccount();
        var on = BillDate.PlusDays(10);

        var due = Due(on, account,
            Invoice(1, BillDate),
            Invoice(2, BillDate, paid: 40m),
            Invoice(3, BillDate, paid: 100m),
            Invoice(4, BillDate, state: InvoiceState.Voided),
            Invoice(5, BillDate, state: InvoiceState.Pending),
            Invoice(6, BillDate, paid: 40m, disputed: 60m),
            Invoice(7, BillDate, account: new AccountNumber(43)));

        Assert.Equal([1L, 2L], due.Select(r => r.Key.InvoiceNo));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_days_until_notification: "these emails are never sent
    // while the account/master plan instance is in the dunning process".
    [Fact]
    public void DueOn_NeverInDunning_OfTheAccountOrTheInvoicesMasterPlanInstance()
    {
        var on = BillDate.PlusDays(10);
        var invoices = new[] { Invoice(1, BillDate, instances: [7]), Invoice(2, BillDate, instances: [8]), Invoice(3, BillDate, instances: [9, 8]) };

        Assert.Empty(Due(on, ActiveAccount() with { InDunning = true }, invoices));
        Assert.Equal([1L], Due(on, ActiveAccount() with { PlanInstancesInDunning = [new PlanInstanceNumber(8)] }, invoices).Select(r => r.Key.InvoiceNo));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_active_accts_only: "If pmt_reminder set to True and this
    // value is set to True, the system sends payment reminders only when the account status indicates that the account is active,
    // billable, and not currently within the dunning process"; set to False: "regardless of account status".
    [Theory]
    [InlineData(true, true, false, 1)]
    [InlineData(false, true, false, 0)]
    [InlineData(true, false, false, 0)]
    [InlineData(false, false, false, 0)]
    [InlineData(false, false, true, 1)]
    [InlineData(true, false, true, 1)]
    public void DueOn_ActiveAccountsOnly_NeedsActiveAndBillable(bool active, bool billable, bool regardless, int expected)
    {
        var account = ActiveAccount(Terms(activeOnly: !regardless)) with { IsActive = active, IsBillable = billable };

        Assert.Equal(expected, Due(BillDate.PlusDays(10), account, Invoice(1, BillDate)).Count);
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder: "Governs whether to send a payment reminder".
    [Fact]
    public void DueOn_RemindersOffOrNoTerms_SendNothing_EvenWithOverrides()
    {
        var invoice = Invoice(1, BillDate);
        var overridden = ActiveAccount(Terms() with { Enabled = false }) with { AccountRows = [Row(1, 10)] };

        Assert.Empty(Due(BillDate.PlusDays(10), overridden, invoice));
        Assert.Empty(Due(BillDate.PlusDays(10), ActiveAccount() with { PaymentSettings = null }, invoice));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms (DEV-7151): "Payment reminder emails ... can be overridden at the Payment Terms,
    // Functional Account Group, and individual account levels"; API pmt_reminder: "can be overridden at the Functional Account Group and
    // individual account levels".
    [Fact]
    public void DueOn_RowsOverridden_AccountOverFunctionalAccountGroupOverTerms()
    {
        var account = ActiveAccount() with
        {
            FunctionalAccountGroupRows = [Row(1, 5, "fag-1"), Row(3, 25, "fag-3")],
            AccountRows = [Row(3, 28, "acct-3", ReminderRecipients.All)],
        };
        var invoice = Invoice(1, BillDate);

        var byDay = Enumerable.Range(0, 40).SelectMany(d => Due(BillDate.PlusDays(d), account, invoice)).ToDictionary(r => r.Key.ReminderNo);

        Assert.Equal((5, "fag-1", ReminderLevel.FunctionalAccountGroup), (Period.DaysBetween(BillDate, byDay[1].Date), byDay[1].Row.Template, byDay[1].Source));
        Assert.Equal((20, "terms-2", ReminderLevel.PaymentTermsOrMethod), (Period.DaysBetween(BillDate, byDay[2].Date), byDay[2].Row.Template, byDay[2].Source));
        Assert.Equal((28, "acct-3", ReminderLevel.Account, ReminderRecipients.All), (Period.DaysBetween(BillDate, byDay[3].Date), byDay[3].Row.Template, byDay[3].Source, byDay[3].Row.Recipients));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151): a billing group "defines the statement configuration, payment methods
    // (primary and/or backup) or payment terms for one or more master plan instances".
    [Fact]
    public void DueOn_AnInvoiceOfABillingGroupWithOtherTerms_FollowsItsGroup()
    {
        var account = ActiveAccount() with
        {
            BillingGroupSettings = new Dictionary<string, PaymentReminderSettings> { ["bg-eu"] = new() { Enabled = true, Rows = [Row(1, 3, "eu-1")] } },
        };

        Assert.Equal("eu-1", Assert.Single(Due(BillDate.PlusDays(3), account, Invoice(1, BillDate, billingGroup: "bg-eu"), Invoice(2, BillDate, billingGroup: "bg-us"))).Row.Template);
        Assert.Equal([2L], Due(BillDate.PlusDays(10), account, Invoice(1, BillDate, billingGroup: "bg-eu"), Invoice(2, BillDate, billingGroup: "bg-us")).Select(r => r.Key.InvoiceNo));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms (DEV-7151): overrides at the Functional Account Group and account levels; Payment
    // Reminders 01, 02 and 03 with days after the bill date — a row that is none of these is no override.
    [Fact]
    public void DueOn_UnusableOverrideRows_FallToTheNextLevel()
    {
        var account = ActiveAccount() with { AccountRows = [Row(1, -4, "bad"), Row(7, 10, "not-a-reminder")] };

        var due = Assert.Single(Due(BillDate.PlusDays(10), account, Invoice(1, BillDate)));

        Assert.Equal(("terms-1", ReminderLevel.PaymentTermsOrMethod), (due.Row.Template, due.Source));
    }

    // spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder_row: one reminder per invoice and row, named by its key.
    [Fact]
    public void ReminderKey_TryParse_ReadsOnlyItsOwnText()
    {
        Assert.True(ReminderKey.TryParse("1000/52/3", out var key));
        Assert.Equal(new ReminderKey(Client, 52, 3), key);
        foreach (var text in new[] { null, "", "1000/52", "1000/52/3/1", "0/52/3", "1000/-52/3", "1000/52/x", " 1000/52/3" })
        {
            Assert.False(ReminderKey.TryParse(text, out _), text);
        }
    }
}
