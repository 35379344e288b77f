namespace Aria.Billing.Plans.Queue;

/// <summary>The status of a plan instance, by the billing system's status codes.</summary>
public enum PlanInstanceStatus
{
    /// <summary>-3: Terminated.</summary>
    Terminated = -3,

    /// <summary>-2: Cancelled.</summary>
    Cancelled = -2,

    /// <summary>-1: Suspended.</summary>
    Suspended = -1,

    /// <summary>0: Inactive.</summary>
    Inactive = 0,

    /// <summary>1: Active.</summary>
    Active = 1,

    /// <summary>31: Pending Installation.</summary>
    PendingInstallation = 31,

    /// <summary>32: Pending Activation.</summary>
    PendingActivation = 32,

    /// <summary>41: Trial.</summary>
    Trial = 41,

    /// <summary>61: Active Non-Billable.</summary>
    ActiveNonBillable = 61,
}
