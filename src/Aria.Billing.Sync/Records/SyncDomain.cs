namespace Aria.Billing.Sync;

/// <summary>The three sync activity logs (spec: billing-sync-reprocess.txt).</summary>
public enum SyncDomain
{
    /// <summary>Catalog items synchronized from the billing system to the rating engine.</summary>
    Catalog = 0,

    /// <summary>Account data synchronized from the billing system to the rating engine.</summary>
    Account = 1,

    /// <summary>Aggregated usage records sent from the rating engine to the billing system.</summary>
    AggregatedUsage = 2,
}
