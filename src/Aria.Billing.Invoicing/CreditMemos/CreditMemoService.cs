using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// Credit memos on the ledger's invoices (<c>create_cm_m</c>, <c>void_credit_memo_m</c>, <c>get_invoice_cm_details_m</c>):
/// the <see cref="CreditMemoRules"/> checked against the ledger as it is, the memo saved with its number in one write
/// with its invoice, and the notice worked out. Safe to call from several nodes at once: a write that finds its invoice
/// changed is worked out again on fresh data.
/// </summary>
public sealed class CreditMemoService
{
    private readonly IInvoiceLedgerStore _store;
    private readonly IInvoicingDirectory _directory;
    private readonly IClock _clock;
    private readonly InvoicingOptions _options;
    private readonly ITaxCalculator _tax;
    private readonly ILogger _logger;

    /// <summary>A service over a ledger.</summary>
    /// <param name="store">The ledger.</param>
    /// <param name="directory">The host's view of reason codes and contacts.</param>
    /// <param name="clock">Stamps the memos.</param>
    /// <param name="options">The clients' invoice settings; the defaults when omitted.</param>
    /// <param name="tax">The client's tax engine; <see cref="LineTaxRateCalculator"/> when omitted.</param>
    /// <param name="logger">Logs each memo saved or voided.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public CreditMemoService(
        IInvoiceLedgerStore store, IInvoicingDirectory directory, IClock clock, InvoicingOptions? options = null, ITaxCalculator? tax = null, ILogger<CreditMemoService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _directory = directory;
        _clock = clock;
        _options = InvoicingOptions.Rules.ThrowIfInvalid(options ?? new InvoicingOptions(), nameof(options));
        _tax = tax ?? new LineTaxRateCalculator();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>A credit memo by its number, or CREDIT_MEMO_NOT_FOUND.</summary>
    public async Task<AriaResult<CreditMemo>> GetAsync(ClientNumber client, string number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        return await _store.FindCreditMemoAsync(client, number, cancellationToken).ConfigureAwait(false) is { } memo
            ? memo
            : new AriaError(InvoicingErrorCodes.CreditMemoNotFound, $"There is no credit memo {number}.", "credit_memo_no");
    }

    /// <summary>The credit memos of an invoice, voided ones included, in number order; or INVOICE_NOT_FOUND.</summary>
    public async Task<AriaResult<IReadOnlyList<CreditMemo>>> ListAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default) =>
        await _store.GetInvoiceAsync(client, invoiceNo, cancellationToken).ConfigureAwait(false) is null
            ? InvoiceLedger.NotFound(invoiceNo)
            : AriaResult.Success(await _store.ListCreditMemosAsync(client, invoiceNo, cancellationToken).ConfigureAwait(false));

    /// <summary>The charge lines of an invoice a memo may credit, with the most each may take; or why the invoice cannot take a memo.</summary>
    public async Task<AriaResult<IReadOnlyList<CreditableLine>>> GetCreditableLinesAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default)
    {
        var invoice = await _store.GetInvoiceAsync(client, invoiceNo, cancellationToken).ConfigureAwait(false);
        if (invoice is null)
        {
            return InvoiceLedger.NotFound(invoiceNo);
        }

        return CreditMemoRules.Eligibility(invoice) is { Count: > 0 } errors
            ? AriaResult.Failure<IReadOnlyList<CreditableLine>>(errors)
            : AriaResult.Success(CreditMemoRules.CreditableLines(invoice));
    }

    /// <summary>
    /// Makes a credit memo: every rule checked, every refusal returned with its code; on success the memo, numbered from
    /// the client's sequence, and its invoice are saved together, and the receipt carries the event 948 notice. Repeating a
    /// request with the same <see cref="CreditMemoRequest.Id"/> returns the memo made the first time.
    /// </summary>
    public Task<AriaResult<CreditMemoReceipt>> CreateAsync(CreditMemoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestedBy);
        var settings = _options.For(request.Client);
        var id = request.Id ?? Guid.NewGuid();
        return LedgerAttempts.RunAsync<CreditMemoReceipt>(_options.MaxWriteAttempts, $"invoice {request.InvoiceNo}", async ct =>
        {
            if (await ExistingAsync(request.Client, id, ct).ConfigureAwait(false) is { } earlier)
            {
                return earlier.IsSuccess && earlier.Value.Memo.InvoiceNo != request.InvoiceNo
                    ? new AriaError(InvoicingErrorCodes.IdempotencyKeyReused, $"The idempotency key {id} was used for credit memo {earlier.Value.Memo.Number} on invoice {earlier.Value.Memo.InvoiceNo}, not invoice {request.InvoiceNo}.", "id")
                    : earlier;
            }

            var invoice = await _store.GetInvoiceAsync(request.Client, request.InvoiceNo, ct).ConfigureAwait(false);
            if (invoice is null)
            {
                return InvoiceLedger.NotFound(request.InvoiceNo);
            }

            var reason = string.IsNullOrWhiteSpace(request.ReasonCode) ? null
                : await _directory.FindReasonCodeAsync(request.Client, request.ReasonCode.Trim(), ct).ConfigureAwait(false);
            var plan = CreditMemoRules.Plan(invoice, request with { Id = id }, reason, _tax, _clock.GetCurrentInstant());
            if (plan.IsFailure)
            {
                return AriaResult.Failure<CreditMemoReceipt>(plan.Errors);
            }

            var saved = await _store.SaveAsync(new LedgerWrite
            {
                Client = request.Client,
                InvoiceUpdates = [new InvoiceUpdate(plan.Value.Invoice, invoice.Version)],
                NewCreditMemo = plan.Value.Memo,
                CreditMemoNumbering = settings.CreditMemoNumbering,
            }, ct).ConfigureAwait(false);
            switch (saved.Conflict)
            {
                case LedgerConflict.None:
                    var memo = saved.NewCreditMemo!;
                    InvoicingTelemetry.CreditMemosCreated.Add(1, new KeyValuePair<string, object?>("origin", "manual"));
                    InvoicingLogMessages.CreditMemoSaved(_logger, memo.Number, memo.Total.ToString(), memo.InvoiceNo, memo.Client.Value, memo.CreatedBy);
                    return await ReceiptAsync(memo, plan.Value.Invoice with { Version = invoice.Version + 1 }, NoticeKind.CreditMemo, ct).ConfigureAwait(false);
                case LedgerConflict.SequenceExhausted:
                    return LedgerAttempts.Exhausted(SequenceKind.CreditMemo, settings.CreditMemoNumbering);
                default:
                    return null; // changed meanwhile, or the same request saved by another node: read again
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Voids a credit memo (event 949): its invoice takes back what it credited; the payments and credits it removed stay
    /// removed. A memo a rebill made is voided with its rebill, not alone.
    /// </summary>
    public Task<AriaResult<CreditMemoReceipt>> VoidAsync(ClientNumber client, string number, string voidedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(voidedBy);
        return LedgerAttempts.RunAsync<CreditMemoReceipt>(_options.MaxWriteAttempts, $"credit memo {number}", async ct =>
        {
            var memo = await _store.FindCreditMemoAsync(client, number, ct).ConfigureAwait(false);
            if (memo is null)
            {
                return new AriaError(InvoicingErrorCodes.CreditMemoNotFound, $"There is no credit memo {number}.", "credit_memo_no");
            }

            if (memo.State == CreditMemoState.Voided)
            {
                return new AriaError(InvoicingErrorCodes.CreditMemoAlreadyVoided, $"Credit memo {number} is already voided.", "credit_memo_no");
            }

            if (memo.RebillInvoiceNo is { } rebill)
            {
                return new AriaError(InvoicingErrorCodes.CreditMemoBelongsToRebill, $"Credit memo {number} was made by rebill invoice {rebill}; void the rebill instead.", "credit_memo_no");
            }

            var invoice = await _store.GetInvoiceAsync(client, memo.InvoiceNo, ct).ConfigureAwait(false);
            if (invoice is null)
            {
                return InvoiceLedger.NotFound(memo.InvoiceNo);
            }

            var voided = memo with { State = CreditMemoState.Voided, VoidedAt = _clock.GetCurrentInstant(), VoidedBy = voidedBy };
            var updated = CreditMemoRules.Unapply(invoice, memo);
            var saved = await _store.SaveAsync(new LedgerWrite
            {
                Client = client,
                InvoiceUpdates = [new InvoiceUpdate(updated, invoice.Version)],
                CreditMemoUpdates = [new CreditMemoUpdate(voided, memo.Version)],
            }, ct).ConfigureAwait(false);
            if (!saved.Saved)
            {
                return null;
            }

            InvoicingTelemetry.Voided.Add(1, new KeyValuePair<string, object?>("document", "credit_memo"));
            InvoicingLogMessages.CreditMemoVoided(_logger, memo.Number, memo.InvoiceNo, client.Value, voidedBy);
            return await ReceiptAsync(voided with { Version = memo.Version + 1 }, updated with { Version = invoice.Version + 1 }, NoticeKind.CreditMemoVoided, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<AriaResult<CreditMemoReceipt>?> ExistingAsync(ClientNumber client, Guid id, CancellationToken cancellationToken)
    {
        var memo = await _store.GetCreditMemoAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (memo is null)
        {
            return null;
        }

        var invoice = await _store.GetInvoiceAsync(client, memo.InvoiceNo, cancellationToken).ConfigureAwait(false);
        return invoice is null ? InvoiceLedger.NotFound(memo.InvoiceNo) : await ReceiptAsync(memo, invoice, NoticeKind.CreditMemo, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AriaResult<CreditMemoReceipt>> ReceiptAsync(CreditMemo memo, Invoice invoice, NoticeKind kind, CancellationToken cancellationToken)
    {
        var contacts = await _directory.FindContactsAsync(memo.Client, memo.Account, cancellationToken).ConfigureAwait(false);
        return new CreditMemoReceipt(memo, invoice, NoticeRecipients.For(kind, memo.Client, memo.Account, memo.Number, contacts));
    }
}
