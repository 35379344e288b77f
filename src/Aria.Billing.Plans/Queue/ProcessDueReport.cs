namespace Aria.Billing.Plans.Queue;

/// <summary>What one <see cref="PlanChangeQueue.ProcessDueAsync"/> run did.</summary>
/// <param name="Executed">Changes applied, in the order applied.</param>
/// <param name="Failed">Changes whose apply failed; they stay queued with the error recorded.</param>
/// <param name="Deleted">Changes deleted by the system (voided by a parent's state, blocked by dunning, superseded), with reasons.</param>
/// <param name="Invoices">The invoice after the executed changes of each billing group: its changes, each master plan instance's prorated span, and what applies after.</param>
/// <param name="InvoiceAdjustments">Invoices to void and re-issue for the new plan (negative bill lag): every period already invoiced by a change's date.</param>
public sealed record ProcessDueReport(
    IReadOnlyList<PlanChange> Executed,
    IReadOnlyList<ProcessedChange> Failed,
    IReadOnlyList<PlanChange> Deleted,
    IReadOnlyList<BillingGroupInvoice> Invoices,
    IReadOnlyList<InvoiceAdjustment> InvoiceAdjustments);
