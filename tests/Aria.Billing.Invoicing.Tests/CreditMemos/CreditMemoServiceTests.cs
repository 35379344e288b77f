using Aria.Billing.Invoicing;
using Aria.Billing.Testing;
using Aria.Billing.Testing.Invoicing;
using static Aria.Billing.Testing.Invoicing.InvoiceSamples;

namespace Aria.Billing.Invoicing.Tests.CreditMemos;

// spec: release-6.50.txt, Credit Memo/Rebills (DEV-6906): Credit Memo Numbering, Credit Memo Events, void_invoice_m
public sealed class CreditMemoServiceTests
{
    private readonly InMemoryInvoiceLedgerStore _store = new();
    private readonly FakeInvoicingDirectory _directory = Directory();
    private readonly FakeClock _clock = FakeClock.AtUtc(new LocalDate(2025, 5, 2));

    private CreditMemoService Service(InvoicingOptions? options = null) => new(_store, _directory, _clock, options);

    private InvoiceLedger Ledger() => new(_store, _clock);

    private static CreditMemoRequest Request(long invoiceNo, decimal amount, Guid? id = null) => new()
    {
        Id = id, Client = Client, InvoiceNo = invoiceNo, ReasonCode = "CM-ERR", Comment = "billing error",
        Lines = [new CreditMemoLineRequest(1, amount)], RequestedBy = "csr",
    };

    private async Task ImportAsync(params Invoice[] invoices)
    {
        foreach (var invoice in invoices)
        {
            Assert.True((await Ledger().ImportAsync(invoice)).IsSuccess);
        }
    }

    [Fact]
    public async Task Create_NumbersFromTheClientSequence_WithPrefixOrSuffix()
    {
        await ImportAsync(Invoice(1, Charge(1, 100m)), Invoice(2, Charge(1, 100m)));
        var options = new InvoicingOptions();
        options.Defaults.CreditMemoNumbering = new NumberSequence { Start = 1000, Digits = 6, Affix = "CM-" };
        options.Clients[2000] = new InvoiceSettings { CreditMemoNumbering = new NumberSequence { Start = 1, Digits = 4, Affix = "/CM", Position = AffixPosition.Suffix } };

        var first = (await Service(options).CreateAsync(Request(1, 10m))).Value;
        var second = (await Service(options).CreateAsync(Request(2, 10m))).Value;

        Assert.Equal(("CM-001000", 1000L), (first.Memo.Number, first.Memo.Sequence));
        Assert.Equal(("CM-001001", 1001L), (second.Memo.Number, second.Memo.Sequence));
        Assert.Equal("0001/CM", options.Clients[2000].CreditMemoNumbering.Format(1));
        Assert.Equal(90m, (await _store.GetInvoiceAsync(Client, 1))!.Balance.Amount);
    }

    [Fact]
    public async Task Create_SameIdTwice_MakesOneMemo()
    {
        await ImportAsync(Invoice(1, Charge(1, 100m)));
        var id = Guid.NewGuid();
        var first = (await Service().CreateAsync(Request(1, 10m, id))).Value;
        var again = (await Service().CreateAsync(Request(1, 10m, id))).Value;

        Assert.Equal(first.Memo.Number, again.Memo.Number);
        Assert.Single(await _store.ListCreditMemosAsync(Client, 1));
        await ImportAsync(Invoice(2, Charge(1, 100m)));
        Assert.Equal(InvoicingErrorCodes.IdempotencyKeyReused, Assert.Single((await Service().CreateAsync(Request(2, 10m, id))).Errors).Code);
        Assert.Equal(first.Memo.Number, (await Service().GetAsync(Client, first.Memo.Number)).Value.Number);
        Assert.Single((await Service().ListAsync(Client, 1)).Value);
        Assert.True((await Service().ListAsync(Client, 404)).HasError(InvoicingErrorCodes.InvoiceNotFound));
        Assert.True((await Service().GetAsync(Client, "CM-404")).HasError(InvoicingErrorCodes.CreditMemoNotFound));
        Assert.Equal(90m, (await _store.GetInvoiceAsync(Client, 1))!.Balance.Amount);
    }

    [Fact]
    public async Task Create_SequenceExhausted_IsRefused_AndNothingIsWritten()
    {
        await ImportAsync(Invoice(1, Charge(1, 100m)));
        var options = new InvoicingOptions();
        options.Defaults.CreditMemoNumbering = new NumberSequence { Start = 9, Digits = 1 };
        Assert.Equal("9", (await Service(options).CreateAsync(Request(1, 10m))).Value.Memo.Number);

        var refused = await Service(options).CreateAsync(Request(1, 10m));

        Assert.Equal(InvoicingErrorCodes.SequenceExhausted, Assert.Single(refused.Errors).Code);
        Assert.Equal(90m, (await _store.GetInvoiceAsync(Client, 1))!.Balance.Amount);
    }

    [Fact]
    public async Task Create_UnknownInvoiceOrReasonCode_IsCoded()
    {
        await ImportAsync(Invoice(1, Charge(1, 100m)));
        Assert.True((await Service().CreateAsync(Request(5, 10m))).HasError(InvoicingErrorCodes.InvoiceNotFound));
        Assert.True((await Service().CreateAsync(Request(1, 10m) with { ReasonCode = "NOPE" })).HasError(InvoicingErrorCodes.InvalidReasonCode));
        Assert.True((await Service().CreateAsync(Request(1, 10m) with { ReasonCode = "SC-GOODWILL" })).HasError(InvoicingErrorCodes.InvalidReasonCode));
    }

    [Fact]
    public async Task Notices_GoToTheFirstContactWithValidInformation_WithCcAndBcc()
    {
        // "The system checks for a contact in the following order and sends it to the first one with valid information:
        // Statement contact, Billing contact, Account contact." The statement contact here has no e-mail address.
        await ImportAsync(Invoice(1, Charge(1, 100m)));
        var created = (await Service().CreateAsync(Request(1, 10m))).Value;
        Assert.Equal((948, ContactRole.Billing, "billing@example.com"), (created.Notice.EventNo, created.Notice.RecipientRole, created.Notice.To));
        Assert.Equal(["cc@example.com"], created.Notice.Cc);
        Assert.Equal(["audit@example.com"], created.Notice.Bcc);

        var voided = (await Service().VoidAsync(Client, created.Memo.Number, "supervisor")).Value;
        Assert.Equal((949, created.Memo.Number), (voided.Notice.EventNo, voided.Notice.DocumentNumber));
    }

    [Fact]
    public async Task Void_RestoresTheLine_AndASecondVoidIsRefused()
    {
        await ImportAsync(Invoice(1, Charge(1, 100m, paid: 20m)));
        var created = (await Service().CreateAsync(Request(1, 50m))).Value;
        Assert.Equal(50m, created.Invoice.Balance.Amount); // 20 of payment removed: 100 - 0 - 50

        var voided = (await Service().VoidAsync(Client, created.Memo.Number, "supervisor")).Value;

        Assert.Equal((CreditMemoState.Voided, "supervisor"), (voided.Memo.State, voided.Memo.VoidedBy));
        Assert.Equal(100m, voided.Invoice.Balance.Amount);
        Assert.True((await Service().VoidAsync(Client, created.Memo.Number, "supervisor")).HasError(InvoicingErrorCodes.CreditMemoAlreadyVoided));
        Assert.True((await Service().VoidAsync(Client, "CM-404", "supervisor")).HasError(InvoicingErrorCodes.CreditMemoNotFound));
    }

    [Fact]
    public async Task VoidInvoice_WithAnActiveMemo_IsRefused_UntilTheMemoIsVoided()
    {
        // "You cannot void an invoice that has a credit memo associated with it. You must void all associated credit memos
        // before voiding an invoice."
        await ImportAsync(Invoice(1, Charge(1, 100m)));
        var memo = (await Service().CreateAsync(Request(1, 10m))).Value.Memo;

        var refused = await Ledger().VoidAsync(Client, 1, "supervisor");
        Assert.Equal(InvoicingErrorCodes.InvoiceHasCreditMemo, Assert.Single(refused.Errors).Code);
        Assert.Contains(memo.Number, refused.Errors[0].Message, StringComparison.Ordinal);

        await Service().VoidAsync(Client, memo.Number, "supervisor");
        var voided = await Ledger().VoidAsync(Client, 1, "supervisor");
        Assert.Equal(InvoiceState.Voided, voided.Value.Invoice.State);
        Assert.True((await Ledger().VoidAsync(Client, 1, "supervisor")).HasError(InvoicingErrorCodes.InvoiceVoided));
        Assert.True((await Service().CreateAsync(Request(1, 10m))).HasError(InvoicingErrorCodes.InvoiceVoided));
    }

    [Fact]
    public async Task Create_ConcurrentMemosOnOneInvoice_NeverCreditBeyondTheLine()
    {
        await ImportAsync(Invoice(1, Charge(1, 100m)));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Service().CreateAsync(Request(1, 30m)))));

        var saved = results.Count(r => r.IsSuccess);
        Assert.Equal(3, saved);
        // A writer loses a race only to a memo that was saved, and only 3 fit: 5 attempts always suffice, so every refusal is the rule's.
        Assert.All(results.Where(r => r.IsFailure), r => Assert.True(r.HasError(InvoicingErrorCodes.CreditAmountExceedsLine)));
        Assert.Equal(10m, (await _store.GetInvoiceAsync(Client, 1))!.Balance.Amount);
    }
}
