using System.Globalization;
using Aria.Billing.Invoicing;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// An invoice of the billing system of record, imported into the ledger (<c>PUT /invoicing/invoices/{invoice_no}</c>).
/// Enumerations are given by name (<c>posted</c>, <c>recurring</c>, <c>tax</c> …); dates as yyyy-MM-dd; amounts as
/// numbers in the invoice's currency.
/// </summary>
/// <param name="AccountNo">The account billed; required.</param>
/// <param name="Currency">The ISO 4217 code of every amount; required.</param>
/// <param name="BillDate">The bill date; required.</param>
/// <param name="InvoiceDate">The invoice date; the bill date when absent.</param>
/// <param name="DueDate">The due date, if the terms gave one.</param>
/// <param name="PeriodStart">The first day of the billing period; required.</param>
/// <param name="PeriodEnd">The day after its last day; required.</param>
/// <param name="BillingGroup">The billing group the invoice was billed under.</param>
/// <param name="MasterPlanInstances">The master plan instances the invoice bills.</param>
/// <param name="State"><c>pending</c>, <c>posted</c> (the default) or <c>voided</c>.</param>
/// <param name="DisputedAmount">The amount under dispute.</param>
/// <param name="HasRefundReversal">Whether a refund-related reversal was applied.</param>
/// <param name="IsParentPayChild">Whether it is a child account's invoice under parent pay.</param>
/// <param name="PaymentMethod">The payment method or terms it is collected by.</param>
/// <param name="Lines">The lines; at least one.</param>
public sealed record ImportInvoiceDto(
    long? AccountNo, string? Currency, string? BillDate, string? InvoiceDate, string? DueDate, string? PeriodStart, string? PeriodEnd,
    string? BillingGroup, IReadOnlyList<long?>? MasterPlanInstances, string? State, decimal? DisputedAmount, bool? HasRefundReversal,
    bool? IsParentPayChild, string? PaymentMethod, IReadOnlyList<ImportInvoiceLineDto?>? Lines);

/// <summary>One line of an imported invoice.</summary>
/// <param name="LineNo">The line number, unique on the invoice; required.</param>
/// <param name="Kind"><c>charge</c> (the default) or <c>tax</c>.</param>
/// <param name="ChargeType"><c>recurring</c> (the default), <c>usage</c>, <c>activation</c>, <c>order</c> or <c>other</c>.</param>
/// <param name="ServiceNo">The billed service's number.</param>
/// <param name="ServiceName">The billed service's name.</param>
/// <param name="PlanInstanceNo">The plan instance the line bills.</param>
/// <param name="Units">The units; 1 when absent.</param>
/// <param name="Rate">The rate per unit; the amount when absent.</param>
/// <param name="Amount">The line's amount; required.</param>
/// <param name="TaxRate">A charge line's tax rate (0.08 for 8 %), from 0 to 1.</param>
/// <param name="TaxedLineNo">A tax line's charge line; none for tax on the whole invoice.</param>
/// <param name="PaymentsApplied">Payments applied to the line.</param>
/// <param name="CreditsApplied">Credits applied to the line.</param>
/// <param name="PurchaseOrder">The line's purchase order number.</param>
public sealed record ImportInvoiceLineDto(
    int? LineNo, string? Kind, string? ChargeType, long? ServiceNo, string? ServiceName, long? PlanInstanceNo, decimal? Units, decimal? Rate,
    decimal? Amount, decimal? TaxRate, int? TaxedLineNo, decimal? PaymentsApplied, decimal? CreditsApplied, string? PurchaseOrder);

/// <summary>A credit memo to make on an invoice (<c>create_cm_m</c>).</summary>
/// <param name="ReasonCode">A reason code of type Credit Memo; required.</param>
/// <param name="Comments">Why the memo is issued; required.</param>
/// <param name="IdempotencyKey">Any text up to 100 characters (or send the <c>Idempotency-Key</c> header): the same key returns the memo made the first time.</param>
/// <param name="LineItems">The charge lines to credit; at least one.</param>
public sealed record CreateCreditMemoDto(string? ReasonCode, string? Comments, string? IdempotencyKey, IReadOnlyList<CreditMemoLineItemDto?>? LineItems);

/// <summary>One line of a credit memo request.</summary>
/// <param name="LineNo">The invoice's charge line; required.</param>
/// <param name="LineAmount">The amount to credit: above 0, at most what the line has creditable; required.</param>
/// <param name="Comments">A comment for the line.</param>
public sealed record CreditMemoLineItemDto(int? LineNo, decimal? LineAmount, string? Comments);

/// <summary>A rebill of an invoice (<c>gen_rb_m</c>); lines not named are rebilled as they were.</summary>
/// <param name="ReasonCode">A reason code of type Rebill; required.</param>
/// <param name="Comments">Why the invoice is rebilled; required.</param>
/// <param name="RebillInvoiceNo">The rebill's invoice number when the billing system issued it; else the next above the client's highest.</param>
/// <param name="Recipient">Who receives the rebill instead of the statement, billing or account contact.</param>
/// <param name="LineItems">The changes to lines.</param>
public sealed record RebillDto(string? ReasonCode, string? Comments, long? RebillInvoiceNo, string? Recipient, IReadOnlyList<RebillLineItemDto?>? LineItems);

/// <summary>What a rebill changes on one charge line.</summary>
/// <param name="LineNo">The original's charge line; required.</param>
/// <param name="Units">The units to rebill (whole unless usage).</param>
/// <param name="Rate">The rate per unit to rebill, at most the line's amount.</param>
/// <param name="ServiceNo">A service of the same type to bill instead (not for order- or usage-based lines).</param>
/// <param name="ServiceChargeType">That service's type; required with <paramref name="ServiceNo"/>.</param>
/// <param name="ServiceName">That service's name.</param>
/// <param name="Exclude">Leave the line out of the rebill (it is credited in full).</param>
/// <param name="PurchaseOrder">A purchase order number for the line.</param>
/// <param name="Comments">A comment on the rebill line (<c>rb_line_comments</c>).</param>
public sealed record RebillLineItemDto(
    int? LineNo, decimal? Units, decimal? Rate, long? ServiceNo, string? ServiceChargeType, string? ServiceName, bool? Exclude, string? PurchaseOrder, string? Comments);

/// <summary>
/// An invoice in the ledger (<c>get_invoice_details_m</c>, an entry of <c>get_invoice_history_m</c>), with its rebill fields:
/// <c>rb_flag</c> 1 on a rebill, <c>rb_status</c> 1 once rebilled, <c>orig_invoice_no</c> the predecessor, <c>rb_no</c> the rebill's number.
/// </summary>
/// <param name="InvoiceNo">The invoice number.</param>
/// <param name="AccountNo">The account.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="BillDate">The bill date.</param>
/// <param name="InvoiceDate">The invoice date as given (null: the bill date).</param>
/// <param name="DueDate">The due date.</param>
/// <param name="PeriodStart">The billing period's first day.</param>
/// <param name="PeriodEnd">The day after its last.</param>
/// <param name="BillingGroup">The billing group it was billed under.</param>
/// <param name="MasterPlanInstances">The master plan instances it bills.</param>
/// <param name="State">Pending, posted or voided.</param>
/// <param name="DisputedAmount">The amount under dispute.</param>
/// <param name="HasRefundReversal">Whether a refund-related reversal was applied.</param>
/// <param name="IsParentPayChild">Whether it is a child invoice under parent pay.</param>
/// <param name="PaymentMethod">The payment method it is collected by.</param>
/// <param name="Total">The sum of the lines.</param>
/// <param name="Balance">What is still owed.</param>
/// <param name="RbFlag">1 when the invoice is a rebill, else 0.</param>
/// <param name="RbStatus">1 when the invoice has been rebilled, else 0.</param>
/// <param name="OrigInvoiceNo">On a rebill, its predecessor (which may itself be a rebill).</param>
/// <param name="RbNo">On a rebill, its number from the client's rebill sequence.</param>
/// <param name="RbReasonCd">On a rebill, its reason code.</param>
/// <param name="RebilledBy">On a rebilled invoice, its rebill's invoice number.</param>
/// <param name="RebillVoided">On a rebilled invoice, whether its rebill was voided (it cannot be rebilled again).</param>
/// <param name="Version">The ledger's version of the invoice.</param>
/// <param name="Lines">The lines.</param>
public sealed record InvoiceDto(
    long InvoiceNo, long AccountNo, string Currency, string BillDate, string? InvoiceDate, string? DueDate, string PeriodStart, string PeriodEnd,
    string? BillingGroup, IReadOnlyList<long> MasterPlanInstances, InvoiceState State, decimal DisputedAmount, bool HasRefundReversal,
    bool IsParentPayChild, string? PaymentMethod, decimal Total, decimal Balance, int RbFlag, int RbStatus, long? OrigInvoiceNo, string? RbNo,
    string? RbReasonCd, long? RebilledBy, bool RebillVoided, long Version, IReadOnlyList<InvoiceLineDto> Lines)
{
    /// <summary>The invoice.</summary>
    public static InvoiceDto From(Invoice i) => new(
        i.InvoiceNo, i.Account.Value, i.Currency.Code, Dates.Day(i.BillDate), Dates.Day(i.InvoiceDate), Dates.Day(i.DueDate), Dates.Day(i.PeriodStart),
        Dates.Day(i.PeriodEnd), i.BillingGroup, [.. i.MasterPlanInstances.Select(static p => p.Value)], i.State, i.DisputedAmount, i.HasRefundReversal,
        i.IsParentPayChild, i.PaymentMethod, i.Total.Amount, i.Balance.Amount, i.IsRebill ? 1 : 0, i.IsRebilled ? 1 : 0, i.OriginalInvoiceNo,
        i.RebillNumber, i.RebillReasonCode, i.RebilledBy, i.RebillVoided, i.Version, [.. i.Lines.Select(InvoiceLineDto.From)]);
}

/// <summary>A line of an invoice and what is applied to it.</summary>
/// <param name="LineNo">The line number.</param>
/// <param name="Kind">Charge or tax.</param>
/// <param name="ChargeType">The billed service's type.</param>
/// <param name="ServiceNo">The billed service's number.</param>
/// <param name="ServiceName">The billed service's name.</param>
/// <param name="PlanInstanceNo">The plan instance billed.</param>
/// <param name="Units">The units.</param>
/// <param name="Rate">The rate per unit.</param>
/// <param name="Amount">The line's amount.</param>
/// <param name="TaxRate">A charge line's tax rate.</param>
/// <param name="TaxedLineNo">A tax line's charge line.</param>
/// <param name="PaymentsApplied">Payments applied.</param>
/// <param name="CreditsApplied">Credits applied.</param>
/// <param name="CreditMemosApplied">Credit memos applied (voided ones excluded).</param>
/// <param name="Creditable">What a credit memo may still credit: amount less credits and credit memos.</param>
/// <param name="Balance">What is still owed on the line.</param>
/// <param name="PurchaseOrder">The purchase order number.</param>
/// <param name="OrigLineNo">On a rebill, the predecessor's line it rebills.</param>
/// <param name="RbExcluded">On a rebilled invoice, 1 when the line was not rebilled (tax lines never are), else 0.</param>
/// <param name="RbLineComments">The comment entered on a rebill line.</param>
public sealed record InvoiceLineDto(
    int LineNo, InvoiceLineKind Kind, ChargeType ChargeType, long ServiceNo, string? ServiceName, long? PlanInstanceNo, decimal Units, decimal Rate,
    decimal Amount, decimal TaxRate, int? TaxedLineNo, decimal PaymentsApplied, decimal CreditsApplied, decimal CreditMemosApplied, decimal Creditable,
    decimal Balance, string? PurchaseOrder, int? OrigLineNo, int RbExcluded, string? RbLineComments)
{
    /// <summary>The line.</summary>
    public static InvoiceLineDto From(InvoiceLine l) => new(
        l.LineNo, l.Kind, l.ChargeType, l.ServiceNo, l.ServiceName, l.PlanInstance?.Value, l.Units, l.Rate, l.Amount.Amount, l.TaxRate, l.TaxedLineNo,
        l.PaymentsApplied.Amount, l.CreditsApplied.Amount, l.CreditMemosApplied.Amount, l.Creditable.Amount, l.Balance.Amount, l.PurchaseOrder,
        l.OriginalLineNo, l.RebillExcluded ? 1 : 0, l.Comment);
}

/// <summary>The charge lines of an invoice a credit memo may credit (<c>get_invoice_cm_details_m</c>).</summary>
/// <param name="InvoiceNo">The invoice.</param>
/// <param name="Currency">The currency of the amounts.</param>
/// <param name="Lines">Each non-tax charge line with something left to credit, and the most a memo may credit there.</param>
public sealed record CreditableLinesDto(long InvoiceNo, string Currency, IReadOnlyList<CreditableLineDto> Lines);

/// <summary>A charge line a credit memo may credit.</summary>
/// <param name="Line">The line.</param>
/// <param name="MaxAmount">The line amount less the credits and credit memos already applied.</param>
public sealed record CreditableLineDto(InvoiceLineDto Line, decimal MaxAmount);

/// <summary>A credit memo (<c>get_cm_details_m</c>).</summary>
/// <param name="CreditMemoNo">The memo's number, with the client's prefix or suffix.</param>
/// <param name="Sequence">Its number in the client's credit memo sequence.</param>
/// <param name="Id">Its identity (the idempotency key it was made with).</param>
/// <param name="InvoiceNo">The invoice credited.</param>
/// <param name="AccountNo">The account.</param>
/// <param name="Currency">The currency.</param>
/// <param name="ReasonCode">The reason code.</param>
/// <param name="Comments">Why it was issued.</param>
/// <param name="State">Active or voided.</param>
/// <param name="Amount">The amount credited on charge lines.</param>
/// <param name="Tax">The tax credited.</param>
/// <param name="Total">Amount and tax.</param>
/// <param name="CreatedAt">When it was made (ISO 8601).</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="VoidedAt">When it was voided.</param>
/// <param name="VoidedBy">Who voided it.</param>
/// <param name="RebillInvoiceNo">For the memo a rebill made, the rebill.</param>
/// <param name="Version">The ledger's version of the memo.</param>
/// <param name="Lines">The lines credited.</param>
/// <param name="Removed">The payments and credits it removed, per invoice line.</param>
public sealed record CreditMemoDto(
    string CreditMemoNo, long Sequence, Guid Id, long InvoiceNo, long AccountNo, string Currency, string ReasonCode, string Comments, CreditMemoState State,
    decimal Amount, decimal Tax, decimal Total, string CreatedAt, string CreatedBy, string? VoidedAt, string? VoidedBy, long? RebillInvoiceNo, long Version,
    IReadOnlyList<CreditMemoLineDto> Lines, IReadOnlyList<RemovedApplicationDto> Removed)
{
    /// <summary>The memo.</summary>
    public static CreditMemoDto From(CreditMemo m) => new(
        m.Number, m.Sequence, m.Id, m.InvoiceNo, m.Account.Value, m.Currency.Code, m.ReasonCode, m.Comment, m.State, m.Amount.Amount, m.Tax.Amount,
        m.Total.Amount, Dates.Moment(m.CreatedAt), m.CreatedBy, m.VoidedAt is { } at ? Dates.Moment(at) : null, m.VoidedBy, m.RebillInvoiceNo, m.Version,
        [.. m.Lines.Select(static l => new CreditMemoLineDto(l.LineNo, l.Amount.Amount, l.Tax.Amount, [.. l.TaxCredits.Select(static t => new AppliedAmountDto(t.LineNo, t.Amount.Amount))], l.Comment))],
        [.. m.Removed.Select(static r => new RemovedApplicationDto(r.LineNo, r.Payments.Amount, r.Credits.Amount))]);
}

/// <summary>What a credit memo credits on one charge line.</summary>
/// <param name="LineNo">The charge line.</param>
/// <param name="Amount">The amount credited there.</param>
/// <param name="Tax">The tax credited with it.</param>
/// <param name="TaxCredits">That tax, per tax line.</param>
/// <param name="Comments">The line's comment.</param>
public sealed record CreditMemoLineDto(int LineNo, decimal Amount, decimal Tax, IReadOnlyList<AppliedAmountDto> TaxCredits, string? Comments);

/// <summary>An amount on one invoice line.</summary>
/// <param name="LineNo">The line.</param>
/// <param name="Amount">The amount.</param>
public sealed record AppliedAmountDto(int LineNo, decimal Amount);

/// <summary>The payments and credits a memo removed from one line.</summary>
/// <param name="LineNo">The line.</param>
/// <param name="Payments">Payments removed.</param>
/// <param name="Credits">Credits removed.</param>
public sealed record RemovedApplicationDto(int LineNo, decimal Payments, decimal Credits);

/// <summary>A notice to send: event 948 (credit memo), 949 (credit memo voided), or a rebill's.</summary>
/// <param name="EventNo">948, 949, or none for a rebill.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="AccountNo">The account.</param>
/// <param name="DocumentNo">The credit memo's or the rebill's number.</param>
/// <param name="RecipientRole">The contact it goes to (statement, billing, account — the first with valid information); none when given explicitly or when no contact is valid.</param>
/// <param name="To">Where it goes; none when no contact has valid information.</param>
/// <param name="Cc">The account's cc addresses.</param>
/// <param name="Bcc">The account's bcc addresses.</param>
public sealed record NoticeDto(int? EventNo, NoticeKind Kind, long AccountNo, string DocumentNo, ContactRole? RecipientRole, string? To, IReadOnlyList<string> Cc, IReadOnlyList<string> Bcc)
{
    /// <summary>The notice.</summary>
    public static NoticeDto From(Notice n) => new(n.EventNo, n.Kind, n.Account.Value, n.DocumentNumber, n.RecipientRole, n.To, n.Cc, n.Bcc);
}

/// <summary>A credit memo made or voided: the memo, its invoice as it is now, and the notice to send.</summary>
/// <param name="CreditMemo">The memo.</param>
/// <param name="Invoice">Its invoice after the change.</param>
/// <param name="Notice">Event 948 (made) or 949 (voided).</param>
public sealed record CreditMemoReceiptDto(CreditMemoDto CreditMemo, InvoiceDto Invoice, NoticeDto Notice)
{
    /// <summary>The receipt.</summary>
    public static CreditMemoReceiptDto From(CreditMemoReceipt r) => new(CreditMemoDto.From(r.Memo), InvoiceDto.From(r.Invoice), NoticeDto.From(r.Notice));
}

/// <summary>A rebill made.</summary>
/// <param name="Rebill">The rebill, with its <c>rb_no</c>.</param>
/// <param name="Original">The rebilled invoice as it is now.</param>
/// <param name="CreditMemo">The credit memo for the difference; none when nothing differed.</param>
/// <param name="Notices">The rebill's notice, and event 948 for its credit memo.</param>
/// <param name="Collect">Whether to collect from the account now (Autocollect on Rebill).</param>
public sealed record RebillReceiptDto(InvoiceDto Rebill, InvoiceDto Original, CreditMemoDto? CreditMemo, IReadOnlyList<NoticeDto> Notices, bool Collect)
{
    /// <summary>The receipt.</summary>
    public static RebillReceiptDto From(RebillReceipt r) => new(
        InvoiceDto.From(r.Rebill), InvoiceDto.From(r.Original), r.CreditMemo is { } m ? CreditMemoDto.From(m) : null, [.. r.Notices.Select(NoticeDto.From)], r.Collect);
}

/// <summary>An invoice voided (<c>void_invoice_m</c>).</summary>
/// <param name="Invoice">The invoice, voided.</param>
/// <param name="Original">For a rebill, its predecessor as it is now (it cannot be rebilled again).</param>
/// <param name="CreditMemo">For a rebill, the credit memo for the difference, voided with it.</param>
public sealed record VoidedInvoiceDto(InvoiceDto Invoice, InvoiceDto? Original, CreditMemoDto? CreditMemo)
{
    /// <summary>The void.</summary>
    public static VoidedInvoiceDto From(VoidedInvoice v) => new(
        InvoiceDto.From(v.Invoice), v.Original is { } o ? InvoiceDto.From(o) : null, v.CreditMemo is { } m ? CreditMemoDto.From(m) : null);
}

/// <summary>How the invoicing DTOs write dates and instants.</summary>
internal static class Dates
{
    internal static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string? Day(LocalDate? date) => date is { } d ? Day(d) : null;

    internal static string Moment(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
