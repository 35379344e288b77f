namespace Aria.Billing.Sync;

/// <summary>Options of sync reprocessing.</summary>
public sealed class SyncOptions
{
    /// <summary>The configuration section these options bind to by convention: <c>AriaBilling:Sync</c>.</summary>
    public const string SectionName = "AriaBilling:Sync";

    /// <summary>How many records a bulk operation takes from the store at a time (and saves its progress after).</summary>
    /// <value>Default 500; 1 to 10,000.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Object names in the order their records are reprocessed ("prerequisites first"): usage types and services before
    /// plans, accounts before plan instances, master before supplemental. Names match whole, ignoring case; unlisted
    /// objects come last. Within one object, create actions come before the others.
    /// </summary>
    /// <value>Default: Usage Type, Service, Services, Plan, Plan Rate Schedule, Plan Services, Rates, Account, Contact,
    /// Master Plan Instance, Plan Instance, Supplemental Plan Instance, Contract.</value>
    public IList<string> DependencyOrder { get; set; } =
    [
        "Usage Type", "Service", "Services", "Plan", "Plan Rate Schedule", "Plan Services", "Rates",
        "Account", "Contact", "Master Plan Instance", "Plan Instance", "Supplemental Plan Instance", "Contract",
    ];
}
