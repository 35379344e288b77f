using System.Globalization;
using Aria.Billing.Invoicing;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.Client;

/// <summary>The invoice ledger of the reference host (<c>/invoicing/…</c>; spec: release-6.50.txt, Credit Memo/Rebills - API).</summary>
public sealed partial class AriaBillingClient
{
    /// <summary>
    /// Imports an invoice of the billing system of record into the host's ledger (<c>PUT /invoicing/invoices/{no}</c>), or
    /// refreshes the facts the billing system owns on one already there (state, due date, dispute, payments and credits
    /// per line …). Idempotent, so safe to repeat. Only those facts are sent: credit memos and rebill links are the ledger's own.
    /// </summary>
    /// <param name="invoice">The invoice; its <see cref="Invoice.Client"/> must be the configured client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invoice as the ledger holds it now, or the host's coded errors (INVOICE_NOT_VALID, INVOICE_ALREADY_EXISTS …).</returns>
    /// <exception cref="ArgumentException">The invoice belongs to another client than the configured one.</exception>
    public Task<AriaResult<Invoice>> ImportInvoiceAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Client.Value != _options.ClientNo)
        {
            throw new ArgumentException($"Invoice {invoice.InvoiceNo} belongs to client {invoice.Client}; this client calls as {_options.ClientNo}.", nameof(invoice));
        }

        var body = new
        {
            account_no = invoice.Account.Value, currency = invoice.Currency.Code, bill_date = Day(invoice.BillDate), invoice_date = Day(invoice.InvoiceDate),
            due_date = Day(invoice.DueDate), period_start = Day(invoice.PeriodStart), period_end = Day(invoice.PeriodEnd), billing_group = invoice.BillingGroup,
            master_plan_instances = invoice.MasterPlanInstances.Select(static p => p.Value), state = invoice.State, disputed_amount = invoice.DisputedAmount,
            has_refund_reversal = invoice.HasRefundReversal, is_parent_pay_child = invoice.IsParentPayChild, payment_method = invoice.PaymentMethod,
            lines = invoice.Lines.Select(static l => new
            {
                line_no = l.LineNo, kind = l.Kind, charge_type = l.ChargeType, service_no = l.ServiceNo == 0 ? (long?)null : l.ServiceNo, service_name = l.ServiceName,
                plan_instance_no = l.PlanInstance?.Value, units = l.Units, rate = l.Rate, amount = l.Amount.Amount, tax_rate = l.TaxRate, taxed_line_no = l.TaxedLineNo,
                payments_applied = l.PaymentsApplied.Amount, credits_applied = l.CreditsApplied.Amount, purchase_order = l.PurchaseOrder,
            }),
        };
        return SendAsync<InvoiceWire, Invoice>(HttpMethod.Put, $"invoicing/invoices/{invoice.InvoiceNo}", body, repeatable: true, ToInvoice, cancellationToken);
    }

    /// <summary>An invoice with its rebill fields (<c>get_invoice_details_m</c>), or INVOICE_NOT_FOUND.</summary>
    /// <param name="invoiceNo">The invoice number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<Invoice>> GetInvoiceAsync(long invoiceNo, CancellationToken cancellationToken = default) =>
        SendAsync<InvoiceWire, Invoice>(HttpMethod.Get, $"invoicing/invoices/{invoiceNo}", null, repeatable: true, ToInvoice, cancellationToken);

    /// <summary>An account's invoices by invoice number (<c>get_invoice_history_m</c>), filtered by <c>rb_option</c>.</summary>
    /// <param name="accountNo">The account.</param>
    /// <param name="option">Every invoice (0, the default), originals only (1), or rebills only (2).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<IReadOnlyList<Invoice>>> GetInvoiceHistoryAsync(long accountNo, RebillOption option = RebillOption.All, CancellationToken cancellationToken = default) =>
        SendAsync<InvoiceWire[], IReadOnlyList<Invoice>>(
            HttpMethod.Get, $"invoicing/accounts/{accountNo}/invoices?rb_option={((int)option).ToString(CultureInfo.InvariantCulture)}", null, repeatable: true,
            invoices => [.. invoices.Select(ToInvoice)], cancellationToken);

    /// <summary>
    /// The non-tax charge lines of an invoice a credit memo may credit, each with the most it may take
    /// (<c>get_invoice_cm_details_m</c>); or why the invoice takes no memo (INVOICE_FULLY_PAID, INVOICE_ALREADY_REBILLED …).
    /// </summary>
    /// <param name="invoiceNo">The invoice number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<IReadOnlyList<CreditableLine>>> GetCreditableLinesAsync(long invoiceNo, CancellationToken cancellationToken = default) =>
        SendAsync<CreditableLinesWire, IReadOnlyList<CreditableLine>>(
            HttpMethod.Get, $"invoicing/invoices/{invoiceNo}/creditable-lines", null, repeatable: true,
            w => [.. w.Lines.Select(l => new CreditableLine(l.Line.ToLine(CurrencyOf(w.Currency)), Money.Of(l.MaxAmount, CurrencyOf(w.Currency))))], cancellationToken);

    /// <summary>
    /// Credits lines of an invoice (<c>create_cm_m</c>): the memo, numbered from the client's sequence, its invoice as it is
    /// now, and the event 948 notice with its recipient. Sent with an idempotency key, so a retried or repeated call returns
    /// the memo made the first time and never credits twice.
    /// </summary>
    /// <param name="invoiceNo">The invoice to credit.</param>
    /// <param name="reasonCode">A reason code of type Credit Memo.</param>
    /// <param name="comment">Why the memo is issued.</param>
    /// <param name="lines">The charge lines and amounts to credit.</param>
    /// <param name="idempotencyKey">The memo's key; a new one per call when omitted (retries of that call still share it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<CreditMemoReceipt>> CreateCreditMemoAsync(
        long invoiceNo, string reasonCode, string comment, IReadOnlyList<CreditMemoLineRequest> lines, Guid? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var body = new
        {
            reason_code = reasonCode, comments = comment, idempotency_key = (idempotencyKey ?? Guid.NewGuid()).ToString(),
            line_items = lines.Select(static l => new { line_no = l.LineNo, line_amount = l.Amount, comments = l.Comment }),
        };
        return SendAsync<CreditMemoReceiptWire, CreditMemoReceipt>(
            HttpMethod.Post, $"invoicing/invoices/{invoiceNo}/credit-memos", body, repeatable: true, ToReceipt, cancellationToken);
    }

    /// <summary>A credit memo by its number (<c>get_cm_details_m</c>), or CREDIT_MEMO_NOT_FOUND.</summary>
    /// <param name="creditMemoNo">The memo's number, e.g. <c>CM-00000042</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<CreditMemo>> GetCreditMemoAsync(string creditMemoNo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creditMemoNo);
        return SendAsync<CreditMemoWire, CreditMemo>(
            HttpMethod.Get, $"invoicing/credit-memos/{Uri.EscapeDataString(creditMemoNo)}", null, repeatable: true, ToMemo, cancellationToken);
    }

    /// <summary>The credit memos of an invoice, voided ones included, in sequence order.</summary>
    /// <param name="invoiceNo">The invoice number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<IReadOnlyList<CreditMemo>>> GetCreditMemosAsync(long invoiceNo, CancellationToken cancellationToken = default) =>
        SendAsync<CreditMemoWire[], IReadOnlyList<CreditMemo>>(
            HttpMethod.Get, $"invoicing/invoices/{invoiceNo}/credit-memos", null, repeatable: true, memos => [.. memos.Select(ToMemo)], cancellationToken);

    /// <summary>
    /// Voids a credit memo (<c>void_credit_memo_m</c>): its invoice takes back what it credited, and the receipt carries the
    /// event 949 notice. Sent once (a repeat is CREDIT_MEMO_ALREADY_VOIDED).
    /// </summary>
    /// <param name="creditMemoNo">The memo's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<CreditMemoReceipt>> VoidCreditMemoAsync(string creditMemoNo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(creditMemoNo);
        return SendAsync<CreditMemoReceiptWire, CreditMemoReceipt>(
            HttpMethod.Post, $"invoicing/credit-memos/{Uri.EscapeDataString(creditMemoNo)}/void", null, repeatable: false, ToReceipt, cancellationToken);
    }

    /// <summary>
    /// Voids an invoice (<c>void_invoice_m</c>); refused with INVOICE_HAS_CREDIT_MEMO while a credit memo on it is not voided.
    /// Voiding a rebill voids its credit memo for the difference too. Sent once.
    /// </summary>
    /// <param name="invoiceNo">The invoice number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<VoidedInvoice>> VoidInvoiceAsync(long invoiceNo, CancellationToken cancellationToken = default) =>
        SendAsync<VoidedInvoiceWire, VoidedInvoice>(
            HttpMethod.Post, $"invoicing/invoices/{invoiceNo}/void", null, repeatable: false,
            w => new VoidedInvoice(ToInvoice(w.Invoice), w.Original is { } o ? ToInvoice(o) : null, w.CreditMemo is { } m ? ToMemo(m) : null), cancellationToken);

    /// <summary>
    /// Rebills an invoice (<c>gen_rb_m</c>): the rebill, numbered from the client's rebill sequence, and the credit memo for
    /// the difference, saved together; lines not named are rebilled as they were. Sent once: a repeat of a rebill that was
    /// saved is refused with INVOICE_ALREADY_REBILLED.
    /// </summary>
    /// <param name="invoiceNo">The invoice to rebill (an original or a rebill).</param>
    /// <param name="reasonCode">A reason code of type Rebill.</param>
    /// <param name="comment">Why the invoice is rebilled.</param>
    /// <param name="lines">The changes to lines (units, rate, service, exclusion, purchase order, comment).</param>
    /// <param name="rebillInvoiceNo">The rebill's invoice number when the billing system issued it; else the host takes the next above the client's highest.</param>
    /// <param name="recipient">Who receives the rebill instead of the statement, billing or account contact.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AriaResult<RebillReceipt>> RebillAsync(
        long invoiceNo, string reasonCode, string comment, IReadOnlyList<RebillLineRequest>? lines = null, long? rebillInvoiceNo = null, string? recipient = null,
        CancellationToken cancellationToken = default)
    {
        var body = new
        {
            reason_code = reasonCode, comments = comment, rebill_invoice_no = rebillInvoiceNo, recipient,
            line_items = (lines ?? []).Select(static l => new
            {
                line_no = l.LineNo, units = l.Units, rate = l.Rate, service_no = l.Service?.ServiceNo, service_charge_type = l.Service?.ChargeType,
                service_name = l.Service?.ServiceName, exclude = l.Exclude, purchase_order = l.PurchaseOrder, comments = l.Comment,
            }),
        };
        return SendAsync<RebillReceiptWire, RebillReceipt>(
            HttpMethod.Post, $"invoicing/invoices/{invoiceNo}/rebills", body, repeatable: false,
            w => new RebillReceipt(ToInvoice(w.Rebill), ToInvoice(w.Original), w.CreditMemo is { } m ? ToMemo(m) : null, [.. w.Notices.Select(ToNotice)], w.Collect),
            cancellationToken);
    }

    private ClientNumber Client => new(_options.ClientNo);

    private Invoice ToInvoice(InvoiceWire w)
    {
        var currency = CurrencyOf(w.Currency);
        return new Invoice
        {
            Client = Client, Account = new AccountNumber(w.AccountNo), InvoiceNo = w.InvoiceNo, Currency = currency, BillDate = Date(w.BillDate),
            InvoiceDate = OptionalDate(w.InvoiceDate), DueDate = OptionalDate(w.DueDate), PeriodStart = Date(w.PeriodStart), PeriodEnd = Date(w.PeriodEnd),
            BillingGroup = w.BillingGroup, MasterPlanInstances = [.. (w.MasterPlanInstances ?? []).Select(static p => new PlanInstanceNumber(p))], State = w.State,
            DisputedAmount = w.DisputedAmount, HasRefundReversal = w.HasRefundReversal, IsParentPayChild = w.IsParentPayChild, PaymentMethod = w.PaymentMethod,
            Lines = [.. w.Lines.Select(l => l.ToLine(currency))], OriginalInvoiceNo = w.OrigInvoiceNo, RebillNumber = w.RbNo, RebillReasonCode = w.RbReasonCd,
            RebilledBy = w.RebilledBy, RebillVoided = w.RebillVoided, Version = w.Version,
        };
    }

    private CreditMemo ToMemo(CreditMemoWire w)
    {
        var currency = CurrencyOf(w.Currency);
        return new CreditMemo
        {
            Id = w.Id, Client = Client, Account = new AccountNumber(w.AccountNo), InvoiceNo = w.InvoiceNo, Currency = currency, Number = w.CreditMemoNo,
            Sequence = w.Sequence, ReasonCode = w.ReasonCode, Comment = w.Comments, CreatedAt = Moment(w.CreatedAt), CreatedBy = w.CreatedBy, State = w.State,
            VoidedAt = w.VoidedAt is { } at ? Moment(at) : null, VoidedBy = w.VoidedBy, RebillInvoiceNo = w.RebillInvoiceNo, Version = w.Version,
            Lines = [.. w.Lines.Select(l => new CreditMemoLine
            {
                LineNo = l.LineNo, Amount = Money.Of(l.Amount, currency), Comment = l.Comments,
                TaxCredits = [.. (l.TaxCredits ?? []).Select(t => new AppliedAmount(t.LineNo, Money.Of(t.Amount, currency)))],
            })],
            Removed = [.. (w.Removed ?? []).Select(r => new RemovedApplication(r.LineNo, Money.Of(r.Payments, currency), Money.Of(r.Credits, currency)))],
        };
    }

    private Notice ToNotice(NoticeWire w) => new()
    {
        Kind = w.Kind, Client = Client, Account = new AccountNumber(w.AccountNo), DocumentNumber = w.DocumentNo, RecipientRole = w.RecipientRole, To = w.To,
        Cc = w.Cc ?? [], Bcc = w.Bcc ?? [],
    };

    private CreditMemoReceipt ToReceipt(CreditMemoReceiptWire w) => new(ToMemo(w.CreditMemo), ToInvoice(w.Invoice), ToNotice(w.Notice));

    private static Currency CurrencyOf(string code) => Currency.TryFromCode(code, out var currency)
        ? currency
        : throw new FormatException($"The host answered with currency '{code}', which is not an ISO 4217 code this library knows.");

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    private static LocalDate? OptionalDate(string? text) => text is null ? null : Date(text);

    private static Instant Moment(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    private static string? Day(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private sealed record InvoiceWire(
        long InvoiceNo, long AccountNo, string Currency, string BillDate, string? InvoiceDate, string? DueDate, string PeriodStart, string PeriodEnd,
        string? BillingGroup, IReadOnlyList<long>? MasterPlanInstances, InvoiceState State, decimal DisputedAmount, bool HasRefundReversal, bool IsParentPayChild,
        string? PaymentMethod, long? OrigInvoiceNo, string? RbNo, string? RbReasonCd, long? RebilledBy, bool RebillVoided, long Version, IReadOnlyList<InvoiceLineWire> Lines);

    private sealed record InvoiceLineWire(
        int LineNo, InvoiceLineKind Kind, ChargeType ChargeType, long ServiceNo, string? ServiceName, long? PlanInstanceNo, decimal Units, decimal Rate, decimal Amount,
        decimal TaxRate, int? TaxedLineNo, decimal PaymentsApplied, decimal CreditsApplied, decimal CreditMemosApplied, string? PurchaseOrder, int? OrigLineNo,
        int RbExcluded, string? RbLineComments)
    {
        public InvoiceLine ToLine(Currency currency) => new()
        {
            LineNo = LineNo, Kind = Kind, ChargeType = ChargeType, ServiceNo = ServiceNo, ServiceName = ServiceName,
            PlanInstance = PlanInstanceNo is { } p ? new PlanInstanceNumber(p) : null, Units = Units, Rate = Rate, Amount = Money.Of(Amount, currency), TaxRate = TaxRate,
            TaxedLineNo = TaxedLineNo, PaymentsApplied = Money.Of(PaymentsApplied, currency), CreditsApplied = Money.Of(CreditsApplied, currency),
            CreditMemosApplied = Money.Of(CreditMemosApplied, currency), PurchaseOrder = PurchaseOrder, OriginalLineNo = OrigLineNo, RebillExcluded = RbExcluded == 1,
            Comment = RbLineComments,
        };
    }

    private sealed record CreditableLinesWire(long InvoiceNo, string Currency, IReadOnlyList<CreditableLineWire> Lines);

    private sealed record CreditableLineWire(InvoiceLineWire Line, decimal MaxAmount);

    private sealed record CreditMemoWire(
        string CreditMemoNo, long Sequence, Guid Id, long InvoiceNo, long AccountNo, string Currency, string ReasonCode, string Comments, CreditMemoState State,
        string CreatedAt, string CreatedBy, string? VoidedAt, string? VoidedBy, long? RebillInvoiceNo, long Version, IReadOnlyList<CreditMemoLineWire> Lines,
        IReadOnlyList<RemovedWire>? Removed);

    private sealed record CreditMemoLineWire(int LineNo, decimal Amount, IReadOnlyList<AppliedWire>? TaxCredits, string? Comments);

    private sealed record AppliedWire(int LineNo, decimal Amount);

    private sealed record RemovedWire(int LineNo, decimal Payments, decimal Credits);

    private sealed record NoticeWire(NoticeKind Kind, long AccountNo, string DocumentNo, ContactRole? RecipientRole, string? To, IReadOnlyList<string>? Cc, IReadOnlyList<string>? Bcc);

    private sealed record CreditMemoReceiptWire(CreditMemoWire CreditMemo, InvoiceWire Invoice, NoticeWire Notice);

    private sealed record RebillReceiptWire(InvoiceWire Rebill, InvoiceWire Original, CreditMemoWire? CreditMemo, IReadOnlyList<NoticeWire> Notices, bool Collect);

    private sealed record VoidedInvoiceWire(InvoiceWire Invoice, InvoiceWire? Original, CreditMemoWire? CreditMemo);
}
