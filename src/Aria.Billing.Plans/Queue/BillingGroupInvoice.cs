namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The invoice that follows the executed changes of one billing group (spec: release-6.50.txt, Invoicing Interactions):
/// every change of the group appears on it; each master plan instance is prorated on its own anniversary (instances of one
/// group with different anniversaries get different spans); then discounts, surcharges, credits, tax and payment
/// surcharges apply, in <see cref="Steps"/> order.
/// </summary>
/// <param name="BillingGroup">The billing group.</param>
/// <param name="Changes">The executed changes on the invoice, in the order applied.</param>
/// <param name="Spans">Each master plan instance's prorated span, by instance number.</param>
public sealed record BillingGroupInvoice(string BillingGroup, IReadOnlyList<Guid> Changes, IReadOnlyList<ProratedSpan> Spans)
{
    /// <summary>The order in which the invoice is built: the plan changes, then discounts, surcharges, credits, tax, payment surcharges.</summary>
    public static IReadOnlyList<InvoiceStep> Steps { get; } =
        [InvoiceStep.PlanChanges, InvoiceStep.Discounts, InvoiceStep.Surcharges, InvoiceStep.Credits, InvoiceStep.Tax, InvoiceStep.PaymentSurcharges];
}
