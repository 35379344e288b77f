namespace Aria.Billing.Plans;

/// <summary>The inputs of a plan update or replacement that bear on bill lag days.</summary>
public sealed record BillLagUpdate
{
    /// <summary>The <c>bill_lag_days</c> input.</summary>
    public BillLagDaysInput BillLagDays { get; init; }

    /// <summary>The billing interval of the master plan instance the value applies to.</summary>
    public required BillingInterval Interval { get; init; }

    /// <summary>Whether the update also changes plan units, plan status or the alternate rate schedule.</summary>
    public bool ChangesUnitsStatusOrRateSchedule { get; init; }

    /// <summary>Whether the change is scheduled for the anniversary (assignment directive 1).</summary>
    public bool ScheduledForAnniversary { get; init; }
}
