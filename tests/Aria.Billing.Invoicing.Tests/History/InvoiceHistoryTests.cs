using Aria.Billing.Invoicing;
using Aria.Billing.Testing;
using static Aria.Billing.Testing.Invoicing.InvoiceSamples;

namespace Aria.Billing.Invoicing.Tests.History;

// spec: release-6.50.txt, Credit Memo/Rebills - API (DEV-6906), get_invoice_history_m: rb_option, rb_flag, rb_status, orig_invoice_no
public sealed class InvoiceHistoryTests
{
    [Theory]
    [InlineData(null, RebillOption.All)]
    [InlineData(0, RebillOption.All)]
    [InlineData(1, RebillOption.OriginalsOnly)]
    [InlineData(2, RebillOption.RebillsOnly)]
    public void ParseOption_TheThreeValues(int? value, RebillOption expected) => Assert.Equal(expected, InvoiceHistory.ParseOption(value).Value);

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void ParseOption_OtherValues_AreRefused(int value) =>
        Assert.Equal(InvoicingErrorCodes.InvalidRebillOption, Assert.Single(InvoiceHistory.ParseOption(value).Errors).Code);

    [Fact]
    public async Task History_InvoiceRebilledTwice_ByOption()
    {
        // Invoice 10 rebilled as 21 (the next number above 20), 21 rebilled as 22; invoice 20 never rebilled. "2 - for those invoices that have been
        // rebilled ... only the rebilled ones. If an invoice has been rebilled multiple times, this selection provides all of
        // the rebills." orig_invoice_no "is the predecessor invoice, which could be a rebill."
        var store = new InMemoryInvoiceLedgerStore();
        var clock = FakeClock.AtUtc(new LocalDate(2025, 5, 2));
        var ledger = new InvoiceLedger(store, clock);
        await ledger.ImportAsync(Invoice(10, Charge(1, 100m)));
        await ledger.ImportAsync(Invoice(20, Charge(1, 50m)));
        var rebills = new RebillService(store, Directory(), clock);
        RebillRequest Rebill(long no, decimal rate) => new()
        {
            Client = Client, InvoiceNo = no, ReasonCode = "RB-ERR", Comment = "rate", RequestedBy = "csr",
            Lines = [new RebillLineRequest { LineNo = 1, Rate = rate }],
        };
        Assert.Equal(21L, (await rebills.RebillAsync(Rebill(10, 90m))).Value.Rebill.InvoiceNo);
        Assert.Equal(22L, (await rebills.RebillAsync(Rebill(21, 80m))).Value.Rebill.InvoiceNo);

        Assert.Equal([10L, 20L, 21L, 22L], (await ledger.HistoryAsync(Client, Account)).Select(i => i.InvoiceNo));
        Assert.Equal([10L, 20L], (await ledger.HistoryAsync(Client, Account, RebillOption.OriginalsOnly)).Select(i => i.InvoiceNo));
        var only = await ledger.HistoryAsync(Client, Account, RebillOption.RebillsOnly);
        Assert.Equal([(21L, 10L), (22L, 21L)], only.Select(i => (i.InvoiceNo, i.OriginalInvoiceNo!.Value)));
        Assert.All(only, i => Assert.True(i.IsRebill));
        Assert.Equal([true, false, true, false], (await ledger.HistoryAsync(Client, Account)).Select(i => i.IsRebilled));
    }
}
