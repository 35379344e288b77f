using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// Rebills of the ledger's invoices (<c>gen_rb_m</c>): the <see cref="RebillRules"/> checked against the ledger and the
/// billing system as they are (today in the client's zone, the billing groups of the master plan instances now), then the
/// rebill, its number, the credit memo for the difference and the original's new state saved in one write.
/// </summary>
public sealed class RebillService
{
    private readonly IInvoiceLedgerStore _store;
    private readonly IInvoicingDirectory _directory;
    private readonly IClock _clock;
    private readonly ClientTimeZones? _zones;
    private readonly InvoicingOptions _options;
    private readonly ITaxCalculator _tax;
    private readonly MidpointRounding _rounding;
    private readonly ILogger _logger;

    /// <summary>A service over a ledger.</summary>
    /// <param name="store">The ledger.</param>
    /// <param name="directory">The host's view of reason codes, billing groups and contacts.</param>
    /// <param name="clock">Today and the stamps.</param>
    /// <param name="zones">The clients' time zones; UTC for every client when omitted.</param>
    /// <param name="options">The clients' invoice settings; the defaults when omitted.</param>
    /// <param name="tax">The client's tax engine; <see cref="LineTaxRateCalculator"/> when omitted.</param>
    /// <param name="rounding">How a rebilled amount's midpoint is rounded.</param>
    /// <param name="logger">Logs each rebill.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public RebillService(
        IInvoiceLedgerStore store, IInvoicingDirectory directory, IClock clock, ClientTimeZones? zones = null, InvoicingOptions? options = null,
        ITaxCalculator? tax = null, MidpointRounding rounding = MidpointRounding.AwayFromZero, ILogger<RebillService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _directory = directory;
        _clock = clock;
        _zones = zones;
        _options = InvoicingOptions.Rules.ThrowIfInvalid(options ?? new InvoicingOptions(), nameof(options));
        _tax = tax ?? new LineTaxRateCalculator(rounding);
        _rounding = rounding;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Rebills an invoice: every rule checked and every refusal returned with its code; on success the rebill, numbered
    /// from the client's rebill sequence, the credit memo for the difference (numbered from the credit memo sequence) and
    /// the original are saved together.
    /// </summary>
    public Task<AriaResult<RebillReceipt>> RebillAsync(RebillRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RequestedBy);
        var settings = _options.For(request.Client);
        return LedgerAttempts.RunAsync<RebillReceipt>(_options.MaxWriteAttempts, $"invoice {request.InvoiceNo}", async ct =>
        {
            var original = await _store.GetInvoiceAsync(request.Client, request.InvoiceNo, ct).ConfigureAwait(false);
            if (original is null)
            {
                return InvoiceLedger.NotFound(request.InvoiceNo);
            }

            var context = await ContextAsync(original, request, ct).ConfigureAwait(false);
            var plan = RebillRules.Plan(original, request, context, settings, _tax, _rounding);
            if (plan.IsFailure)
            {
                return AriaResult.Failure<RebillReceipt>(plan.Errors);
            }

            var (marked, rebill, memo) = plan.Value;
            var saved = await _store.SaveAsync(new LedgerWrite
            {
                Client = request.Client,
                InvoiceUpdates = [new InvoiceUpdate(marked, original.Version)],
                NewInvoice = rebill,
                RebillNumbering = settings.RebillNumbering,
                NewCreditMemo = memo,
                CreditMemoNumbering = memo is null ? null : settings.CreditMemoNumbering,
            }, ct).ConfigureAwait(false);
            switch (saved.Conflict)
            {
                case LedgerConflict.None:
                    return await ReceiptAsync(saved, marked with { Version = original.Version + 1 }, request, settings, ct).ConfigureAwait(false);
                case LedgerConflict.InvoiceNumberTaken when request.RebillInvoiceNo is { } given:
                    return new AriaError(InvoicingErrorCodes.InvoiceAlreadyExists, $"Invoice number {given} is already in the ledger; give the rebill another.", "rebill_invoice_no");
                case LedgerConflict.SequenceExhausted:
                    return new AriaError(InvoicingErrorCodes.SequenceExhausted,
                        $"The rebill sequence (last {settings.RebillNumbering.Last}) or the credit memo sequence (last {settings.CreditMemoNumbering.Last}) has no number left; raise its digit count.");
                default:
                    return null; // changed meanwhile: read again
            }
        }, cancellationToken);
    }

    private async Task<RebillContext> ContextAsync(Invoice original, RebillRequest request, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<PlanInstanceNumber, string?>();
        foreach (var instance in original.MasterPlanInstances)
        {
            groups[instance] = await _directory.FindBillingGroupOfAsync(original.Client, instance, cancellationToken).ConfigureAwait(false);
        }

        var group = original.BillingGroup is { } id
            ? await _directory.FindBillingGroupAsync(original.Client, original.Account, id, cancellationToken).ConfigureAwait(false)
            : null;
        var reason = string.IsNullOrWhiteSpace(request.ReasonCode) ? null
            : await _directory.FindReasonCodeAsync(original.Client, request.ReasonCode.Trim(), cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        return new RebillContext
        {
            Today = _zones?.Today(original.Client) ?? now.InUtc().Date,
            Now = now,
            CurrentBillingGroups = groups,
            BillingGroup = group,
            Reason = reason,
            RebillInvoiceNo = request.RebillInvoiceNo ?? await _store.GetHighestInvoiceNoAsync(original.Client, cancellationToken).ConfigureAwait(false) + 1,
        };
    }

    private async Task<RebillReceipt> ReceiptAsync(LedgerWriteResult saved, Invoice original, RebillRequest request, InvoiceSettings settings, CancellationToken cancellationToken)
    {
        var rebill = saved.NewInvoice!;
        var memo = saved.NewCreditMemo;
        InvoicingTelemetry.RebillsCreated.Add(1);
        InvoicingLogMessages.Rebilled(_logger, original.InvoiceNo, original.Client.Value, rebill.InvoiceNo, rebill.RebillNumber, request.RequestedBy);
        var contacts = await _directory.FindContactsAsync(original.Client, original.Account, cancellationToken).ConfigureAwait(false);
        var notices = new List<Notice> { NoticeRecipients.For(NoticeKind.Rebill, original.Client, original.Account, rebill.RebillNumber ?? rebill.InvoiceNo.ToString(System.Globalization.CultureInfo.InvariantCulture), contacts, request.Recipient) };
        if (memo is not null)
        {
            InvoicingTelemetry.CreditMemosCreated.Add(1, new KeyValuePair<string, object?>("origin", "rebill"));
            InvoicingLogMessages.CreditMemoSaved(_logger, memo.Number, memo.Total.ToString(), memo.InvoiceNo, memo.Client.Value, memo.CreatedBy);
            notices.Add(NoticeRecipients.For(NoticeKind.CreditMemo, original.Client, original.Account, memo.Number, contacts));
        }

        return new RebillReceipt(rebill, original, memo, notices, settings.AutocollectOnRebill);
    }
}
