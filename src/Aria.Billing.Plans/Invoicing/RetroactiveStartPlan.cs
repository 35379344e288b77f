using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>What adding a supplemental plan from a (possibly retroactive) start produces.</summary>
/// <param name="StartDate">The plan's start: the alternate proration start date.</param>
/// <param name="CurrentPeriod">The current billing period (the one that contains today).</param>
/// <param name="CatchUpInvoices">Invoices generated at once for previous periods; empty when the start is in the current period or later.</param>
/// <param name="CurrentPeriodCoverage">The part of the current period the plan is billed for on the regular invoice.</param>
public sealed record RetroactiveStartPlan(
    LocalDate StartDate,
    BillingPeriod CurrentPeriod,
    IReadOnlyList<PlannedInvoice> CatchUpInvoices,
    CoveredPeriod CurrentPeriodCoverage)
{
    /// <summary>Whether the start lies in a previous bill cycle.</summary>
    public bool IsRetroactive => CatchUpInvoices.Count > 0;
}
