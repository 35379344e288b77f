using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// Which payment reminders are due on a date (spec: release-6.50.txt, Enhanced Payment Terms and Enhanced Payment Methods,
/// Send Payment Reminder Notifications; Enhanced Payment Terms - API, <c>pmt_reminder</c> and its fields). Pure: the same
/// facts give the same answer.
/// </summary>
/// <remarks>
/// <para>Reminder <c>n</c> of an invoice is due on the invoice's bill date plus the days of row <c>n</c> in force, when on that
/// date the invoice is open (posted and unpaid: its balance is not covered by payments, credits, credit memos and
/// disputes), the reminders of the terms or method it is collected by are enabled, and neither the account nor a master
/// plan instance the invoice bills is in dunning ("these emails are never sent while the account/master plan instance is
/// in the dunning process"). With "active accounts only" the account must also be active and billable.</para>
/// <para>Row <c>n</c> in force is the account's row <c>n</c>, else its functional account group's, else the one of the terms or
/// method (<see cref="Precedence"/>; the answer names the level). Rows numbered outside 1–3 or with negative days are
/// ignored, as is a second row of the same number at one level.</para>
/// <para>Since each reminder is due on exactly one date, the runs of consecutive dates never repeat one: its
/// <see cref="ReminderKey"/> appears on one date only.</para>
/// </remarks>
public static class PaymentReminderPlanner
{
    /// <summary>
    /// The reminders due on <paramref name="date"/> for the invoices of <paramref name="account"/>, by invoice number and
    /// reminder number. Invoices of other clients or accounts are ignored.
    /// </summary>
    public static IReadOnlyList<DueReminder> DueOn(ClientNumber client, LocalDate date, ReminderAccount account, IEnumerable<Invoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(invoices);
        if (account.InDunning)
        {
            return [];
        }

        var due = new List<DueReminder>();
        foreach (var invoice in invoices)
        {
            if (invoice is null || invoice.Client != client || invoice.Account != account.Account || !IsOpen(invoice) || BillsInstanceInDunning(invoice, account))
            {
                continue;
            }

            var settings = SettingsOf(invoice, account);
            if (settings is not { Enabled: true } || (settings.ActiveAccountsOnly && !(account.IsActive && account.IsBillable)))
            {
                continue;
            }

            var days = Period.DaysBetween(invoice.BillDate, date);
            if (days < 0)
            {
                continue;
            }

            for (var reminderNo = 1; reminderNo <= PaymentTermRules.MaxReminders; reminderNo++)
            {
                var row = RowInForce(account, settings, reminderNo);
                if (row.Found && row.Value.DaysUntilNotification == days)
                {
                    due.Add(new DueReminder
                    {
                        Key = new ReminderKey(client, invoice.InvoiceNo, reminderNo),
                        Account = account.Account,
                        BillDate = invoice.BillDate,
                        Date = date,
                        Row = row.Value,
                        Source = row.Level,
                    });
                }
            }
        }

        due.Sort(static (a, b) => (a.Key.InvoiceNo, a.Key.ReminderNo).CompareTo((b.Key.InvoiceNo, b.Key.ReminderNo)));
        return due;
    }

    /// <summary>
    /// Row <paramref name="reminderNo"/> in force for an account whose terms or method have <paramref name="settings"/>: the
    /// account's, else the functional account group's, else the terms' or method's; not found when no level has a usable one.
    /// </summary>
    internal static PrecedenceResolution<ReminderLevel, PaymentReminderRow> RowInForce(ReminderAccount account, PaymentReminderSettings settings, int reminderNo)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(settings);
        ReadOnlySpan<PrecedenceCandidate<ReminderLevel, PaymentReminderRow>> order =
        [
            Candidate(ReminderLevel.Account, account.AccountRows, reminderNo),
            Candidate(ReminderLevel.FunctionalAccountGroup, account.FunctionalAccountGroupRows, reminderNo),
            Candidate(ReminderLevel.PaymentTermsOrMethod, settings.Rows, reminderNo),
        ];
        return Precedence.Resolve(order);
    }

    /// <summary>Whether the invoice is open: posted (not pending, not voided) and unpaid (its balance, less any dispute, is above zero).</summary>
    internal static bool IsOpen(Invoice invoice) => invoice.State == InvoiceState.Posted && !invoice.LooksFullyPaid;

    private static bool BillsInstanceInDunning(Invoice invoice, ReminderAccount account)
    {
        if (account.PlanInstancesInDunning.Count == 0)
        {
            return false;
        }

        foreach (var instance in invoice.MasterPlanInstances)
        {
            if (account.PlanInstancesInDunning.Contains(instance))
            {
                return true;
            }
        }

        return false;
    }

    private static PaymentReminderSettings? SettingsOf(Invoice invoice, ReminderAccount account) =>
        invoice.BillingGroup is { } group && account.BillingGroupSettings.TryGetValue(group, out var own) ? own : account.PaymentSettings;

    private static PrecedenceCandidate<ReminderLevel, PaymentReminderRow> Candidate(ReminderLevel level, IReadOnlyList<PaymentReminderRow>? rows, int reminderNo)
    {
        if (rows is not null)
        {
            foreach (var row in rows)
            {
                if (row is not null && row.ReminderNo == reminderNo)
                {
                    return row.DaysUntilNotification >= 0
                        ? PrecedenceCandidate<ReminderLevel, PaymentReminderRow>.With(level, row)
                        : PrecedenceCandidate<ReminderLevel, PaymentReminderRow>.Without(level);
                }
            }
        }

        return PrecedenceCandidate<ReminderLevel, PaymentReminderRow>.Without(level);
    }
}
