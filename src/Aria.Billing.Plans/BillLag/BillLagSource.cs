namespace Aria.Billing.Plans;

/// <summary>The levels that can set bill lag days, highest precedence first (spec: replace-acct-plan-m.txt, bill_lag_days).</summary>
public enum BillLagSource
{
    /// <summary>1. The master plan instance (for a given account).</summary>
    MasterPlanInstance = 1,

    /// <summary>2. The collection group.</summary>
    CollectionGroup = 2,

    /// <summary>3. The payment terms or payment method.</summary>
    PaymentTermsOrMethod = 3,

    /// <summary>4. The client setting (Configuration > Billing > Bill Lag Days).</summary>
    Client = 4,
}
