using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// An invoice of the billing system of record as the ledger keeps it: imported by the host, then changed only by the
/// ledger's own adjustments (credit memos, rebills, voids) and by re-imports of the facts the billing system owns
/// (payments, credits, disputes, state). A rebill is itself an invoice, linked to its predecessor.
/// </summary>
public sealed record Invoice
{
    /// <summary>The client the invoice belongs to.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The account billed.</summary>
    public required AccountNumber Account { get; init; }

    /// <summary>The invoice number (<c>invoice_no</c>), unique per client.</summary>
    public required long InvoiceNo { get; init; }

    /// <summary>The currency of every amount on the invoice.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The bill date: the first day of the billing period it bills in arrears or in advance.</summary>
    public required LocalDate BillDate { get; init; }

    /// <summary>The invoice date (bill date + bill lag days); the bill date when not given.</summary>
    public LocalDate? InvoiceDate { get; init; }

    /// <summary>The due date, when the payment terms or method gave one.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>The first day of the billing period the invoice covers.</summary>
    public required LocalDate PeriodStart { get; init; }

    /// <summary>The day after the last day of the billing period (end exclusive).</summary>
    public required LocalDate PeriodEnd { get; init; }

    /// <summary>The billing group the invoice was billed under.</summary>
    public string? BillingGroup { get; init; }

    /// <summary>The master plan instances the invoice bills.</summary>
    public IReadOnlyList<PlanInstanceNumber> MasterPlanInstances { get; init; } = [];

    /// <summary>Pending, posted or voided.</summary>
    public InvoiceState State { get; init; } = InvoiceState.Posted;

    /// <summary>The amount under dispute: a dispute that covers the balance makes the invoice look fully paid.</summary>
    public decimal DisputedAmount { get; init; }

    /// <summary>Whether any refund-related reversal was applied to the invoice.</summary>
    public bool HasRefundReversal { get; init; }

    /// <summary>Whether the invoice is a child account's invoice under the parent-pay option of an account hierarchy.</summary>
    public bool IsParentPayChild { get; init; }

    /// <summary>The payment method (or terms) the invoice is collected by; a rebill takes the billing group's current one.</summary>
    public string? PaymentMethod { get; init; }

    /// <summary>The lines, in line-number order.</summary>
    public required IReadOnlyList<InvoiceLine> Lines { get; init; }

    /// <summary>On a rebill, the predecessor's invoice number (<c>orig_invoice_no</c>), which may itself be a rebill.</summary>
    public long? OriginalInvoiceNo { get; init; }

    /// <summary>On a rebill, its number from the client's rebill sequence (<c>rb_no</c>).</summary>
    public string? RebillNumber { get; init; }

    /// <summary>On a rebill, the reason code it was made with (<c>rb_reason_cd</c>).</summary>
    public string? RebillReasonCode { get; init; }

    /// <summary>On a rebilled invoice, the invoice number of its rebill.</summary>
    public long? RebilledBy { get; init; }

    /// <summary>On a rebilled invoice, whether its rebill was voided: then the invoice cannot be rebilled again.</summary>
    public bool RebillVoided { get; init; }

    /// <summary>The ledger's version of the invoice, raised by every write (compare-and-swap).</summary>
    public long Version { get; init; }

    /// <summary>Whether this invoice is a rebill (<c>rb_flag</c> 1).</summary>
    public bool IsRebill => OriginalInvoiceNo is not null;

    /// <summary>Whether this invoice has been rebilled (<c>rb_status</c> 1).</summary>
    public bool IsRebilled => RebilledBy is not null;

    /// <summary>The invoice date, or the bill date when none was given.</summary>
    public LocalDate EffectiveInvoiceDate => InvoiceDate ?? BillDate;

    /// <summary>The sum of the lines.</summary>
    public Money Total => Sum(static line => line.Amount);

    /// <summary>What is still owed: the sum of the lines' balances.</summary>
    public Money Balance => Sum(static line => line.Balance);

    /// <summary>Whether nothing is owed, or the dispute covers what is: the invoice looks fully paid.</summary>
    public bool LooksFullyPaid => Balance.Amount - DisputedAmount <= 0m;

    /// <summary>The line numbered <paramref name="lineNo"/>, or <see langword="null"/>.</summary>
    public InvoiceLine? FindLine(int lineNo)
    {
        foreach (var line in Lines)
        {
            if (line.LineNo == lineNo)
            {
                return line;
            }
        }

        return null;
    }

    private Money Sum(Func<InvoiceLine, Money> amount) => MoneySum.Of(Lines, Currency, amount);
}
