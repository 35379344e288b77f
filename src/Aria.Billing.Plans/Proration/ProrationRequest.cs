using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// A mid-period plan change to quote: the old plan's recurring fee is credited for its unused days and the new plan's fee
/// charged for the days that remain. A value type, so quoting allocates nothing.
/// </summary>
public readonly record struct ProrationRequest
{
    /// <summary>The billing cycle of the master plan instance (bill day and interval of the old plan).</summary>
    public required BillingCycle Cycle { get; init; }

    /// <summary>The new plan's cycle when its billing interval differs; <see langword="null"/> when it is the same.</summary>
    public BillingCycle? NewCycle { get; init; }

    /// <summary>The old plan's recurring rate per unit for one period.</summary>
    public required Money OldRatePerUnit { get; init; }

    /// <summary>The old plan's units.</summary>
    public decimal OldUnits { get; init; }

    /// <summary>The new plan's recurring rate per unit for one period.</summary>
    public required Money NewRatePerUnit { get; init; }

    /// <summary>The new plan's units.</summary>
    public decimal NewUnits { get; init; }

    /// <summary>The date the change takes effect.</summary>
    public required LocalDate EffectiveDate { get; init; }

    /// <summary>The <c>alt_proration_start_date</c>: when given, the prorated span starts here instead of the effective date.</summary>
    public LocalDate? AltProrationStartDate { get; init; }

    /// <summary>
    /// The recurring period last invoiced, which bounds <see cref="AltProrationStartDate"/> (3017, 14306); by default the
    /// period of <see cref="Cycle"/> that contains the effective date (recurring fees bill in advance). An ordinary change
    /// (no alternate start) is quoted on the period containing its effective date whatever was invoiced since.
    /// </summary>
    public BillingPeriod? LastInvoicedPeriod { get; init; }

    /// <summary>Which amounts to prorate; <see cref="ProrationPolicy.ClientRule"/> applies the client's rule.</summary>
    public ProrationPolicy Policy { get; init; }
}
