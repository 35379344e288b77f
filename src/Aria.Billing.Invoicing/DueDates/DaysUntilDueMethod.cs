namespace Aria.Billing.Invoicing;

/// <summary>How payment terms count the days until an invoice is due (spec: release-6.50.txt, <c>days_until_due_method</c>).</summary>
public enum DaysUntilDueMethod
{
    /// <summary>"invoice": the invoice date plus n days (the default).</summary>
    AfterInvoiceDate = 0,

    /// <summary>"current month": the end of the invoice's month plus n days.</summary>
    AfterEndOfMonth = 1,
}
