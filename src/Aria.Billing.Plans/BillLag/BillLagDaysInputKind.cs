namespace Aria.Billing.Plans;

/// <summary>What a <c>bill_lag_days</c> input asks for.</summary>
public enum BillLagDaysInputKind
{
    /// <summary>Nothing was passed.</summary>
    NotGiven = 0,

    /// <summary>A number of days was passed.</summary>
    Value = 1,

    /// <summary>The numeric erase indicator <c>~</c> was passed: remove the master plan instance's value.</summary>
    Erase = 2,
}
