using Aria.Billing.Testing;
using static Aria.Billing.Invoicing.Tests.Reminders.ReminderFacts;

namespace Aria.Billing.Invoicing.Tests.Reminders;

// spec: release-6.50.txt, Enhanced Payment Terms - API (DEV-7151), pmt_reminder, pmt_reminder_active_accts_only, pmt_reminder_row,
// pmt_reminder_days_until_notification ("days ... after the account’s bill date", "never sent while the account/master plan instance is
// in the dunning process"); Enhanced Payment Terms (DEV-7151): overridable at the Functional Account Group and account levels.
public sealed class PaymentReminderPlannerPropertyTests
{
    private sealed record Scenario(LocalDate Date, ReminderAccount Account, Invoice[] Invoices);

    private static readonly Gen<PaymentReminderRow> Rows =
        from no in Gen.Frequency((8, Gen.Choose(1, 3)), (1, Gen.Choose(0, 5)))
        from days in Gen.Frequency((12, Gen.Elements(0, 10, 20)), (2, Gen.Choose(0, 60)), (1, Gen.Choose(-5, -1)))
        from template in Gen.Elements("a", "b", "c", "d")
        select Row(no, days, template);

    private static readonly Gen<PaymentReminderSettings> Settings =
        from enabled in Gen.Frequency((8, Gen.Constant(true)), (1, Gen.Constant(false)))
        from activeOnly in ArbMap.Default.GeneratorFor<bool>()
        from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)), (1, Gen.Constant(4)))
        from rows in Gen.ArrayOf(Rows, count)
        select new PaymentReminderSettings { Enabled = enabled, ActiveAccountsOnly = activeOnly, Rows = rows };

    private static Gen<Invoice> Invoices(LocalDate around, long no) =>
        from offset in Gen.Frequency((8, Gen.Elements(-20, -10, 0)), (1, Gen.Choose(-60, 30)))
        from paid in Gen.Elements(0m, 0m, 0m, 0m, 30m, 100m)
        from disputed in Gen.Elements(0m, 0m, 0m, 70m)
        from state in Gen.Frequency((6, Gen.Constant(InvoiceState.Posted)), (1, Gen.Constant(InvoiceState.Pending)), (1, Gen.Constant(InvoiceState.Voided)))
        from billingGroup in Gen.Elements<string?>(null, "bg-a", "bg-b")
        from instance in Gen.Choose(7, 9)
        from otherAccount in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Invoice(no, around.PlusDays(offset), paid: paid, disputed: disputed, state: state, billingGroup: billingGroup, instances: [instance],
            account: otherAccount ? new AccountNumber(43) : Account);

    private static readonly Gen<Scenario> Scenarios =
        from around in BillingArb.Date
        from dateOffset in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(-30, 60)))
        from active in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from billable in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from dunning in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from instanceDunning in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(7, 9)))
        from settings in Gen.Frequency((12, Settings.Select(s => (PaymentReminderSettings?)s)), (1, Gen.Constant<PaymentReminderSettings?>(null)))
        from groupSettings in Settings
        from fagCount in Gen.Choose(0, 3)
        from fag in Gen.ArrayOf(Rows, fagCount)
        from accountCount in Gen.Choose(0, 2)
        from own in Gen.ArrayOf(Rows, accountCount)
        from invoiceCount in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 6)))
        from invoices in Gen.CollectToSequence(Enumerable.Range(1, invoiceCount), n => Invoices(around, n))
        select new Scenario(
            around.PlusDays(dateOffset),
            new ReminderAccount
            {
                Account = Account, IsActive = active, IsBillable = billable, InDunning = dunning,
                PlanInstancesInDunning = instanceDunning == 0 ? [] : [new PlanInstanceNumber(instanceDunning)],
                PaymentSettings = settings, BillingGroupSettings = new Dictionary<string, PaymentReminderSettings> { ["bg-a"] = groupSettings },
                FunctionalAccountGroupRows = fag, AccountRows = own,
            },
            [.. invoices]);

    /// <summary>An independent reading of the rules: the (invoice, reminder, template) triples due on the scenario's date.</summary>
    private static HashSet<(long, int, string?)> Oracle(Scenario s)
    {
        var expected = new HashSet<(long, int, string?)>();
        var a = s.Account;
        foreach (var invoice in s.Invoices)
        {
            var open = invoice.State == InvoiceState.Posted && invoice.Balance.Amount - invoice.DisputedAmount > 0;
            var dunning = a.InDunning || invoice.MasterPlanInstances.Any(a.PlanInstancesInDunning.Contains);
            var settings = invoice.BillingGroup == "bg-a" ? a.BillingGroupSettings["bg-a"] : a.PaymentSettings;
            if (invoice.Account != a.Account || !open || dunning || settings is null || !settings.Enabled || (settings.ActiveAccountsOnly && !(a.IsActive && a.IsBillable)))
            {
                continue;
            }

            for (var n = 1; n <= 3; n++)
            {
                var row = new[] { a.AccountRows, a.FunctionalAccountGroupRows, settings.Rows }
                    .Select(level => level.FirstOrDefault(r => r.ReminderNo == n))
                    .FirstOrDefault(r => r is { DaysUntilNotification: >= 0 });
                if (row is not null && invoice.BillDate.PlusDays(row.DaysUntilNotification) == s.Date)
                {
                    expected.Add((invoice.InvoiceNo, n, row.Template));
                }
            }
        }

        return expected;
    }

    [Fact]
    public void Property_DueOn_IsExactlyWhatTheRulesSay()
    {
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var due = PaymentReminderPlanner.DueOn(Client, s.Date, s.Account, s.Invoices);
            return due.Select(r => (r.Key.InvoiceNo, r.Key.ReminderNo, r.Row.Template)).ToHashSet().SetEquals(Oracle(s))
                && due.Count == due.Select(r => r.Key).Distinct().Count()
                && due.All(r => r.Date == s.Date && r.BillDate.PlusDays(r.Row.DaysUntilNotification) == s.Date && r.Key.Client == Client);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_AcrossConsecutiveDates_EachReminderIsDueOnOneDateAtMost()
    {
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
        {
            var dates = Enumerable.Range(-50, 130).Select(d => s.Date.PlusDays(d));
            var keys = dates.SelectMany(d => PaymentReminderPlanner.DueOn(Client, d, s.Account, s.Invoices)).Select(r => r.Key).ToArray();
            return keys.Length == keys.Distinct().Count();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_InDunning_NothingIsDue()
    {
        Prop.ForAll(Scenarios.ToArbitrary(), s =>
            PaymentReminderPlanner.DueOn(Client, s.Date, s.Account with { InDunning = true }, s.Invoices).Count == 0
            && PaymentReminderPlanner.DueOn(Client, s.Date, s.Account with { PlanInstancesInDunning = [new(7), new(8), new(9)] }, s.Invoices).Count == 0)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_ReminderKey_RoundTripsThroughItsText()
    {
        var keys = from client in Gen.Choose(1, int.MaxValue) from invoice in Gen.Choose(0, int.MaxValue) from no in Gen.Choose(1, 3)
                   select new ReminderKey(new ClientNumber(client), invoice * 1000L, no);
        Prop.ForAll(keys.ToArbitrary(), key => ReminderKey.TryParse(key.ToString(), out var read) && read == key).QuickCheckThrowOnFailure();
    }
}
