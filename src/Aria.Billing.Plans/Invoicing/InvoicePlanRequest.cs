using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>The state of one master plan instance from which its invoices up to a date are planned.</summary>
public sealed record InvoicePlanRequest
{
    /// <summary>The instance's billing cycle.</summary>
    public required BillingCycle Cycle { get; init; }

    /// <summary>The start of the first period not yet invoiced (a bill date; the period that contains it otherwise).</summary>
    public required LocalDate FirstUninvoicedPeriodStart { get; init; }

    /// <summary>Plan the invoices whose invoice date is on or before this date.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The bill lag days in force (invoice date = bill date + lag).</summary>
    public int BillLagDays { get; init; }

    /// <summary>The <c>combine_invoices</c> input: 1, 2 or 3 (the client default).</summary>
    public int CombineInvoices { get; init; } = (int)Plans.CombineInvoices.ClientDefault;

    /// <summary>Whether a plan rollover, contract rollover or other future plan change is pending (rules out long cycle).</summary>
    public bool HasPendingRolloverOrChange { get; init; }
}
