using System.Globalization;
using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>
/// Whether an invoice handed to the ledger is consistent; every problem as an INVOICE_NOT_VALID error naming it, or each date
/// outside <see cref="BusinessDates"/> as the date code (1024).
/// </summary>
internal static class InvoiceCheck
{
    internal static IReadOnlyList<AriaError> Problems(Invoice invoice)
    {
        var outside = OutsideBusinessDates(invoice);
        return outside.Count > 0 ? outside : Inconsistencies(invoice);
    }

    /// <summary>Each date of the invoice outside <see cref="BusinessDates"/>, as the date code (1024) naming the date.</summary>
    private static List<AriaError> OutsideBusinessDates(Invoice invoice)
    {
        var errors = new List<AriaError>();
        foreach (var (date, input) in new (LocalDate? Date, string Input)[]
        {
            (invoice.BillDate, "bill_date"), (invoice.PeriodStart, "period_start"), (invoice.PeriodEnd, "period_end"),
            (invoice.InvoiceDate, "invoice_date"), (invoice.DueDate, "due_date"),
        })
        {
            if (date is { } given && BusinessDates.Check(given, input) is { } error)
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    private static IReadOnlyList<AriaError> Inconsistencies(Invoice invoice)
    {
        var problems = new List<string>();
        if (invoice.Client.Value <= 0 || invoice.Account.Value <= 0 || invoice.InvoiceNo <= 0)
        {
            problems.Add("client_no, acct_no and invoice_no must be positive");
        }

        if (invoice.Currency.Code is null)
        {
            problems.Add("the invoice has no currency");
            return Errors(problems);
        }

        if (!Enum.IsDefined(invoice.State))
        {
            problems.Add($"state {(int)invoice.State} is not pending (0), posted (1) or voided (2)");
        }

        if (invoice.PeriodEnd <= invoice.PeriodStart)
        {
            problems.Add($"the billing period [{invoice.PeriodStart:uuuu-MM-dd}, {invoice.PeriodEnd:uuuu-MM-dd}) is empty");
        }

        if (invoice.DisputedAmount < 0m)
        {
            problems.Add("the disputed amount is negative");
        }

        if (invoice.Lines is not { Count: > 0 })
        {
            problems.Add("the invoice has no line");
            return Errors(problems);
        }

        var numbers = new HashSet<int>();
        foreach (var line in invoice.Lines)
        {
            var at = $"line {line.LineNo}";
            if (line.LineNo <= 0 || !numbers.Add(line.LineNo))
            {
                problems.Add($"{at}: line numbers must be positive and unique");
            }

            if (!Enum.IsDefined(line.Kind) || !Enum.IsDefined(line.ChargeType))
            {
                problems.Add($"{at}: unknown line kind or charge type");
            }

            foreach (var (name, amount) in new[] { ("amount", line.Amount), ("payments", line.PaymentsApplied), ("credits", line.CreditsApplied), ("credit memos", line.CreditMemosApplied) })
            {
                if (amount.Currency != invoice.Currency)
                {
                    problems.Add($"{at}: {name} are in {amount.Currency}, the invoice in {invoice.Currency}");
                }
                else if (amount.Amount < 0m || !amount.IsRounded)
                {
                    problems.Add($"{at}: {name} of {amount.Amount.ToString(CultureInfo.InvariantCulture)} must be 0 or more, in {invoice.Currency}'s minor units");
                }
            }

            if (problems.Count == 0 && (line.PaymentsApplied + line.CreditsApplied + line.CreditMemosApplied) > line.Amount)
            {
                problems.Add($"{at}: payments, credits and credit memos applied exceed the line amount {line.Amount}");
            }

            if (line.TaxRate < 0m)
            {
                problems.Add($"{at}: the tax rate is negative");
            }

            if (line.Kind == InvoiceLineKind.Charge && line.TaxedLineNo is not null)
            {
                problems.Add($"{at}: only a tax line names the line it taxes");
            }
        }

        foreach (var line in invoice.Lines.Where(static l => l.Kind == InvoiceLineKind.Tax && l.TaxedLineNo is not null))
        {
            if (invoice.FindLine(line.TaxedLineNo!.Value) is not { Kind: InvoiceLineKind.Charge })
            {
                problems.Add($"line {line.LineNo}: it taxes line {line.TaxedLineNo}, which is not a charge line of the invoice");
            }
        }

        return Errors(problems);
    }

    private static IReadOnlyList<AriaError> Errors(List<string> problems) =>
        [.. problems.Select(static p => new AriaError(InvoicingErrorCodes.InvoiceNotValid, "The invoice is not valid: " + p + ".", "invoice"))];
}
