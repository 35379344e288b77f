namespace Aria.Billing.Plans;

/// <summary>A coupon's "Coupon Applicability Scope": where it may be applied.</summary>
public enum CouponScope
{
    /// <summary>At the account level only (not on a master plan instance: 15011).</summary>
    Account = 1,

    /// <summary>At the master plan instance level only.</summary>
    MasterPlanInstance = 2,

    /// <summary>At either level.</summary>
    Both = 3,
}
