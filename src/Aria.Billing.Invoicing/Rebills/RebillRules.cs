using System.Globalization;
using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// The rebill rules (spec: release-6.50.txt, Rebilling an Invoice), pure: which invoices may be rebilled, what each line
/// may become, and the credit memo for the difference that a rebill makes on its original.
/// </summary>
public static class RebillRules
{
    /// <summary>
    /// Why <paramref name="invoice"/> cannot be rebilled, every rule it breaks (empty when it can): pending, voided, fully
    /// paid and not disputed, a refund-related reversal, a child invoice under parent pay, already rebilled, its rebill
    /// voided (rebill the rebill instead), a master plan instance that left the billing group it was in on the invoice, or a
    /// billing period that has not ended (the current billing cycle, full or prorated).
    /// </summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="today">Today in the client's time zone.</param>
    /// <param name="currentBillingGroups">The billing group each master plan instance of the invoice is in now.</param>
    public static IReadOnlyList<AriaError> Eligibility(Invoice invoice, LocalDate today, IReadOnlyDictionary<PlanInstanceNumber, string?> currentBillingGroups)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(currentBillingGroups);
        var errors = new List<AriaError>();
        var no = invoice.InvoiceNo;
        if (invoice.State == InvoiceState.Pending)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoicePending, $"Invoice {no} is pending; only posted invoices are rebilled."));
        }

        if (invoice.State == InvoiceState.Voided)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceVoided, $"Invoice {no} is voided."));
        }

        if (invoice.Balance.Amount <= 0m && invoice.DisputedAmount <= 0m)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceFullyPaid, $"Invoice {no} is fully paid and not disputed."));
        }

        if (invoice.HasRefundReversal)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceHasRefundReversal, $"Invoice {no} has a refund-related reversal."));
        }

        if (invoice.IsParentPayChild)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceIsParentPayChild, $"Invoice {no} is a child invoice under parent pay."));
        }

        if (invoice.RebillVoided)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceRebillVoided, $"The rebill of invoice {no} was voided; it cannot be rebilled again. Rebill a rebill rather than voiding it."));
        }
        else if (invoice.IsRebilled)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceAlreadyRebilled, $"Invoice {no} has been rebilled (invoice {invoice.RebilledBy}); rebill the rebill instead."));
        }

        foreach (var instance in invoice.MasterPlanInstances)
        {
            var now = currentBillingGroups.GetValueOrDefault(instance);
            if (invoice.BillingGroup is { } was && !string.Equals(now, was, StringComparison.Ordinal))
            {
                errors.Add(new AriaError(InvoicingErrorCodes.PlanInstanceLeftBillingGroup,
                    $"Master plan instance {instance} was in billing group '{was}' on invoice {no} and is now in {(now is null ? "none" : $"'{now}'")}.", "invoice_no"));
            }
        }

        if (invoice.PeriodEnd > today)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceInCurrentBillingCycle,
                $"Invoice {no} bills [{invoice.PeriodStart:uuuu-MM-dd}, {invoice.PeriodEnd:uuuu-MM-dd}), which has not ended on {today:uuuu-MM-dd}: the current billing cycle is not rebilled."));
        }

        if (!invoice.Lines.Any(static l => l.Kind == InvoiceLineKind.Charge))
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceHasNoCreditableLine, $"Invoice {no} has no charge line to rebill."));
        }

        return errors;
    }

    /// <summary>
    /// Works out a rebill of <paramref name="original"/>: checks the invoice, the reason code (type Rebill), the comment
    /// and every line change; builds the rebill from the original's non-tax charge lines (with the tax
    /// <paramref name="tax"/> calculates on them), and the credit memo for the difference on each line, so that on every
    /// line the rebilled amount plus the memo equals the original amount.
    /// </summary>
    public static AriaResult<RebillPlan> Plan(
        Invoice original, RebillRequest request, RebillContext context, InvoiceSettings settings, ITaxCalculator tax, MidpointRounding rounding = MidpointRounding.AwayFromZero)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tax);
        var errors = new List<AriaError>(Eligibility(original, context.Today, context.CurrentBillingGroups));
        errors.AddRange(CreditMemoRules.CheckReason(request.ReasonCode, context.Reason, ReasonCodeType.Rebill));
        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.MissingRequiredParameter, "A comment explaining the rebill is required.", "comments"));
        }

        var changes = new Dictionary<int, RebillLineRequest>();
        foreach (var change in request.Lines ?? [])
        {
            if (!changes.TryAdd(change.LineNo, change))
            {
                errors.Add(new AriaError(InvoicingErrorCodes.DuplicateInvoiceLine, $"Line {change.LineNo} is named more than once.", "line_no"));
            }
            else if (original.FindLine(change.LineNo) is not { Kind: InvoiceLineKind.Charge })
            {
                errors.Add(new AriaError(InvoicingErrorCodes.InvoiceLineNotFound, $"Invoice {original.InvoiceNo} has no charge line {change.LineNo}; rebills carry only non-tax charge lines.", "line_no"));
            }
        }

        var rebilled = new List<(InvoiceLine Original, InvoiceLine? Rebilled)>();
        foreach (var line in original.Lines.Where(static l => l.Kind == InvoiceLineKind.Charge).OrderBy(static l => l.LineNo))
        {
            var change = changes.GetValueOrDefault(line.LineNo);
            var result = RebillLine(original, line, change, rounding);
            if (result.IsFailure)
            {
                errors.AddRange(result.Errors);
            }
            else
            {
                rebilled.Add((line, result.Value.Line));
            }
        }

        if (errors.Count == 0 && rebilled.All(static r => r.Rebilled is null))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.MissingRequiredParameter, "A rebill keeps at least one line; to credit every line, make a credit memo.", "line_items"));
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<RebillPlan>(errors);
        }

        var rebill = Rebill(original, request, context, settings, rebilled, tax);
        var excluded = rebilled.Where(static r => r.Rebilled is null).Select(static r => r.Original.LineNo).ToHashSet();
        var marked = original with
        {
            RebilledBy = context.RebillInvoiceNo,
            Lines = [.. original.Lines.Select(l => l.Kind == InvoiceLineKind.Tax || excluded.Contains(l.LineNo) ? l with { RebillExcluded = true } : l)],
        };

        var differences = rebilled
            .Select(r => new CreditMemoLineRequest(r.Original.LineNo, r.Original.Amount.Amount - (r.Rebilled?.Amount.Amount ?? 0m)))
            .Where(static d => d.Amount > 0m)
            .ToList();
        if (differences.Count == 0)
        {
            return new RebillPlan(marked, rebill, null);
        }

        var memo = CreditMemoRules.Apply(marked, Guid.NewGuid(), differences, request.ReasonCode!.Trim(), request.Comment!.Trim(), request.RequestedBy, tax, context.Now);
        return new RebillPlan(memo.Invoice, rebill, memo.Memo with { RebillInvoiceNo = context.RebillInvoiceNo });
    }

    /// <summary>One original charge line rebilled: <see langword="null"/> when left out; the original amount unless units or rate change.</summary>
    private static AriaResult<RebilledLine> RebillLine(Invoice invoice, InvoiceLine line, RebillLineRequest? change, MidpointRounding rounding)
    {
        if (change is null)
        {
            return new RebilledLine(line);
        }

        var errors = new List<AriaError>();
        var at = $"line {line.LineNo}";
        if (change.Service is { } service)
        {
            if (line.ChargeType is ChargeType.Order or ChargeType.Usage)
            {
                errors.Add(new AriaError(InvoicingErrorCodes.RebillServiceNotChangeable, $"The service of {at} is {line.ChargeType.ToString().ToLowerInvariant()}-based and cannot be changed.", "service_no"));
            }
            else if (service.ChargeType != line.ChargeType)
            {
                errors.Add(new AriaError(InvoicingErrorCodes.RebillServiceTypeMismatch, $"The service of {at} is {line.ChargeType}; service {service.ServiceNo} is {service.ChargeType}: only a service of the same type may replace it.", "service_no"));
            }
        }

        if (change.Exclude)
        {
            if (line.Creditable < line.Amount)
            {
                errors.Add(new AriaError(InvoicingErrorCodes.RebillAmountNotValid,
                    $"{Capital(at)} cannot be left out: leaving it out credits all of it, and credits and credit memos already cover {line.CreditsApplied + line.CreditMemosApplied} of it.", "exclude"));
            }

            return errors.Count > 0 ? AriaResult.Failure<RebilledLine>(errors) : new RebilledLine(null);
        }

        var units = change.Units ?? line.Units;
        var rate = change.Rate ?? line.Rate;
        if (change.Units is { } u && (u < 0m || (line.ChargeType != ChargeType.Usage && u != decimal.Truncate(u))))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.RebillUnitsNotValid, $"The units of {at} are {Text(u)}; they must be {(line.ChargeType == ChargeType.Usage ? "0 or more" : "a whole number, 0 or more, since the line is not usage")}.", "units"));
        }

        if (change.Rate is { } r && (r < 0m || r > line.Amount.Amount))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.RebillRateNotValid, $"The rate of {at} is {Text(r)}; it must be from 0 to the line's amount, {line.Amount}.", "rate"));
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<RebilledLine>(errors);
        }

        var amount = change.Units is null && change.Rate is null ? line.Amount : Money.Of(units * rate, invoice.Currency).Round(rounding);
        if (amount > line.Amount || (line.Amount - amount) > line.Creditable)
        {
            return new AriaError(InvoicingErrorCodes.RebillAmountNotValid, amount > line.Amount
                ? $"{Capital(at)} would be rebilled at {amount}, more than its original {line.Amount}; a rebill only lowers or keeps a line."
                : $"{Capital(at)} would be rebilled at {amount}; credits and credit memos already cover {line.CreditsApplied + line.CreditMemosApplied} of it, so at least that much must stay.", "rate");
        }

        return new RebilledLine(line with
        {
            Units = units, Rate = rate, Amount = amount,
            ServiceNo = change.Service?.ServiceNo ?? line.ServiceNo,
            ServiceName = change.Service is { } s ? s.ServiceName : line.ServiceName,
            PurchaseOrder = change.PurchaseOrder ?? line.PurchaseOrder,
            Comment = change.Comment,
        });
    }

    /// <summary>The rebill: the rebilled lines renumbered, with their tax, the billing group's current payment method and the due date the settings say.</summary>
    private static Invoice Rebill(Invoice original, RebillRequest request, RebillContext context, InvoiceSettings settings, List<(InvoiceLine Original, InvoiceLine? Rebilled)> lines, ITaxCalculator tax)
    {
        var charges = new List<InvoiceLine>();
        foreach (var (from, to) in lines)
        {
            if (to is not null)
            {
                charges.Add(to with
                {
                    LineNo = charges.Count + 1, OriginalLineNo = from.LineNo, RebillExcluded = false,
                    PaymentsApplied = Money.Zero(original.Currency), CreditsApplied = Money.Zero(original.Currency), CreditMemosApplied = Money.Zero(original.Currency),
                });
            }
        }

        var draft = original with { Lines = charges };
        var taxLines = new List<InvoiceLine>();
        foreach (var charge in charges)
        {
            var amount = tax.TaxOn(draft, charge, charge.Amount);
            if (amount.Amount > 0m)
            {
                taxLines.Add(new InvoiceLine
                {
                    LineNo = charges.Count + taxLines.Count + 1, Kind = InvoiceLineKind.Tax, ServiceName = "Tax", Units = 1, Rate = amount.Amount,
                    Amount = amount, TaxedLineNo = charge.LineNo, PlanInstance = charge.PlanInstance,
                });
            }
        }

        var group = context.BillingGroup;
        var dueDate = settings.UseOriginalDueDateForRebill || group is null
            ? original.DueDate
            : DueDateCalculator.DueDate(context.Today, Math.Max(0, group.DaysUntilDue), group.DaysUntilDueMethod);
        return original with
        {
            InvoiceNo = context.RebillInvoiceNo, InvoiceDate = context.Today, DueDate = dueDate, State = InvoiceState.Posted,
            DisputedAmount = 0m, HasRefundReversal = false, IsParentPayChild = false,
            PaymentMethod = group?.PaymentMethod ?? original.PaymentMethod,
            Lines = [.. charges, .. taxLines],
            OriginalInvoiceNo = original.InvoiceNo, RebillNumber = null, RebillReasonCode = request.ReasonCode!.Trim(),
            RebilledBy = null, RebillVoided = false, Version = 0,
        };
    }

    /// <summary>An original line as rebilled; <see langword="null"/> when left out.</summary>
    private readonly record struct RebilledLine(InvoiceLine? Line);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static AriaError Error(AriaErrorCode code, string message) => new(code, message, "invoice_no");
}
