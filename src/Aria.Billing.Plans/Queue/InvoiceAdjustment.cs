using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// An invoicing consequence of an executed change on a plan with negative bill lag whose date fell after a period's
/// invoice but before the period's end: void the full invoice of the period and invoice the new plan prorated from the
/// effective date to the period end (spec: release-6.50.txt, "Invoicing Interactions"). With negative bill lag beyond one
/// cycle (DEV-7039) the invoices of later periods may already be generated too: each is voided and invoiced again whole
/// for the new plan, one adjustment per period.
/// </summary>
/// <param name="ChangeId">The executed change.</param>
/// <param name="Instance">The master plan instance invoiced.</param>
/// <param name="VoidInvoiceOf">The period whose full invoice is voided.</param>
/// <param name="ProrateFrom">The first day of the new invoice: the effective date in the period that contains it, else the period start.</param>
/// <param name="ProrateTo">The period end (exclusive).</param>
public sealed record InvoiceAdjustment(Guid ChangeId, PlanInstanceNumber Instance, BillingPeriod VoidInvoiceOf, LocalDate ProrateFrom, LocalDate ProrateTo);
