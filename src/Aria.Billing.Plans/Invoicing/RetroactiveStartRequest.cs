using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// A supplemental plan added under an existing master plan instance with an <c>alt_proration_start_date</c> that may lie
/// in a previous bill cycle (spec: release-6.50.txt, Assign a Retroactive Start Date for Supplemental Plans, DEV-7187).
/// </summary>
public sealed record RetroactiveStartRequest
{
    /// <summary>The master plan instance's billing cycle.</summary>
    public required BillingCycle Cycle { get; init; }

    /// <summary>The start date of the parent plan instance: the earliest allowed start.</summary>
    public required LocalDate ParentStartDate { get; init; }

    /// <summary>The requested start (<c>alt_proration_start_date</c>).</summary>
    public required LocalDate AltProrationStartDate { get; init; }

    /// <summary>Today in the client's time zone.</summary>
    public required LocalDate Today { get; init; }

    /// <summary>The <c>invoicing_option</c> input (1 consolidated, 2 individual); required for a start in a previous cycle.</summary>
    public int? InvoicingOption { get; init; }

    /// <summary>
    /// Whether the parent master plan instance has a pending plan rollover: the manual cautions against combining the
    /// catch-up invoices of a retroactive start with a rollover (a warning, the plan is still made).
    /// </summary>
    public bool HasPendingRollover { get; init; }

    /// <summary>The supplemental plan's recurring rate per unit, to price the catch-up; optional.</summary>
    public Money? RatePerUnit { get; init; }

    /// <summary>The supplemental plan's units.</summary>
    public decimal Units { get; init; } = 1;
}
