using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// An invoicing consequence of an executed change on a plan with negative bill lag whose date fell after the period's
/// invoice but before the period's end: void the full invoice of the period and invoice the new plan prorated from the
/// effective date to the period end (spec: release-6.50.txt, "Invoicing Interactions").
/// </summary>
/// <param name="ChangeId">The executed change.</param>
/// <param name="Instance">The master plan instance invoiced.</param>
/// <param name="VoidInvoiceOf">The period whose full invoice is voided.</param>
/// <param name="ProrateFrom">The first day of the prorated invoice (the effective date).</param>
/// <param name="ProrateTo">The period end (exclusive).</param>
public sealed record InvoiceAdjustment(Guid ChangeId, PlanInstanceNumber Instance, BillingPeriod VoidInvoiceOf, LocalDate ProrateFrom, LocalDate ProrateTo);
