using Aria.Billing.Invoicing;
using NodaTime;

namespace Aria.Billing.Testing.Invoicing;

/// <summary>Invoices for tests: a posted March 2025 invoice of client 1000, account 42, in billing group "BG-1" with master plan instance 7.</summary>
public static class InvoiceSamples
{
    /// <summary>The client of the samples.</summary>
    public static ClientNumber Client { get; } = new(1000);

    /// <summary>The account of the samples.</summary>
    public static AccountNumber Account { get; } = new(42);

    /// <summary>The master plan instance the samples bill.</summary>
    public static PlanInstanceNumber Instance { get; } = new(7);

    /// <summary>A charge line in USD.</summary>
    public static InvoiceLine Charge(int lineNo, decimal amount, decimal paid = 0m, decimal credited = 0m, ChargeType type = ChargeType.Recurring, decimal taxRate = 0m, Currency? currency = null)
    {
        var c = currency ?? Currency.USD;
        return new InvoiceLine
        {
            LineNo = lineNo, Kind = InvoiceLineKind.Charge, ChargeType = type, ServiceNo = 100 + lineNo, ServiceName = $"Service {lineNo}",
            PlanInstance = Instance, Units = 1, Rate = amount, Amount = Money.Of(amount, c), TaxRate = taxRate,
            PaymentsApplied = Money.Of(paid, c), CreditsApplied = Money.Of(credited, c),
        };
    }

    /// <summary>A tax line in USD, on one charge line or (<paramref name="taxes"/> null) on the whole invoice.</summary>
    public static InvoiceLine Tax(int lineNo, decimal amount, int? taxes, decimal paid = 0m, Currency? currency = null)
    {
        var c = currency ?? Currency.USD;
        return new InvoiceLine
        {
            LineNo = lineNo, Kind = InvoiceLineKind.Tax, ServiceName = "Tax", Units = 1, Rate = amount, Amount = Money.Of(amount, c),
            TaxedLineNo = taxes, PaymentsApplied = Money.Of(paid, c),
        };
    }

    /// <summary>A posted invoice of March 2025 (billed Mar 1, due Mar 31) with <paramref name="lines"/>.</summary>
    public static Invoice Invoice(long invoiceNo, params InvoiceLine[] lines) => new()
    {
        Client = Client, Account = Account, InvoiceNo = invoiceNo, Currency = lines.Length > 0 ? lines[0].Amount.Currency : Currency.USD,
        BillDate = new LocalDate(2025, 3, 1), DueDate = new LocalDate(2025, 3, 31),
        PeriodStart = new LocalDate(2025, 3, 1), PeriodEnd = new LocalDate(2025, 4, 1),
        BillingGroup = "BG-1", MasterPlanInstances = [Instance], PaymentMethod = "card-1", Lines = lines,
    };

    /// <summary>A directory where plan instance 7 is still in "BG-1" (paid by "card-2" now, net 10 from the end of the month) and account 42 has contacts.</summary>
    public static FakeInvoicingDirectory Directory()
    {
        var directory = new FakeInvoicingDirectory();
        directory.BillingGroupOf[Instance] = "BG-1";
        directory.BillingGroups["BG-1"] = new BillingGroupSnapshot { Id = "BG-1", PaymentMethod = "card-2", DaysUntilDue = 10, DaysUntilDueMethod = DaysUntilDueMethod.AfterEndOfMonth };
        directory.Contacts[Account] = new AccountContacts
        {
            Account = new Contact { Name = "Ada", Email = "ada@example.com" },
            Billing = new Contact { Name = "Bill", Email = "billing@example.com" },
            Statement = new Contact { Name = "Stan", Email = "" },
            Cc = ["cc@example.com"], Bcc = ["audit@example.com"],
        };
        return directory;
    }
}
