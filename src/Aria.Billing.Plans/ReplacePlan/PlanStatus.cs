namespace Aria.Billing.Plans;

/// <summary>The <c>plan_status</c> values a replacement may set (spec: replace-acct-plan-m.txt).</summary>
public enum PlanStatus
{
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
