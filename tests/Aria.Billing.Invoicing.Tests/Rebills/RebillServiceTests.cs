using Aria.Billing.Invoicing;
using Aria.Billing.Testing;
using Aria.Billing.Testing.Invoicing;
using static Aria.Billing.Testing.Invoicing.InvoiceSamples;

namespace Aria.Billing.Invoicing.Tests.Rebills;

// spec: release-6.50.txt, Credit Memo/Rebills (DEV-6906): Rebilling an Invoice, Automatic Collection on Rebill, Rebill
// Numbering, Rebills and Dunning, Rebilling Template; Credit Memo/Rebills - API: gen_rb_m, get_invoice_history_m
public sealed class RebillServiceTests
{
    private readonly InMemoryInvoiceLedgerStore _store = new();
    private readonly FakeInvoicingDirectory _directory = Directory();
    private readonly FakeClock _clock = FakeClock.AtUtc(new LocalDate(2025, 5, 2));
    private readonly InvoicingOptions _options = new();

    private RebillService Service() => new(_store, _directory, _clock, options: _options);

    private InvoiceLedger Ledger() => new(_store, _clock);

    private static RebillRequest Request(long invoiceNo, params RebillLineRequest[] lines) => new()
    {
        Client = Client, InvoiceNo = invoiceNo, ReasonCode = "RB-ERR", Comment = "wrong rate", Lines = lines, RequestedBy = "csr",
    };

    private async Task<Invoice> ImportAsync(Invoice invoice) => (await Ledger().ImportAsync(invoice)).Value;

    private static Invoice Standard(long no = 10) =>
        Invoice(no, Charge(1, 100m, taxRate: 0.1m), Charge(2, 40m, type: ChargeType.Usage) with { Units = 40, Rate = 1m }, Tax(3, 10m, 1));

    [Fact]
    public async Task Rebill_LowerRate_MakesTheCreditMemoForTheDifference_AndTheRebillPlusMemoEqualTheOriginal()
    {
        // "Rebilling an invoice automatically generates a credit memo on the invoice that is for the difference between the
        // original amount and the rebilled amount." "Rebills only include non-tax charge lines of the original invoice."
        await ImportAsync(Standard());
        var receipt = (await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 1, Rate = 80m, Comment = "contract rate" }))).Value;

        var rebill = receipt.Rebill;
        Assert.Equal((11L, 10L, "RB-ERR", true), (rebill.InvoiceNo, rebill.OriginalInvoiceNo!.Value, rebill.RebillReasonCode, rebill.IsRebill));
        Assert.Equal([80m, 40m], rebill.Lines.Where(l => l.Kind == InvoiceLineKind.Charge).Select(l => l.Amount.Amount));
        Assert.Equal([1, 2], rebill.Lines.Where(l => l.Kind == InvoiceLineKind.Charge).Select(l => l.OriginalLineNo!.Value));
        Assert.Equal("contract rate", rebill.Lines[0].Comment);
        Assert.Equal(8m, Assert.Single(rebill.Lines, l => l.Kind == InvoiceLineKind.Tax).Amount.Amount); // 10 % of 80

        var memo = receipt.CreditMemo!;
        Assert.Equal((20m, 2m, 11L), (memo.Amount.Amount, memo.Tax.Amount, memo.RebillInvoiceNo!.Value));
        Assert.Equal("RB-ERR", memo.ReasonCode);
        foreach (var line in Standard().Lines.Where(l => l.Kind == InvoiceLineKind.Charge))
        {
            var rebilled = rebill.Lines.Single(l => l.OriginalLineNo == line.LineNo).Amount.Amount;
            var credited = memo.Lines.Where(l => l.LineNo == line.LineNo).Sum(l => l.Amount.Amount);
            Assert.Equal(line.Amount.Amount, rebilled + credited);
        }

        var original = receipt.Original;
        Assert.Equal((11L, true), (original.RebilledBy!.Value, original.FindLine(3)!.RebillExcluded));
        Assert.False(original.FindLine(1)!.RebillExcluded);
        Assert.Equal(original, await _store.GetInvoiceAsync(Client, 10));
    }

    [Fact]
    public async Task Rebill_NothingChanged_MakesNoMemo_AndIsNumberedFromTheRebillSequence()
    {
        _options.Defaults.RebillNumbering = new NumberSequence { Start = 500, Digits = 5, Affix = "-RB", Position = AffixPosition.Suffix };
        await ImportAsync(Standard());
        var receipt = (await Service().RebillAsync(Request(10))).Value;

        Assert.Null(receipt.CreditMemo);
        Assert.Equal("00500-RB", receipt.Rebill.RebillNumber);
        Assert.Equal(Standard().Total.Amount, receipt.Rebill.Total.Amount);
    }

    [Fact]
    public async Task Rebill_UsesTheBillingGroupsCurrentPaymentMethod_AndTheOriginalDueDateByDefault()
    {
        // "The rebill uses the current payment method assigned to the billing group." "Use Original Invoice due date for
        // rebill: True (default)."
        await ImportAsync(Standard());
        var receipt = (await Service().RebillAsync(Request(10))).Value;
        Assert.Equal(("card-2", new LocalDate(2025, 3, 31), new LocalDate(2025, 5, 2)), (receipt.Rebill.PaymentMethod, receipt.Rebill.DueDate!.Value, receipt.Rebill.InvoiceDate!.Value));
        Assert.False(receipt.Collect);
    }

    [Fact]
    public async Task Rebill_WithoutTheOriginalDueDate_TakesTheTermsDueDate_AndAutocollects()
    {
        // "False: Aria calculates a new due date for this rebill" — end of the rebill date's month + 10 days; "Autocollect on Rebill".
        _options.Defaults.UseOriginalDueDateForRebill = false;
        _options.Defaults.AutocollectOnRebill = true;
        await ImportAsync(Standard());
        var receipt = (await Service().RebillAsync(Request(10))).Value;
        Assert.Equal(new LocalDate(2025, 6, 10), receipt.Rebill.DueDate);
        Assert.True(receipt.Collect);
    }

    public static TheoryData<string, Invoice> Ineligible => new()
    {
        { "INVOICE_FULLY_PAID", Standard() with { Lines = [Charge(1, 100m, paid: 100m)] } },
        { "INVOICE_HAS_REFUND_REVERSAL", Standard() with { HasRefundReversal = true } },
        { "INVOICE_VOIDED", Standard() with { State = InvoiceState.Voided } },
        { "INVOICE_IS_PARENT_PAY_CHILD", Standard() with { IsParentPayChild = true } },
        { "INVOICE_PENDING", Standard() with { State = InvoiceState.Pending } },
        { "INVOICE_IN_CURRENT_BILLING_CYCLE", Standard() with { PeriodStart = new LocalDate(2025, 4, 15), PeriodEnd = new LocalDate(2025, 5, 15) } },
        { "INVOICE_IN_CURRENT_BILLING_CYCLE", Standard() with { PeriodStart = new LocalDate(2025, 4, 27), PeriodEnd = new LocalDate(2025, 5, 3) } },
    };

    [Theory]
    [MemberData(nameof(Ineligible))]
    public async Task Rebill_ExcludedKinds_AreRefusedWithTheirCode(string code, Invoice invoice)
    {
        await ImportAsync(invoice);
        var result = await Service().RebillAsync(Request(10));
        Assert.True(result.HasError(AriaErrorCode.Symbolic(code)), result.ToString());
        Assert.Null((await _store.GetInvoiceAsync(Client, 10))!.RebilledBy);
    }

    [Fact]
    public async Task Rebill_FullyPaidButDisputed_IsAllowed()
    {
        // "Fully paid invoices (excluding disputed invoices)".
        await ImportAsync(Standard() with { Lines = [Charge(1, 100m, paid: 100m)], DisputedAmount = 100m });
        Assert.True((await Service().RebillAsync(Request(10))).IsSuccess);
    }

    [Fact]
    public async Task Rebill_PlanInstanceLeftItsBillingGroup_IsRefused()
    {
        // "If any master plan instance on the original invoice has been removed from the billing group that it was in on
        // the original invoice, the invoice cannot be rebilled."
        await ImportAsync(Standard());
        _directory.BillingGroupOf[Instance] = "BG-2";
        Assert.True((await Service().RebillAsync(Request(10))).HasError(InvoicingErrorCodes.PlanInstanceLeftBillingGroup));
        _directory.BillingGroupOf.Remove(Instance);
        Assert.True((await Service().RebillAsync(Request(10))).HasError(InvoicingErrorCodes.PlanInstanceLeftBillingGroup));
    }

    [Fact]
    public async Task Rebill_LineRules_UnitsRateServiceAndReason()
    {
        // "When you are rebilling a charge that is not usage, the unit must be a whole number. The maximum rate amount cannot
        // exceed the amount of the line item." "You can optionally change the service ... if the service is not order-based
        // or usage-based. You are limited to services with the same type."
        await ImportAsync(Standard());
        async Task<AriaErrorCode> Refusal(RebillRequest request) => Assert.Single((await Service().RebillAsync(request)).Errors).Code;

        Assert.Equal(InvoicingErrorCodes.RebillUnitsNotValid, await Refusal(Request(10, new RebillLineRequest { LineNo = 1, Units = 0.5m, Rate = 10m })));
        Assert.Equal(InvoicingErrorCodes.RebillUnitsNotValid, await Refusal(Request(10, new RebillLineRequest { LineNo = 2, Units = -1m })));
        Assert.Equal(InvoicingErrorCodes.RebillRateNotValid, await Refusal(Request(10, new RebillLineRequest { LineNo = 1, Rate = 100.01m })));
        Assert.Equal(InvoicingErrorCodes.RebillAmountNotValid, await Refusal(Request(10, new RebillLineRequest { LineNo = 1, Units = 2m })));
        Assert.Equal(InvoicingErrorCodes.RebillServiceNotChangeable, await Refusal(Request(10, new RebillLineRequest { LineNo = 2, Service = new ServiceChange(900, ChargeType.Usage) })));
        Assert.Equal(InvoicingErrorCodes.RebillServiceTypeMismatch, await Refusal(Request(10, new RebillLineRequest { LineNo = 1, Service = new ServiceChange(900, ChargeType.Activation) })));
        Assert.Equal(InvoicingErrorCodes.InvoiceLineNotFound, await Refusal(Request(10, new RebillLineRequest { LineNo = 3, Rate = 1m })));
        Assert.Equal(InvoicingErrorCodes.InvalidReasonCode, await Refusal(Request(10) with { ReasonCode = "CM-ERR" }));
        Assert.Equal(1010, (await Refusal(Request(10) with { Comment = "" })).Number);

        var usage = (await Service().RebillAsync(Request(10,
            new RebillLineRequest { LineNo = 2, Units = 12.5m },
            new RebillLineRequest { LineNo = 1, Service = new ServiceChange(900, ChargeType.Recurring, "Gold"), PurchaseOrder = "PO-7" }))).Value;
        Assert.Equal(12.5m, usage.Rebill.Lines.Single(l => l.OriginalLineNo == 2).Amount.Amount);
        Assert.Equal((900L, "Gold", "PO-7"), (usage.Rebill.Lines[0].ServiceNo, usage.Rebill.Lines[0].ServiceName, usage.Rebill.Lines[0].PurchaseOrder));
        Assert.Equal(27.5m, usage.CreditMemo!.Amount.Amount);
    }

    [Fact]
    public async Task Rebill_ExcludedLine_IsCreditedInFull_AndMarkedOnTheOriginal()
    {
        await ImportAsync(Standard());
        var receipt = (await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 2, Exclude = true }))).Value;
        Assert.DoesNotContain(receipt.Rebill.Lines, l => l.OriginalLineNo == 2);
        Assert.True(receipt.Original.FindLine(2)!.RebillExcluded);
        Assert.Equal(40m, receipt.CreditMemo!.Amount.Amount);
        Assert.True((await Service().RebillAsync(Request(11, new RebillLineRequest { LineNo = 1, Exclude = true }))).HasError(InvoicingErrorCodes.MissingRequiredParameter));
    }

    [Fact]
    public async Task Rebill_BelowWhatCreditsAlreadyCover_IsRefused()
    {
        await ImportAsync(Invoice(10, Charge(1, 100m, credited: 30m)));
        Assert.True((await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 1, Rate = 20m }))).HasError(InvoicingErrorCodes.RebillAmountNotValid));
        Assert.True((await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 1, Exclude = true }))).HasError(InvoicingErrorCodes.RebillAmountNotValid)); // found by the ledger property
        Assert.Equal(70m, (await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 1, Rate = 30m }))).Value.CreditMemo!.Amount.Amount);
    }

    [Fact]
    public async Task Rebill_TheRebillCanBeRebilled_ButAnInvoiceWhoseRebillWasVoidedCannot()
    {
        // "A rebill can be voided, however you cannot rebill that invoice again. The best practice when it is necessary to
        // rebill a previously rebilled invoice is to rebill it again, not to void it."
        await ImportAsync(Standard());
        var first = (await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 1, Rate = 90m }))).Value;
        Assert.True((await Service().RebillAsync(Request(10))).HasError(InvoicingErrorCodes.InvoiceAlreadyRebilled));

        var second = (await Service().RebillAsync(Request(11, new RebillLineRequest { LineNo = 1, Rate = 80m }))).Value;
        Assert.Equal((12L, 11L), (second.Rebill.InvoiceNo, second.Rebill.OriginalInvoiceNo!.Value));
        Assert.Equal(10m, second.CreditMemo!.Amount.Amount);

        var voided = (await Ledger().VoidAsync(Client, 12, "supervisor")).Value;
        Assert.Equal((CreditMemoState.Voided, true), (voided.CreditMemo!.State, voided.Original!.RebillVoided));
        Assert.Equal(0m, voided.Original.FindLine(1)!.CreditMemosApplied.Amount);
        Assert.True((await Service().RebillAsync(Request(11))).HasError(InvoicingErrorCodes.InvoiceRebillVoided));
        Assert.Equal(first.Rebill.RebillNumber, (await _store.GetInvoiceAsync(Client, 11))!.RebillNumber);
    }

    [Fact]
    public async Task Rebill_TheMemoOfARebill_IsVoidedOnlyWithItsRebill()
    {
        await ImportAsync(Standard());
        var receipt = (await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 1, Rate = 90m }))).Value;
        var memos = new CreditMemoService(_store, _directory, _clock);
        Assert.True((await memos.VoidAsync(Client, receipt.CreditMemo!.Number, "csr")).HasError(InvoicingErrorCodes.CreditMemoBelongsToRebill));
        Assert.True((await Ledger().VoidAsync(Client, 10, "csr")).HasError(InvoicingErrorCodes.InvoiceHasCreditMemo));
    }

    [Fact]
    public async Task Rebill_GivenInvoiceNumberTaken_IsRefused()
    {
        await ImportAsync(Standard());
        await ImportAsync(Standard(20));
        var refused = await Service().RebillAsync(Request(10) with { RebillInvoiceNo = 20 });
        Assert.Equal(InvoicingErrorCodes.InvoiceAlreadyExists, Assert.Single(refused.Errors).Code);
        Assert.Equal(77L, (await Service().RebillAsync(Request(10) with { RebillInvoiceNo = 77 })).Value.Rebill.InvoiceNo);
    }

    [Fact]
    public async Task Rebill_Notice_GoesToTheOverrideWhenGiven_ElseByPrecedence()
    {
        // "The order of precedence for the recipient of a rebill is: Statement contact, Billing contact, Account contact ...
        // You can override the recipient if you use the gen_rb_m API."
        await ImportAsync(Standard());
        await ImportAsync(Standard(20));
        var plain = (await Service().RebillAsync(Request(10, new RebillLineRequest { LineNo = 1, Rate = 90m }))).Value;
        Assert.Equal([(NoticeKind.Rebill, "billing@example.com"), (NoticeKind.CreditMemo, "billing@example.com")], plain.Notices.Select(n => (n.Kind, n.To!)));

        var overridden = (await Service().RebillAsync(Request(20) with { Recipient = "ap@customer.example" })).Value;
        Assert.Equal(("ap@customer.example", (ContactRole?)null), (overridden.Notices[0].To!, overridden.Notices[0].RecipientRole));
    }
}
