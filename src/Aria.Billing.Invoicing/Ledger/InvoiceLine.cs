namespace Aria.Billing.Invoicing;

/// <summary>
/// One line of an invoice in the ledger: what was billed, and what has been applied against it. A line is never
/// over-applied: payments, credits and credit memos together stay within its amount.
/// </summary>
public sealed record InvoiceLine
{
    private Money _payments;
    private Money _credits;
    private Money _memos;

    /// <summary>The line's number on its invoice (1, 2, …); unique within the invoice.</summary>
    public required int LineNo { get; init; }

    /// <summary>A charge, or tax.</summary>
    public InvoiceLineKind Kind { get; init; }

    /// <summary>The type of the billed service (charge lines).</summary>
    public ChargeType ChargeType { get; init; }

    /// <summary>The billed service's number.</summary>
    public long ServiceNo { get; init; }

    /// <summary>The billed service's name, as shown on the invoice.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The plan instance the line bills, when it bills one.</summary>
    public PlanInstanceNumber? PlanInstance { get; init; }

    /// <summary>The billed units.</summary>
    public decimal Units { get; init; }

    /// <summary>The rate per unit.</summary>
    public decimal Rate { get; init; }

    /// <summary>The line's amount, rounded to the currency's minor unit; never negative.</summary>
    public required Money Amount { get; init; }

    /// <summary>The tax rate of a charge line (0.08 for 8 %), which the default tax calculator credits at.</summary>
    public decimal TaxRate { get; init; }

    /// <summary>For a tax line, the charge line it taxes; <see langword="null"/> for tax on the invoice as a whole.</summary>
    public int? TaxedLineNo { get; init; }

    /// <summary>Payments applied to the line (zero when unset).</summary>
    public Money PaymentsApplied { get => OrZero(_payments); init => _payments = value; }

    /// <summary>Credits (service and cash credits) applied to the line (zero when unset).</summary>
    public Money CreditsApplied { get => OrZero(_credits); init => _credits = value; }

    /// <summary>Credit memos applied to the line, voided memos excluded (zero when unset).</summary>
    public Money CreditMemosApplied { get => OrZero(_memos); init => _memos = value; }

    /// <summary>The purchase order number the line carries.</summary>
    public string? PurchaseOrder { get; init; }

    /// <summary>On a rebill, the number of the predecessor's line it rebills.</summary>
    public int? OriginalLineNo { get; init; }

    /// <summary>On a rebilled invoice, whether this line was left out of the rebill (<c>rb_excluded</c>): tax lines always are.</summary>
    public bool RebillExcluded { get; init; }

    /// <summary>The comment entered on the line of a rebill (<c>rb_line_comments</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>The line's <c>line_type</c>: tax for a tax line, else the charge type's (recurring 1, activation 5, usage 6, recurring arrears 7, order 8, surcharge 9).</summary>
    public LineType LineType => Kind == InvoiceLineKind.Tax ? LineType.TaxCharge : ChargeType switch
    {
        ChargeType.Usage => LineType.UsageCharge,
        ChargeType.Activation => LineType.ActivationCharge,
        ChargeType.Order => LineType.OrderCharge,
        ChargeType.RecurringArrears => LineType.RecurringArrearsCharge,
        ChargeType.Surcharge => LineType.Surcharge,
        _ => LineType.RecurringCharge,
    };

    /// <summary>What a credit memo may still credit on the line: its amount less credits and credit memos already applied.</summary>
    public Money Creditable => Amount - CreditsApplied - CreditMemosApplied;

    /// <summary>What is still owed on the line.</summary>
    public Money Balance => Amount - PaymentsApplied - CreditsApplied - CreditMemosApplied;

    /// <summary>An amount left unset is zero in the line's currency.</summary>
    private Money OrZero(Money applied) => applied.Currency.Code is null ? Money.Zero(Amount.Currency) : applied;
}
