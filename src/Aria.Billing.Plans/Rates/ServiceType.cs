namespace Aria.Billing.Plans;

/// <summary>The kind of service a rate schedule prices; only usage and recurring services may have several tiers.</summary>
public enum ServiceType
{
    /// <summary>A usage service (rated from usage records).</summary>
    Usage = 0,

    /// <summary>A recurring service (a fee each billing period).</summary>
    Recurring = 1,

    /// <summary>Any other service (activation, order, cancellation fee …): one tier only.</summary>
    Other = 2,
}
