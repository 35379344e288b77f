namespace Aria.Billing.Invoicing;

/// <summary>
/// The codes of the invoicing rules (spec: release-6.50.txt, Credit Memo/Rebills DEV-6906, Enhanced Payment Terms
/// DEV-7151, Enhanced Payment Methods DEV-7182). The manual states these rules without numbering them, so each has a
/// symbolic code naming the rule; a missing required input is 1010, as everywhere in the spec.
/// </summary>
public static class InvoicingErrorCodes
{
    /// <summary>1010: a required input is missing (reason code, comment, lines …).</summary>
    public static AriaErrorCode MissingRequiredParameter => AriaErrorCodes.MissingRequiredParameter;

    /// <summary>The invoice is not in the ledger.</summary>
    public static AriaErrorCode InvoiceNotFound { get; } = AriaErrorCode.Symbolic("INVOICE_NOT_FOUND");

    /// <summary>An invoice with this number is already in the ledger (import).</summary>
    public static AriaErrorCode InvoiceAlreadyExists { get; } = AriaErrorCode.Symbolic("INVOICE_ALREADY_EXISTS");

    /// <summary>The invoice as given is not consistent (amounts, currencies, lines, period); the message says what.</summary>
    public static AriaErrorCode InvoiceNotValid { get; } = AriaErrorCode.Symbolic("INVOICE_NOT_VALID");

    /// <summary>The invoice is fully paid, or a dispute makes it look so (credit memo); fully paid and not disputed (rebill).</summary>
    public static AriaErrorCode InvoiceFullyPaid { get; } = AriaErrorCode.Symbolic("INVOICE_FULLY_PAID");

    /// <summary>The invoice has a refund-related reversal.</summary>
    public static AriaErrorCode InvoiceHasRefundReversal { get; } = AriaErrorCode.Symbolic("INVOICE_HAS_REFUND_REVERSAL");

    /// <summary>The invoice has already been rebilled: adjust its rebill instead.</summary>
    public static AriaErrorCode InvoiceAlreadyRebilled { get; } = AriaErrorCode.Symbolic("INVOICE_ALREADY_REBILLED");

    /// <summary>The invoice's rebill was voided: it cannot be rebilled again (rebill the rebill rather than void it).</summary>
    public static AriaErrorCode InvoiceRebillVoided { get; } = AriaErrorCode.Symbolic("INVOICE_REBILL_VOIDED");

    /// <summary>The invoice is voided.</summary>
    public static AriaErrorCode InvoiceVoided { get; } = AriaErrorCode.Symbolic("INVOICE_VOIDED");

    /// <summary>The invoice is a child account's invoice under the parent-pay option.</summary>
    public static AriaErrorCode InvoiceIsParentPayChild { get; } = AriaErrorCode.Symbolic("INVOICE_IS_PARENT_PAY_CHILD");

    /// <summary>The invoice is pending.</summary>
    public static AriaErrorCode InvoicePending { get; } = AriaErrorCode.Symbolic("INVOICE_PENDING");

    /// <summary>The invoice has no line a credit memo can be applied to.</summary>
    public static AriaErrorCode InvoiceHasNoCreditableLine { get; } = AriaErrorCode.Symbolic("INVOICE_HAS_NO_CREDITABLE_LINE");

    /// <summary>The invoice has a credit memo that is not voided: void the credit memos first.</summary>
    public static AriaErrorCode InvoiceHasCreditMemo { get; } = AriaErrorCode.Symbolic("INVOICE_HAS_CREDIT_MEMO");

    /// <summary>A master plan instance of the invoice has left the billing group it was in on the invoice (rebill).</summary>
    public static AriaErrorCode PlanInstanceLeftBillingGroup { get; } = AriaErrorCode.Symbolic("PLAN_INSTANCE_LEFT_BILLING_GROUP");

    /// <summary>The invoice is of the current billing cycle, full or prorated (rebill).</summary>
    public static AriaErrorCode InvoiceInCurrentBillingCycle { get; } = AriaErrorCode.Symbolic("INVOICE_IN_CURRENT_BILLING_CYCLE");

    /// <summary>The reason code is unknown, or not of the type the adjustment needs (Credit Memo or Rebill).</summary>
    public static AriaErrorCode InvalidReasonCode { get; } = AriaErrorCode.Symbolic("INVALID_REASON_CODE");

    /// <summary>The line is not on the invoice, or not a charge line (tax is credited through the tax calculator, never rebilled).</summary>
    public static AriaErrorCode InvoiceLineNotFound { get; } = AriaErrorCode.Symbolic("INVOICE_LINE_NOT_FOUND");

    /// <summary>A line is named twice in one request.</summary>
    public static AriaErrorCode DuplicateInvoiceLine { get; } = AriaErrorCode.Symbolic("DUPLICATE_INVOICE_LINE");

    /// <summary>A credit memo line's amount is not greater than zero.</summary>
    public static AriaErrorCode CreditAmountNotPositive { get; } = AriaErrorCode.Symbolic("CREDIT_AMOUNT_NOT_POSITIVE");

    /// <summary>A credit memo line's amount exceeds the line amount less the credits and credit memos already applied.</summary>
    public static AriaErrorCode CreditAmountExceedsLine { get; } = AriaErrorCode.Symbolic("CREDIT_AMOUNT_EXCEEDS_LINE");

    /// <summary>An amount has more decimals than the invoice's currency allows.</summary>
    public static AriaErrorCode AmountNotInMinorUnits { get; } = AriaErrorCode.Symbolic("AMOUNT_NOT_IN_MINOR_UNITS");

    /// <summary>The credit memo is not in the ledger.</summary>
    public static AriaErrorCode CreditMemoNotFound { get; } = AriaErrorCode.Symbolic("CREDIT_MEMO_NOT_FOUND");

    /// <summary>The credit memo is already voided.</summary>
    public static AriaErrorCode CreditMemoAlreadyVoided { get; } = AriaErrorCode.Symbolic("CREDIT_MEMO_ALREADY_VOIDED");

    /// <summary>The credit memo was made by a rebill: it is voided with its rebill, not alone.</summary>
    public static AriaErrorCode CreditMemoBelongsToRebill { get; } = AriaErrorCode.Symbolic("CREDIT_MEMO_BELONGS_TO_REBILL");

    /// <summary>A rebill line's units are negative, or not whole on a line that is not usage.</summary>
    public static AriaErrorCode RebillUnitsNotValid { get; } = AriaErrorCode.Symbolic("REBILL_UNITS_NOT_VALID");

    /// <summary>A rebill line's rate is negative or exceeds the original line's amount.</summary>
    public static AriaErrorCode RebillRateNotValid { get; } = AriaErrorCode.Symbolic("REBILL_RATE_NOT_VALID");

    /// <summary>
    /// A rebilled line's amount exceeds the original line's amount, or is below what credits and credit memos already
    /// cover on it, so the credit memo for the difference could not be made.
    /// </summary>
    public static AriaErrorCode RebillAmountNotValid { get; } = AriaErrorCode.Symbolic("REBILL_AMOUNT_NOT_VALID");

    /// <summary>The service of an order-based or usage-based line cannot be changed on a rebill.</summary>
    public static AriaErrorCode RebillServiceNotChangeable { get; } = AriaErrorCode.Symbolic("REBILL_SERVICE_NOT_CHANGEABLE");

    /// <summary>A rebill may change a line's service only to a service of the same type.</summary>
    public static AriaErrorCode RebillServiceTypeMismatch { get; } = AriaErrorCode.Symbolic("REBILL_SERVICE_TYPE_MISMATCH");

    /// <summary>The client's credit memo or rebill sequence has no number left within its digit count.</summary>
    public static AriaErrorCode SequenceExhausted { get; } = AriaErrorCode.Symbolic("SEQUENCE_EXHAUSTED");

    /// <summary><c>rb_option</c> is not 0, 1 or 2.</summary>
    public static AriaErrorCode InvalidRebillOption { get; } = AriaErrorCode.Symbolic("INVALID_RB_OPTION");

    /// <summary>The ledger kept changing under the adjustment (other writers); try again.</summary>
    public static AriaErrorCode LedgerBusy { get; } = AriaErrorCode.Symbolic("LEDGER_BUSY");
}
