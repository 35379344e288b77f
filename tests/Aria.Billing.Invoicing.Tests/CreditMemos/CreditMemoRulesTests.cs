using Aria.Billing.Invoicing;
using Aria.Billing.Testing.Invoicing;
using static Aria.Billing.Testing.Invoicing.InvoiceSamples;

namespace Aria.Billing.Invoicing.Tests.CreditMemos;

// spec: release-6.50.txt, Credit Memo/Rebills (DEV-6906)
public sealed class CreditMemoRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 5, 2, 9, 0);
    private static readonly ReasonCode MemoReason = new("CM-ERR", ReasonCodeType.CreditMemo);

    private static CreditMemoRequest Request(params CreditMemoLineRequest[] lines) => new()
    {
        Client = Client, InvoiceNo = 1, ReasonCode = "CM-ERR", Comment = "billing error", Lines = lines, RequestedBy = "csr",
    };

    private static AriaResult<CreditMemoPlan> Plan(Invoice invoice, CreditMemoRequest request, ReasonCode? reason = null, ITaxCalculator? tax = null) =>
        CreditMemoRules.Plan(invoice, request, reason ?? MemoReason, tax ?? new LineTaxRateCalculator(), Now);

    [Fact]
    public void Eligibility_OpenPostedInvoice_IsEligible() =>
        Assert.Empty(CreditMemoRules.Eligibility(Invoice(1, Charge(1, 100m))));

    // "The following types of invoices are not displayed on the list": each refusal names its rule.
    public static TheoryData<string, Invoice> Ineligible => new()
    {
        { "INVOICE_FULLY_PAID", Invoice(1, Charge(1, 100m, paid: 100m)) },
        { "INVOICE_HAS_REFUND_REVERSAL", Invoice(1, Charge(1, 100m)) with { HasRefundReversal = true } },
        { "INVOICE_ALREADY_REBILLED", Invoice(1, Charge(1, 100m)) with { RebilledBy = 2 } },
        { "INVOICE_VOIDED", Invoice(1, Charge(1, 100m)) with { State = InvoiceState.Voided } },
        { "INVOICE_IS_PARENT_PAY_CHILD", Invoice(1, Charge(1, 100m)) with { IsParentPayChild = true } },
        { "INVOICE_HAS_NO_CREDITABLE_LINE", Invoice(1, Charge(1, 100m, credited: 60m), Tax(2, 8m, 1)) with { DisputedAmount = 0m, Lines = [Charge(1, 100m, credited: 100m), Tax(2, 8m, 1)] } },
        { "INVOICE_PENDING", Invoice(1, Charge(1, 100m)) with { State = InvoiceState.Pending } },
    };

    [Theory]
    [MemberData(nameof(Ineligible))]
    public void Eligibility_EachExcludedKind_IsRefusedWithItsCode(string code, Invoice invoice)
    {
        var errors = CreditMemoRules.Eligibility(invoice);
        Assert.Contains(errors, e => e.Code.Value == code);
        Assert.True(Plan(invoice, Request(new CreditMemoLineRequest(1, 1m))).HasError(AriaErrorCode.Symbolic(code)));
    }

    [Fact]
    public void Eligibility_DisputeCoveringTheBalance_CountsAsFullyPaid()
    {
        // "Fully paid invoices (including disputed invoices which make an invoice appear to be fully paid)"
        var disputed = Invoice(1, Charge(1, 100m, paid: 40m)) with { DisputedAmount = 60m };
        Assert.Equal([InvoicingErrorCodes.InvoiceFullyPaid], CreditMemoRules.Eligibility(disputed).Select(e => e.Code));
        Assert.Empty(CreditMemoRules.Eligibility(disputed with { DisputedAmount = 59.99m }));
    }

    [Fact]
    public void Plan_ReasonAndComment_AreRequired_AndTheReasonMustBeOfTypeCreditMemo()
    {
        var invoice = Invoice(1, Charge(1, 100m));
        var missing = Plan(invoice, Request(new CreditMemoLineRequest(1, 10m)) with { ReasonCode = " ", Comment = null });
        Assert.Equal(["reason_code", "comments"], missing.Errors.Select(e => e.AssociatedInputs[0]));
        Assert.All(missing.Errors, e => Assert.Equal(1010, e.Code.Number));

        var rebillCode = Plan(invoice, Request(new CreditMemoLineRequest(1, 10m)) with { ReasonCode = "RB-ERR" }, new ReasonCode("RB-ERR", ReasonCodeType.Rebill));
        Assert.Equal(InvoicingErrorCodes.InvalidReasonCode, Assert.Single(rebillCode.Errors).Code);
    }

    [Fact]
    public void Plan_LineAmount_MustBePositive_AndAtMostTheLineLessCreditsAndMemos()
    {
        // "This amount must be greater than 0 ... the maximum amount equals the original line item amount minus any
        // previously applied credits and credit memos."
        var invoice = Invoice(1, Charge(1, 100m, credited: 20m) with { CreditMemosApplied = Money.Of(30m, Currency.USD) });
        Assert.Equal(50m, Assert.Single(CreditMemoRules.CreditableLines(invoice)).Maximum.Amount);
        Assert.True(Plan(invoice, Request(new CreditMemoLineRequest(1, 50m))).IsSuccess);
        Assert.True(Plan(invoice, Request(new CreditMemoLineRequest(1, 50.01m))).HasError(InvoicingErrorCodes.CreditAmountExceedsLine));
        Assert.True(Plan(invoice, Request(new CreditMemoLineRequest(1, 0m))).HasError(InvoicingErrorCodes.CreditAmountNotPositive));
        Assert.True(Plan(invoice, Request(new CreditMemoLineRequest(1, -5m))).HasError(InvoicingErrorCodes.CreditAmountNotPositive));
        Assert.True(Plan(invoice, Request(new CreditMemoLineRequest(1, 1.001m))).HasError(InvoicingErrorCodes.AmountNotInMinorUnits));
    }

    [Fact]
    public void Plan_TaxUnknownAndRepeatedLines_AreRefused_AndNoLineIsRequired()
    {
        var invoice = Invoice(1, Charge(1, 100m, taxRate: 0.08m), Tax(2, 8m, 1));
        var result = Plan(invoice, Request(new CreditMemoLineRequest(2, 1m), new CreditMemoLineRequest(9, 1m), new CreditMemoLineRequest(1, 1m), new CreditMemoLineRequest(1, 2m)));
        Assert.Equal(
            [InvoicingErrorCodes.InvoiceLineNotFound, InvoicingErrorCodes.InvoiceLineNotFound, InvoicingErrorCodes.DuplicateInvoiceLine],
            result.Errors.Select(e => e.Code));
        Assert.Equal(1010, Assert.Single(Plan(invoice, Request()).Errors).Code.Number);
    }

    [Fact]
    public void Plan_MemoTakesPrecedence_RemovedPaymentsAndCreditsEqualTheMemoOnTheLine()
    {
        // "Credit memos take precedence over existing payments and credits, which are removed ... The amount of the payment
        // or credit that is removed equals the amount of the credit memo for that line."
        var invoice = Invoice(1, Charge(1, 100m, paid: 70m, credited: 10m), Charge(2, 50m));
        var plan = Plan(invoice, Request(new CreditMemoLineRequest(1, 75m))).Value;

        var removed = Assert.Single(plan.Memo.Removed);
        Assert.Equal((1, 70m, 5m), (removed.LineNo, removed.Payments.Amount, removed.Credits.Amount));
        Assert.Equal(75m, removed.Total.Amount);
        var line = plan.Invoice.FindLine(1)!;
        Assert.Equal((0m, 5m, 75m, 20m), (line.PaymentsApplied.Amount, line.CreditsApplied.Amount, line.CreditMemosApplied.Amount, line.Balance.Amount));
        Assert.Equal(invoice.FindLine(2), plan.Invoice.FindLine(2));
    }

    [Fact]
    public void Lines_CarryTheLineTypeOfWhatTheyBill()
    {
        // spec: replace-acct-plan-m.txt, Output Fields, line_type 1–9; a memo line has the type of the line it credits.
        var invoice = Invoice(1, Charge(1, 10m), Charge(2, 10m, type: ChargeType.Usage), Charge(3, 10m, type: ChargeType.Activation),
            Charge(4, 10m, type: ChargeType.RecurringArrears), Charge(5, 10m, type: ChargeType.Order), Charge(6, 10m, type: ChargeType.Surcharge), Tax(7, 1m, 1));
        Assert.Equal([1, 6, 5, 7, 8, 9, 2], invoice.Lines.Select(l => (int)l.LineType));

        var memo = Plan(invoice, Request(new CreditMemoLineRequest(2, 5m), new CreditMemoLineRequest(6, 5m))).Value.Memo;
        Assert.Equal([6, 9], memo.Lines.Select(l => (int)l.LineType));
    }

    [Fact]
    public void Plan_LineWithoutPayments_RemovesNothing()
    {
        var plan = Plan(Invoice(1, Charge(1, 100m)), Request(new CreditMemoLineRequest(1, 40m))).Value;
        Assert.Empty(plan.Memo.Removed);
        Assert.Equal(60m, plan.Invoice.Balance.Amount);
    }

    [Fact]
    public void Plan_TaxIsCreditedByTheCalculator_OnTheLinesTaxLine()
    {
        // "After you enter an amount, the client tax engine calculates the tax amount that must be credited."
        var invoice = Invoice(1, Charge(1, 100m, taxRate: 0.08m), Charge(2, 50m, taxRate: 0.1m), Tax(3, 8m, 1), Tax(4, 5m, 2));
        var plan = Plan(invoice, Request(new CreditMemoLineRequest(1, 100m), new CreditMemoLineRequest(2, 25m))).Value;

        Assert.Equal([new AppliedAmount(3, Money.Of(8m, Currency.USD))], plan.Memo.Lines[0].TaxCredits);
        Assert.Equal([new AppliedAmount(4, Money.Of(2.5m, Currency.USD))], plan.Memo.Lines[1].TaxCredits);
        Assert.Equal((125m, 10.5m, 135.5m), (plan.Memo.Amount.Amount, plan.Memo.Tax.Amount, plan.Memo.Total.Amount));
        Assert.Equal(27.5m, plan.Invoice.Balance.Amount);
    }

    [Fact]
    public void Plan_FullLineMemo_NeedNotZeroTheBalance_WhenTaxWasFiguredOnTheWholeInvoice()
    {
        // "Entering the full amount of the line item may not result in a zero invoice balance due to tax calculations."
        // Three lines of 0.33 at 10 % taxed on the invoice as a whole: 0.99 → 0.10 of tax; per line 0.033 → 0.03 each.
        var invoice = Invoice(1, Charge(1, 0.33m, taxRate: 0.1m), Charge(2, 0.33m, taxRate: 0.1m), Charge(3, 0.33m, taxRate: 0.1m), Tax(4, 0.10m, null));
        var plan = Plan(invoice, Request(new CreditMemoLineRequest(1, 0.33m), new CreditMemoLineRequest(2, 0.33m), new CreditMemoLineRequest(3, 0.33m))).Value;

        Assert.Equal(0.09m, plan.Memo.Tax.Amount);
        Assert.Equal(0.01m, plan.Invoice.Balance.Amount);
    }

    [Fact]
    public void Plan_TaxCredit_NeverExceedsWhatTheTaxLineHasLeft()
    {
        var invoice = Invoice(1, Charge(1, 100m, taxRate: 0.5m), Tax(2, 8m, 1));
        var plan = Plan(invoice, Request(new CreditMemoLineRequest(1, 100m))).Value;
        Assert.Equal(8m, plan.Memo.Tax.Amount);
        Assert.Equal(0m, plan.Invoice.FindLine(2)!.Creditable.Amount);
    }

    [Fact]
    public void Unapply_TakesBackWhatTheMemoCredited_RemovedPaymentsStayRemoved()
    {
        var invoice = Invoice(1, Charge(1, 100m, paid: 30m, taxRate: 0.08m), Tax(2, 8m, 1));
        var plan = Plan(invoice, Request(new CreditMemoLineRequest(1, 50m))).Value;
        var back = CreditMemoRules.Unapply(plan.Invoice, plan.Memo);

        Assert.All(back.Lines, l => Assert.Equal(0m, l.CreditMemosApplied.Amount));
        Assert.Equal(0m, back.FindLine(1)!.PaymentsApplied.Amount);
        Assert.Equal(108m, back.Balance.Amount);
    }
}
