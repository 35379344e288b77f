using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>The due date of an invoice under payment terms (spec: release-6.50.txt, Enhanced Payment Terms, DEV-7151).</summary>
public static class DueDateCalculator
{
    /// <summary>
    /// The due date: invoice date + <paramref name="daysUntilDue"/>, or the last day of the invoice's month +
    /// <paramref name="daysUntilDue"/> (invoice Mar 15, 10 days: Mar 25, or Apr 10).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysUntilDue"/> is negative or <paramref name="method"/> is undefined.</exception>
    public static LocalDate DueDate(LocalDate invoiceDate, int daysUntilDue, DaysUntilDueMethod method = DaysUntilDueMethod.AfterInvoiceDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysUntilDue);
        return method switch
        {
            DaysUntilDueMethod.AfterInvoiceDate => invoiceDate.PlusDays(daysUntilDue),
            DaysUntilDueMethod.AfterEndOfMonth => invoiceDate.With(DateAdjusters.EndOfMonth).PlusDays(daysUntilDue),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a DaysUntilDueMethod value."),
        };
    }
}
