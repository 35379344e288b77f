namespace Aria.Billing.Invoicing.Tests.Reminders;

/// <summary>Invoices and accounts for the reminder tests.</summary>
internal static class ReminderFacts
{
    public static readonly ClientNumber Client = new(1000);

    public static readonly AccountNumber Account = new(42);

    /// <summary>An invoice of one charge line of <paramref name="amount"/> with <paramref name="paid"/> applied.</summary>
    public static Invoice Invoice(
        long no, LocalDate billDate, decimal amount = 100m, decimal paid = 0m, InvoiceState state = InvoiceState.Posted,
        string? billingGroup = null, AccountNumber? account = null, long[]? instances = null, decimal disputed = 0m) => new()
    {
        Client = Client,
        Account = account ?? Account,
        InvoiceNo = no,
        Currency = Currency.USD,
        BillDate = billDate,
        PeriodStart = billDate,
        PeriodEnd = billDate.PlusMonths(1),
        State = state,
        BillingGroup = billingGroup,
        DisputedAmount = disputed,
        MasterPlanInstances = [.. (instances ?? [7]).Select(i => new PlanInstanceNumber(i))],
        Lines = [new InvoiceLine { LineNo = 1, Amount = Money.Of(amount, Currency.USD), PaymentsApplied = Money.Of(paid, Currency.USD) }],
    };

    public static PaymentReminderRow Row(int no, int days, string? template = null, ReminderRecipients to = ReminderRecipients.Default) =>
        new() { ReminderNo = no, DaysUntilNotification = days, Template = template, Recipients = to };

    /// <summary>Net 30 terms sending reminders 10 and 20 days after the bill date.</summary>
    public static PaymentReminderSettings Terms(bool activeOnly = false) =>
        new() { Enabled = true, ActiveAccountsOnly = activeOnly, Rows = [Row(1, 10, "terms-1"), Row(2, 20, "terms-2")] };

    public static ReminderAccount ActiveAccount(PaymentReminderSettings? settings = null) =>
        new() { Account = Account, IsActive = true, IsBillable = true, PaymentSettings = settings ?? Terms() };
}
