namespace Aria.Billing.Plans;

/// <summary>A surcharge's "Surcharge Applicability Scope": where it may be assigned.</summary>
public enum SurchargeScope
{
    /// <summary>At the account level only (not on a master plan instance: 15013).</summary>
    Account = 1,

    /// <summary>At the master plan instance level only.</summary>
    MasterPlanInstance = 2,

    /// <summary>At either level.</summary>
    Both = 3,

    /// <summary>To a payment method (never to a plan instance: 15015).</summary>
    PaymentMethod = 4,
}
