namespace Aria.Billing.Plans;

/// <summary>The invoices to generate for one master plan instance, and how they were decided.</summary>
/// <param name="Invoices">The invoices, in date order.</param>
/// <param name="Combine">The combine choice applied (never <see cref="CombineInvoices.ClientDefault"/>).</param>
/// <param name="PeriodsDue">The number of billing periods whose invoice date had come.</param>
public sealed record InvoicePlan(IReadOnlyList<PlannedInvoice> Invoices, CombineInvoices Combine, int PeriodsDue)
{
    /// <summary>Whether more than one period was due: a catch-up.</summary>
    public bool IsCatchUp => PeriodsDue > 1;
}
