using Aria.Billing.Invoicing;
using Aria.Billing.Testing;
using Aria.Billing.Testing.Invoicing;
using static Aria.Billing.Testing.Invoicing.InvoiceSamples;

namespace Aria.Billing.Invoicing.Tests.Ledger;

public sealed class InvoiceLedgerTests
{
    private readonly InMemoryInvoiceLedgerStore _store = new();
    private readonly FakeClock _clock = FakeClock.AtUtc(new LocalDate(2025, 5, 2));

    private InvoiceLedger Ledger() => new(_store, _clock);

    public static TheoryData<string, Invoice> Inconsistent => new()
    {
        { "no line", Invoice(1) },
        { "negative amount", Invoice(1, Charge(1, -5m)) },
        { "line numbers", Invoice(1, Charge(1, 5m), Charge(1, 6m)) },
        { "currency", Invoice(1, Charge(1, 5m), Charge(2, 5m, currency: Currency.EUR)) },
        { "minor units", Invoice(1, Charge(1, 5.001m)) },
        { "over-applied", Invoice(1, Charge(1, 5m, paid: 4m, credited: 2m)) },
        { "empty period", Invoice(1, Charge(1, 5m)) with { PeriodEnd = new LocalDate(2025, 3, 1) } },
        { "tax of a tax line", Invoice(1, Charge(1, 5m), Tax(2, 1m, 3), Tax(3, 1m, null)) },
        { "adjustment fields", Invoice(1, Charge(1, 5m)) with { OriginalInvoiceNo = 4 } },
        { "ledger-owned memo", Invoice(1, Charge(1, 5m) with { CreditMemosApplied = Money.Of(1m, Currency.USD) }) },
        { "unknown state", Invoice(1, Charge(1, 5m)) with { State = (InvoiceState)7 } },
    };

    [Theory]
    [InlineData("bill_date")]
    [InlineData("period_start")]
    [InlineData("period_end")]
    [InlineData("invoice_date")]
    [InlineData("due_date")]
    public async Task ImportAsync_ADateOutsideTheBusinessDates_Is1024_NamingIt_AndNothingIsStored(string input)
    {
        // Issue #15 item 3: one range of business dates (1900-01-01 to 2199-12-31) for every engine and store.
        var far = new LocalDate(9999, 12, 31);
        var invoice = Invoice(1, Charge(1, 5m));
        invoice = input switch
        {
            "bill_date" => invoice with { BillDate = new LocalDate(1, 1, 1) },
            "period_start" => invoice with { PeriodStart = new LocalDate(1899, 12, 31) },
            "period_end" => invoice with { PeriodEnd = far },
            "invoice_date" => invoice with { InvoiceDate = far },
            _ => invoice with { DueDate = BusinessDates.Latest.PlusDays(1) },
        };

        var result = await Ledger().ImportAsync(invoice);

        var error = Assert.Single(result.Errors);
        Assert.Equal((AriaErrorCodes.InvalidDateFormat, input), (error.Code, Assert.Single(error.AssociatedInputs)));
        Assert.Null(await _store.GetInvoiceAsync(invoice.Client, invoice.InvoiceNo));
    }

    [Theory]
    [MemberData(nameof(Inconsistent))]
    public async Task Import_InconsistentInvoice_IsRefusedAsNotValid(string why, Invoice invoice)
    {
        var result = await Ledger().ImportAsync(invoice);
        Assert.True(result.HasError(InvoicingErrorCodes.InvoiceNotValid), why + ": " + result);
        Assert.Null(await _store.GetInvoiceAsync(Client, 1));
    }

    [Fact]
    public async Task Import_Again_RefreshesTheBillingSystemsFacts_AndKeepsTheLedgersMemos()
    {
        await Ledger().ImportAsync(Invoice(1, Charge(1, 100m)));
        await new CreditMemoService(_store, Directory(), _clock).CreateAsync(new CreditMemoRequest
        {
            Client = Client, InvoiceNo = 1, ReasonCode = "CM-ERR", Comment = "x", Lines = [new CreditMemoLineRequest(1, 30m)], RequestedBy = "csr",
        });

        var refreshed = await Ledger().ImportAsync(Invoice(1, Charge(1, 100m, paid: 60m)) with { DisputedAmount = 10m });

        Assert.Equal((60m, 30m, 10m, 3L), (refreshed.Value.Lines[0].PaymentsApplied.Amount, refreshed.Value.Lines[0].CreditMemosApplied.Amount, refreshed.Value.DisputedAmount, refreshed.Value.Version));
        Assert.True((await Ledger().ImportAsync(Invoice(1, Charge(1, 100m, paid: 71m)))).HasError(InvoicingErrorCodes.InvoiceNotValid));
        Assert.True((await Ledger().ImportAsync(Invoice(1, Charge(1, 90m)))).HasError(InvoicingErrorCodes.InvoiceAlreadyExists));
        Assert.True((await Ledger().ImportAsync(Invoice(1, Charge(1, 100m)) with { State = InvoiceState.Voided })).HasError(InvoicingErrorCodes.InvoiceHasCreditMemo));
    }

    [Fact]
    public async Task Get_Unknown_IsNotFound() =>
        Assert.True((await Ledger().GetAsync(Client, 404)).HasError(InvoicingErrorCodes.InvoiceNotFound));
}
