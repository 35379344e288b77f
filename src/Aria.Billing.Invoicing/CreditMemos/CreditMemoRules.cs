using System.Globalization;
using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// The credit memo rules (spec: release-6.50.txt, Credit Memo/Rebills DEV-6906), pure: which invoices may be credited,
/// how much each line may take, and what a memo does to its invoice.
/// </summary>
public static class CreditMemoRules
{
    /// <summary>
    /// Why <paramref name="invoice"/> cannot take a credit memo, every rule it breaks (empty when it can): pending, voided,
    /// fully paid (a dispute that makes it look fully paid counts as paid), a refund-related reversal, already rebilled, a
    /// child invoice under parent pay, no line a memo can be applied to.
    /// </summary>
    public static IReadOnlyList<AriaError> Eligibility(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var errors = new List<AriaError>();
        var no = invoice.InvoiceNo;
        if (invoice.State == InvoiceState.Pending)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoicePending, $"Invoice {no} is pending; credit memos apply to posted invoices only."));
        }

        if (invoice.State == InvoiceState.Voided)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceVoided, $"Invoice {no} is voided."));
        }

        if (invoice.LooksFullyPaid)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceFullyPaid, invoice.DisputedAmount > 0m
                ? $"Invoice {no} looks fully paid: its dispute of {invoice.DisputedAmount.ToString(CultureInfo.InvariantCulture)} covers its balance of {invoice.Balance}."
                : $"Invoice {no} is fully paid."));
        }

        if (invoice.HasRefundReversal)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceHasRefundReversal, $"Invoice {no} has a refund-related reversal."));
        }

        if (invoice.IsRebilled)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceAlreadyRebilled, $"Invoice {no} has been rebilled (invoice {invoice.RebilledBy}); credit the rebill instead."));
        }

        if (invoice.IsParentPayChild)
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceIsParentPayChild, $"Invoice {no} is a child invoice under parent pay; credit the parent's invoice."));
        }

        if (!invoice.Lines.Any(static l => l.Kind == InvoiceLineKind.Charge && l.Creditable.Amount > 0m))
        {
            errors.Add(Error(InvoicingErrorCodes.InvoiceHasNoCreditableLine, $"Invoice {no} has no charge line left to credit."));
        }

        return errors;
    }

    /// <summary>The non-tax charge lines of <paramref name="invoice"/> with something left to credit, and how much.</summary>
    public static IReadOnlyList<CreditableLine> CreditableLines(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return [.. invoice.Lines.Where(static l => l.Kind == InvoiceLineKind.Charge && l.Creditable.Amount > 0m).OrderBy(static l => l.LineNo).Select(static l => new CreditableLine(l, l.Creditable))];
    }

    /// <summary>
    /// Works out a credit memo on <paramref name="invoice"/>: checks the invoice, the reason code (type Credit Memo), the
    /// comment and every line; then credits each line, removes the payments and credits the memo displaces there, and
    /// credits the tax <paramref name="tax"/> calculates, never beyond what a tax line has left.
    /// </summary>
    /// <param name="invoice">The invoice as the ledger holds it.</param>
    /// <param name="request">The request.</param>
    /// <param name="reason">The reason code the client has under <see cref="CreditMemoRequest.ReasonCode"/>, or <see langword="null"/>.</param>
    /// <param name="tax">The tax engine.</param>
    /// <param name="now">When the memo is made.</param>
    public static AriaResult<CreditMemoPlan> Plan(Invoice invoice, CreditMemoRequest request, ReasonCode? reason, ITaxCalculator tax, Instant now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tax);
        var errors = new List<AriaError>(Eligibility(invoice));
        errors.AddRange(CheckReason(request.ReasonCode, reason, ReasonCodeType.CreditMemo));
        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            errors.Add(new AriaError(InvoicingErrorCodes.MissingRequiredParameter, "A comment explaining the credit memo is required.", "comments"));
        }

        if (request.Lines is not { Count: > 0 })
        {
            errors.Add(new AriaError(InvoicingErrorCodes.MissingRequiredParameter, "A credit memo credits at least one line.", "line_items"));
        }
        else
        {
            errors.AddRange(CheckLines(invoice, request.Lines));
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<CreditMemoPlan>(errors);
        }

        return Apply(invoice, request.Id ?? Guid.NewGuid(), request.Lines, request.ReasonCode!.Trim(), request.Comment!.Trim(), request.RequestedBy, tax, now);
    }

    /// <summary>The invoice with <paramref name="memo"/> no longer applied: its lines and tax lines take back what it credited (removed payments and credits stay removed).</summary>
    public static Invoice Unapply(Invoice invoice, CreditMemo memo)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(memo);
        var lines = invoice.Lines.ToDictionary(static l => l.LineNo);
        foreach (var memoLine in memo.Lines)
        {
            Take(lines, memoLine.LineNo, memoLine.Amount);
            foreach (var credit in memoLine.TaxCredits)
            {
                Take(lines, credit.LineNo, credit.Amount);
            }
        }

        return invoice with { Lines = [.. lines.Values.OrderBy(static l => l.LineNo)] };

        static void Take(Dictionary<int, InvoiceLine> lines, int lineNo, Money amount)
        {
            if (lines.TryGetValue(lineNo, out var line))
            {
                lines[lineNo] = line with { CreditMemosApplied = line.CreditMemosApplied - amount };
            }
        }
    }

    /// <summary>Whether <paramref name="reason"/> (what the client has under <paramref name="code"/>) is a reason code of <paramref name="type"/>.</summary>
    internal static IEnumerable<AriaError> CheckReason(string? code, ReasonCode? reason, ReasonCodeType type)
    {
        var name = type == ReasonCodeType.CreditMemo ? "Credit Memo" : "Rebill";
        if (string.IsNullOrWhiteSpace(code))
        {
            yield return new AriaError(InvoicingErrorCodes.MissingRequiredParameter, $"A reason code of type {name} is required.", "reason_code");
        }
        else if (reason is null)
        {
            yield return new AriaError(InvoicingErrorCodes.InvalidReasonCode, $"Reason code '{code}' does not exist.", "reason_code");
        }
        else if (reason.Type != type)
        {
            yield return new AriaError(InvoicingErrorCodes.InvalidReasonCode, $"Reason code '{code}' is of type {reason.Type}; this needs one of type {name}.", "reason_code");
        }
    }

    /// <summary>Every problem of the requested lines: unknown or tax lines, repeats, amounts not above 0, beyond the line, or finer than the currency.</summary>
    private static IEnumerable<AriaError> CheckLines(Invoice invoice, IReadOnlyList<CreditMemoLineRequest> requested)
    {
        var seen = new HashSet<int>();
        foreach (var request in requested)
        {
            var line = invoice.FindLine(request.LineNo);
            if (!seen.Add(request.LineNo))
            {
                yield return new AriaError(InvoicingErrorCodes.DuplicateInvoiceLine, $"Line {request.LineNo} is named more than once.", "line_no");
            }
            else if (line is not { Kind: InvoiceLineKind.Charge })
            {
                yield return new AriaError(InvoicingErrorCodes.InvoiceLineNotFound, line is null
                    ? $"Invoice {invoice.InvoiceNo} has no line {request.LineNo}."
                    : $"Line {request.LineNo} is a tax line; tax is credited with the charge lines it taxes.", "line_no");
            }
            else if (request.Amount <= 0m)
            {
                yield return new AriaError(InvoicingErrorCodes.CreditAmountNotPositive, $"The amount for line {request.LineNo} is {request.Amount.ToString(CultureInfo.InvariantCulture)}; it must be greater than 0.", "line_amount");
            }
            else if (!invoice.Currency.IsRounded(request.Amount))
            {
                yield return new AriaError(InvoicingErrorCodes.AmountNotInMinorUnits, $"The amount for line {request.LineNo} is {request.Amount.ToString(CultureInfo.InvariantCulture)}; {invoice.Currency} has {invoice.Currency.MinorUnits} decimals.", "line_amount");
            }
            else if (request.Amount > line.Creditable.Amount)
            {
                yield return new AriaError(InvoicingErrorCodes.CreditAmountExceedsLine,
                    $"The amount for line {request.LineNo} is {request.Amount.ToString(CultureInfo.InvariantCulture)}; at most {line.Creditable} is left to credit (line amount {line.Amount} less credits {line.CreditsApplied} and credit memos {line.CreditMemosApplied}).", "line_amount");
            }
        }
    }

    /// <summary>Applies valid memo lines: each charge line credited (payments, then credits, removed up to the amount), then its tax.</summary>
    internal static CreditMemoPlan Apply(
        Invoice invoice, Guid id, IReadOnlyList<CreditMemoLineRequest> requested, string reasonCode, string comment, string requestedBy, ITaxCalculator tax, Instant now)
    {
        var lines = invoice.Lines.ToDictionary(static l => l.LineNo);
        var removed = new SortedDictionary<int, RemovedApplication>();
        var memoLines = new List<CreditMemoLine>(requested.Count);
        foreach (var request in requested.OrderBy(static r => r.LineNo))
        {
            var line = lines[request.LineNo];
            var amount = Money.Of(request.Amount, invoice.Currency);
            Credit(lines, removed, line.LineNo, amount);

            var taxCredits = new List<AppliedAmount>();
            var taxLeft = tax.TaxOn(invoice, invoice.FindLine(request.LineNo)!, amount);
            foreach (var taxLine in TaxLinesOf(lines.Values, request.LineNo))
            {
                if (taxLeft.Amount <= 0m)
                {
                    break;
                }

                var credit = Money.Of(Math.Min(taxLeft.Amount, lines[taxLine].Creditable.Amount), invoice.Currency);
                if (credit.Amount > 0m)
                {
                    Credit(lines, removed, taxLine, credit);
                    taxCredits.Add(new AppliedAmount(taxLine, credit));
                    taxLeft -= credit;
                }
            }

            memoLines.Add(new CreditMemoLine { LineNo = request.LineNo, LineType = line.LineType, Amount = amount, TaxCredits = taxCredits, Comment = request.Comment });
        }

        var memo = new CreditMemo
        {
            Id = id, Client = invoice.Client, Account = invoice.Account, InvoiceNo = invoice.InvoiceNo, Currency = invoice.Currency,
            ReasonCode = reasonCode, Comment = comment, Lines = memoLines, Removed = [.. removed.Values],
            CreatedAt = now, CreatedBy = requestedBy,
        };
        return new CreditMemoPlan(invoice with { Lines = [.. lines.Values.OrderBy(static l => l.LineNo)] }, memo);
    }

    /// <summary>The tax lines a charge line's tax is credited on: those taxing it, then those taxing the whole invoice, by line number.</summary>
    private static IEnumerable<int> TaxLinesOf(IEnumerable<InvoiceLine> lines, int chargeLine)
    {
        var taxLines = lines.Where(static l => l.Kind == InvoiceLineKind.Tax).ToList();
        return taxLines.Where(l => l.TaxedLineNo == chargeLine).Concat(taxLines.Where(static l => l.TaxedLineNo is null))
            .Select(static l => l.LineNo).ToList();
    }

    /// <summary>Credits <paramref name="amount"/> on a line: the memo takes precedence, so payments and then credits on the line are removed up to the amount.</summary>
    private static void Credit(Dictionary<int, InvoiceLine> lines, SortedDictionary<int, RemovedApplication> removed, int lineNo, Money amount)
    {
        var line = lines[lineNo];
        var payments = Money.Of(Math.Min(amount.Amount, line.PaymentsApplied.Amount), amount.Currency);
        var credits = Money.Of(Math.Min((amount - payments).Amount, line.CreditsApplied.Amount), amount.Currency);
        lines[lineNo] = line with
        {
            PaymentsApplied = line.PaymentsApplied - payments,
            CreditsApplied = line.CreditsApplied - credits,
            CreditMemosApplied = line.CreditMemosApplied + amount,
        };
        if (payments.Amount > 0m || credits.Amount > 0m)
        {
            removed[lineNo] = removed.TryGetValue(lineNo, out var earlier)
                ? new RemovedApplication(lineNo, earlier.Payments + payments, earlier.Credits + credits)
                : new RemovedApplication(lineNo, payments, credits);
        }
    }

    private static AriaError Error(AriaErrorCode code, string message) => new(code, message, "invoice_no");
}
