using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aria.Billing.Invoicing;

/// <summary>
/// The ledger's invoices: importing them from the billing system of record (and refreshing the facts it owns), reading
/// them, the invoice history by <c>rb_option</c>, and voiding (<c>void_invoice_m</c>), which an invoice with a credit
/// memo that is not voided refuses.
/// </summary>
public sealed class InvoiceLedger
{
    private readonly IInvoiceLedgerStore _store;
    private readonly NodaTime.IClock _clock;
    private readonly InvoicingOptions _options;
    private readonly ILogger _logger;

    /// <summary>A ledger over a store.</summary>
    /// <param name="store">Where the ledger keeps its documents.</param>
    /// <param name="clock">Stamps voids.</param>
    /// <param name="options">The invoicing options; the defaults when omitted.</param>
    /// <param name="logger">Logs voids.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public InvoiceLedger(IInvoiceLedgerStore store, NodaTime.IClock clock, InvoicingOptions? options = null, ILogger<InvoiceLedger>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _options = InvoicingOptions.Rules.ThrowIfInvalid(options ?? new InvoicingOptions(), nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Imports an invoice of the billing system. A new one is added as given; one already in the ledger takes the facts
    /// the billing system owns — state, due date, dispute, refund reversal, parent pay, payment method, and each line's
    /// payments and credits — while the ledger keeps what its adjustments did (credit memos, rebill links); its lines must
    /// be the same lines with the same amounts. Adjustment fields on a new invoice, inconsistent amounts, or a void while a
    /// credit memo is active are refused.
    /// </summary>
    public Task<AriaResult<Invoice>> ImportAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (InvoiceCheck.Problems(invoice) is { Count: > 0 } problems)
        {
            return Task.FromResult(AriaResult.Failure<Invoice>(problems));
        }

        return LedgerAttempts.RunAsync<Invoice>(_options.MaxWriteAttempts, $"invoice {invoice.InvoiceNo}", async ct =>
        {
            var stored = await _store.GetInvoiceAsync(invoice.Client, invoice.InvoiceNo, ct).ConfigureAwait(false);
            if (stored is null)
            {
                if (invoice.IsRebill || invoice.IsRebilled || invoice.RebillNumber is not null || invoice.RebillVoided
                    || invoice.Lines.Any(static l => l.CreditMemosApplied.Amount != 0m || l.OriginalLineNo is not null || l.RebillExcluded))
                {
                    return new AriaError(InvoicingErrorCodes.InvoiceNotValid, $"Invoice {invoice.InvoiceNo} is new to the ledger but carries credit memos or rebill links, which only the ledger's adjustments set.", "invoice");
                }

                if (!await _store.AddInvoiceAsync(invoice, ct).ConfigureAwait(false))
                {
                    return null; // imported meanwhile by another caller: refresh it instead
                }

                return invoice with { Version = 1 };
            }

            var refreshed = await RefreshAsync(stored, invoice, ct).ConfigureAwait(false);
            if (refreshed.IsFailure)
            {
                return refreshed;
            }

            if (await _store.UpdateInvoiceAsync(refreshed.Value, stored.Version, ct).ConfigureAwait(false) is not { } updated)
            {
                return null;
            }

            return updated;
        }, cancellationToken);
    }

    /// <summary>An invoice, or INVOICE_NOT_FOUND.</summary>
    public async Task<AriaResult<Invoice>> GetAsync(ClientNumber client, long invoiceNo, CancellationToken cancellationToken = default) =>
        await _store.GetInvoiceAsync(client, invoiceNo, cancellationToken).ConfigureAwait(false) is { } invoice ? invoice : NotFound(invoiceNo);

    /// <summary>An account's invoices by invoice number, filtered by <paramref name="option"/> (<c>rb_option</c>).</summary>
    public async Task<IReadOnlyList<Invoice>> HistoryAsync(ClientNumber client, AccountNumber account, RebillOption option = RebillOption.All, CancellationToken cancellationToken = default) =>
        InvoiceHistory.Filter(await _store.ListInvoicesAsync(client, account, cancellationToken).ConfigureAwait(false), option);

    /// <summary>
    /// Voids an invoice. Refused while any credit memo on it is not voided (void them first). Voiding a rebill voids the
    /// credit memo it made on its original too, and the original can then not be rebilled again.
    /// </summary>
    public Task<AriaResult<VoidedInvoice>> VoidAsync(ClientNumber client, long invoiceNo, string voidedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voidedBy);
        return LedgerAttempts.RunAsync<VoidedInvoice>(_options.MaxWriteAttempts, $"invoice {invoiceNo}", async ct =>
        {
            var invoice = await _store.GetInvoiceAsync(client, invoiceNo, ct).ConfigureAwait(false);
            if (invoice is null)
            {
                return NotFound(invoiceNo);
            }

            if (invoice.State == InvoiceState.Voided)
            {
                return new AriaError(InvoicingErrorCodes.InvoiceVoided, $"Invoice {invoiceNo} is already voided.", "invoice_no");
            }

            var active = (await _store.ListCreditMemosAsync(client, invoiceNo, ct).ConfigureAwait(false)).Where(static m => m.State == CreditMemoState.Active).ToList();
            if (active.Count > 0)
            {
                return new AriaError(InvoicingErrorCodes.InvoiceHasCreditMemo,
                    $"Invoice {invoiceNo} has credit memos that are not voided ({string.Join(", ", active.Select(static m => m.Number))}); void them before the invoice.", "invoice_no");
            }

            var voided = invoice with { State = InvoiceState.Voided };
            var write = new LedgerWrite { Client = client, InvoiceUpdates = [new InvoiceUpdate(voided, invoice.Version)] };
            Invoice? original = null;
            CreditMemo? memo = null;
            if (invoice.OriginalInvoiceNo is { } originalNo && await _store.GetInvoiceAsync(client, originalNo, ct).ConfigureAwait(false) is { } predecessor)
            {
                memo = (await _store.ListCreditMemosAsync(client, originalNo, ct).ConfigureAwait(false))
                    .FirstOrDefault(m => m.State == CreditMemoState.Active && m.RebillInvoiceNo == invoiceNo);
                original = (memo is null ? predecessor : CreditMemoRules.Unapply(predecessor, memo)) with { RebillVoided = true };
                write = write with { InvoiceUpdates = [.. write.InvoiceUpdates, new InvoiceUpdate(original, predecessor.Version)] };
                if (memo is not null)
                {
                    var memoVersion = memo.Version;
                    memo = memo with { State = CreditMemoState.Voided, VoidedAt = _clock.GetCurrentInstant(), VoidedBy = voidedBy };
                    write = write with { CreditMemoUpdates = [new CreditMemoUpdate(memo, memoVersion)] };
                    memo = memo with { Version = memoVersion + 1 };
                }

                original = original with { Version = predecessor.Version + 1 };
            }

            if (!(await _store.SaveAsync(write, ct).ConfigureAwait(false)).Saved)
            {
                return null;
            }

            InvoicingTelemetry.Voided.Add(1, new KeyValuePair<string, object?>("document", invoice.IsRebill ? "rebill" : "invoice"));
            InvoicingLogMessages.InvoiceVoided(_logger, invoiceNo, client.Value, voidedBy);
            return new VoidedInvoice(voided with { Version = invoice.Version + 1 }, original, memo);
        }, cancellationToken);
    }

    /// <summary>The error for an invoice the ledger does not hold.</summary>
    internal static AriaError NotFound(long invoiceNo) => new(InvoicingErrorCodes.InvoiceNotFound, $"There is no invoice {invoiceNo}.", "invoice_no");

    /// <summary>The stored invoice with the billing system's facts from <paramref name="import"/>.</summary>
    private async Task<AriaResult<Invoice>> RefreshAsync(Invoice stored, Invoice import, CancellationToken cancellationToken)
    {
        var same = stored.Currency == import.Currency && stored.Account == import.Account && stored.Lines.Count == import.Lines.Count
            && import.Lines.All(l => stored.FindLine(l.LineNo) is { } s && s.Kind == l.Kind && s.Amount == l.Amount);
        if (!same)
        {
            return new AriaError(InvoicingErrorCodes.InvoiceAlreadyExists, $"Invoice {import.InvoiceNo} is in the ledger with other lines, amounts, account or currency; an invoice's lines do not change once imported.", "invoice_no");
        }

        if (stored.State == InvoiceState.Voided && import.State != InvoiceState.Voided)
        {
            return new AriaError(InvoicingErrorCodes.InvoiceVoided, $"Invoice {import.InvoiceNo} is voided in the ledger; a void is final.", "invoice_no");
        }

        if (import.State == InvoiceState.Voided && stored.State != InvoiceState.Voided
            && (await _store.ListCreditMemosAsync(stored.Client, stored.InvoiceNo, cancellationToken).ConfigureAwait(false)).Any(static m => m.State == CreditMemoState.Active))
        {
            return new AriaError(InvoicingErrorCodes.InvoiceHasCreditMemo, $"Invoice {import.InvoiceNo} has credit memos that are not voided; void them before the invoice.", "invoice_no");
        }

        var lines = new List<InvoiceLine>(stored.Lines.Count);
        foreach (var line in stored.Lines)
        {
            var given = import.FindLine(line.LineNo)!;
            var refreshed = line with { PaymentsApplied = given.PaymentsApplied, CreditsApplied = given.CreditsApplied };
            if (refreshed.PaymentsApplied + refreshed.CreditsApplied + refreshed.CreditMemosApplied > refreshed.Amount)
            {
                return new AriaError(InvoicingErrorCodes.InvoiceNotValid,
                    $"Invoice {import.InvoiceNo} line {line.LineNo}: payments {refreshed.PaymentsApplied} and credits {refreshed.CreditsApplied} with the ledger's credit memos {refreshed.CreditMemosApplied} exceed the line amount {line.Amount}.", "invoice");
            }

            lines.Add(refreshed);
        }

        return stored with
        {
            State = import.State, DueDate = import.DueDate, DisputedAmount = import.DisputedAmount, HasRefundReversal = import.HasRefundReversal,
            IsParentPayChild = import.IsParentPayChild, PaymentMethod = import.PaymentMethod, Lines = lines,
        };
    }
}
