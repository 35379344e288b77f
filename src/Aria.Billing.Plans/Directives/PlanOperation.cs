namespace Aria.Billing.Plans;

/// <summary>What a plan change does to the plan instance.</summary>
public enum PlanOperation
{
    /// <summary>Assign a plan (creates a plan instance).</summary>
    Assign = 0,

    /// <summary>Cancel (remove) a plan instance.</summary>
    Cancel = 1,

    /// <summary>Replace the plan of an instance: a cancellation of the old plan and an assignment of the new one.</summary>
    Replace = 2,
}
