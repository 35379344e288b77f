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

    /// <summary>A credit memo's idempotency key was already used for a memo on another invoice.</summary>
    public static AriaErrorCode IdempotencyKeyReused { get; } = AriaErrorCode.Symbolic("IDEMPOTENCY_KEY_REUSED");

    /// <summary><c>rb_option</c> is not 0, 1 or 2.</summary>
    public static AriaErrorCode InvalidRebillOption { get; } = AriaErrorCode.Symbolic("INVALID_RB_OPTION");

    /// <summary>The ledger kept changing under the adjustment (other writers); try again.</summary>
    public static AriaErrorCode LedgerBusy { get; } = AriaErrorCode.Symbolic("LEDGER_BUSY");

    // Payment terms, payment reminders and the taxable address (spec: release-6.50.txt, Enhanced Payment Terms DEV-7151,
    // Enhanced Payment Methods DEV-7182, Enhanced Payment Terms - API DEV-7151).

    /// <summary>A payment term's name or client-defined id holds a control character (names are shown and matched as given).</summary>
    public static AriaErrorCode PaymentTermNameNotValid { get; } = AriaErrorCode.Symbolic("PAYMENT_TERM_NAME_NOT_VALID");

    /// <summary>The client already has payment terms with this name (<c>pmt_terms_name</c>): names identify terms.</summary>
    public static AriaErrorCode PaymentTermNameTaken { get; } = AriaErrorCode.Symbolic("PAYMENT_TERM_NAME_TAKEN");

    /// <summary>The client already has payment terms with this client-defined id (<c>client_pmt_term_id</c>, by default the name).</summary>
    public static AriaErrorCode ClientPaymentTermIdTaken { get; } = AriaErrorCode.Symbolic("CLIENT_PAYMENT_TERM_ID_TAKEN");

    /// <summary><c>pmt_terms_type</c> is neither 0 (Net Terms) nor 1 (EAN/GLN).</summary>
    public static AriaErrorCode InvalidPaymentTermsType { get; } = AriaErrorCode.Symbolic("INVALID_PAYMENT_TERMS_TYPE");

    /// <summary><c>days_until_due_method</c> is neither "invoice" nor "current month".</summary>
    public static AriaErrorCode InvalidDaysUntilDueMethod { get; } = AriaErrorCode.Symbolic("INVALID_DAYS_UNTIL_DUE_METHOD");

    /// <summary><c>days_until_due</c> is negative.</summary>
    public static AriaErrorCode DaysUntilDueNegative { get; } = AriaErrorCode.Symbolic("DAYS_UNTIL_DUE_NEGATIVE");

    /// <summary><c>surcharge_applicable</c> is true without a (positive) <c>surcharge_no</c>.</summary>
    public static AriaErrorCode SurchargeNumberRequired { get; } = AriaErrorCode.Symbolic("SURCHARGE_NUMBER_REQUIRED");

    /// <summary>More than three payment reminder rows (Payment Reminders 01, 02 and 03).</summary>
    public static AriaErrorCode TooManyPaymentReminders { get; } = AriaErrorCode.Symbolic("TOO_MANY_PAYMENT_REMINDERS");

    /// <summary>A payment reminder row's number (<c>pmt_reminder_tmplt_no</c>) is not 1, 2 or 3.</summary>
    public static AriaErrorCode PaymentReminderNumberNotValid { get; } = AriaErrorCode.Symbolic("PAYMENT_REMINDER_NUMBER_NOT_VALID");

    /// <summary>Two payment reminder rows have the same number.</summary>
    public static AriaErrorCode DuplicatePaymentReminder { get; } = AriaErrorCode.Symbolic("DUPLICATE_PAYMENT_REMINDER");

    /// <summary><c>pmt_reminder_days_until_notification</c> is negative (it counts days after the bill date).</summary>
    public static AriaErrorCode PaymentReminderDaysNegative { get; } = AriaErrorCode.Symbolic("PAYMENT_REMINDER_DAYS_NEGATIVE");

    /// <summary>
    /// <c>pmt_reminder_notification_list</c> is not one of Default, Administrative, Billing (API: Statement) or All (API: Both).
    /// </summary>
    public static AriaErrorCode InvalidReminderRecipients { get; } = AriaErrorCode.Symbolic("INVALID_REMINDER_RECIPIENTS");

    /// <summary>
    /// A warning, not an error: a payment reminder is sent on or after the days until due, where the manual recommends
    /// fewer days (a reminder is never sent while the account is in dunning).
    /// </summary>
    public static AriaErrorCode PaymentReminderNotBeforeDue { get; } = AriaErrorCode.Symbolic("PAYMENT_REMINDER_NOT_BEFORE_DUE");

    /// <summary>No payment terms of the client have the number, name or client-defined id given.</summary>
    public static AriaErrorCode PaymentTermNotFound { get; } = AriaErrorCode.Symbolic("PAYMENT_TERM_NOT_FOUND");

    /// <summary>The payment terms were assigned to a billing group at some time: they cannot be deleted (<c>delete_payment_terms_m</c>).</summary>
    public static AriaErrorCode PaymentTermAssigned { get; } = AriaErrorCode.Symbolic("PAYMENT_TERM_ASSIGNED");

    /// <summary><c>payment_option</c> is neither "Methods" nor "Terms".</summary>
    public static AriaErrorCode InvalidPaymentOption { get; } = AriaErrorCode.Symbolic("INVALID_PAYMENT_OPTION");

    /// <summary>The billing group pays by EAN/GLN terms without an <c>ean_gln_num</c>.</summary>
    public static AriaErrorCode EanGlnNumberRequired { get; } = AriaErrorCode.Symbolic("EAN_GLN_NUMBER_REQUIRED");

    /// <summary>The billing group pays by EAN/GLN terms without an <c>ean_gln_requisition_num</c>.</summary>
    public static AriaErrorCode EanGlnRequisitionNumberRequired { get; } = AriaErrorCode.Symbolic("EAN_GLN_REQUISITION_NUMBER_REQUIRED");

    /// <summary><c>payments_returned</c> is not 1 (terms), 2 (methods) or 3 (both).</summary>
    public static AriaErrorCode InvalidPaymentsReturned { get; } = AriaErrorCode.Symbolic("INVALID_PAYMENTS_RETURNED");

    /// <summary>None of the contacts in the client's taxable-address order has a valid tax address.</summary>
    public static AriaErrorCode TaxableAddressNotFound { get; } = AriaErrorCode.Symbolic("TAXABLE_ADDRESS_NOT_FOUND");
}
