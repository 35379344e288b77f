namespace Aria.Billing.Plans;

/// <summary>Whether a plan is a master plan or a supplemental plan under a master plan instance.</summary>
public enum PlanKind
{
    /// <summary>A master plan (its instance carries the bill day and interval).</summary>
    Master = 0,

    /// <summary>A supplemental plan under a master plan instance.</summary>
    Supplemental = 1,
}
