namespace Aria.Billing.Sync;

/// <summary>
/// The catalog and account sync errors of the spec, each with its cause and resolution (in this library's words), so a host
/// can show the resolution next to a summary row.
/// </summary>
public static class SyncErrorCatalog
{
    private static readonly SyncDomain[] Catalog = [SyncDomain.Catalog];
    private static readonly SyncDomain[] Account = [SyncDomain.Account];
    private static readonly SyncDomain[] Both = [SyncDomain.Catalog, SyncDomain.Account];

    private static readonly Dictionary<string, SyncErrorCatalogEntry> Entries = new SyncErrorCatalogEntry[]
    {
        new(SyncErrorCodes.BillableServiceNotFound, Catalog, "A plan or plan rate schedule refers to a service that has not reached the rating engine.", "Save the service again in the billing system so it re-syncs, link its service type to the billable service, then reprocess.", true),
        new(SyncErrorCodes.ServiceNumNotFound, Catalog, "A plan message carries a service number the rating engine does not know.", "Save the service again in the billing system so it re-syncs, link its service type to the billable service, then reprocess.", true),
        new(SyncErrorCodes.PriceOfferIsNotFound, Catalog, "A plan update arrived before the plan's original configuration was synced.", "Fix the errors of the original plan message, then reprocess this one.", true),
        new(SyncErrorCodes.GatewayObjectTypeIsNotFound, Catalog, "The gateway sync settings have no configuration for this object type.", "Add the object type to the gateway sync object settings, then reprocess.", false),
        new(SyncErrorCodes.AdvancedUsagePricingFlagNotSet, Catalog, "The advanced usage pricing set-up is incomplete or contradictory.", "Either use custom tiered rates from billing (Usage Custom Rates From Billing = true, advanced pricing flag off) or the rating engine's pricing (property false, advanced pricing flag on for the plan); then reprocess.", false),
        new(SyncErrorCodes.PlanRateScheduleNotFound, Catalog, "The plan rate schedule does not exist in the rating engine.", "Sync the plan message first, then reprocess this one.", true),
        new(SyncErrorCodes.ProcessNotDefinedForGatewayObjectType, Both, "The billing system feeds an object type the rating engine does not process.", "Correct the data feed enablement in the billing system; if the feed is needed, ask support about it.", false),
        new(SyncErrorCodes.SyncEventIsNotFound, Both, "No sync record exists for the given event id.", "Fix the cause where the event came from, then reprocess.", false),
        new(SyncErrorCodes.SyncEventNotValidForErrorProcess, Both, "The record is COMPLETE or IGNORED; it cannot be reprocessed as an error.", "Turn off the data feed for the event and ignore the record; if the feed is needed, ask support.", false),
        new(SyncErrorCodes.ParentPriceUnitIsNotFound, Account, "A supplemental or add-on plan instance arrived while the account has no master plan instance in the rating engine.", "Sync the parent plan instance message first, then reprocess this one.", true),
        new(SyncErrorCodes.BillingStatusCodeIsNotMapped, Account, "The rating engine has no mapping for the status code sent by the billing system.", "Have support add the status code mapping, then reprocess.", false),
        new(SyncErrorCodes.UsageTypeNotFound, Account, "A usage type of the plan instance does not exist in the rating engine.", "Reprocess or re-sync the usage type catalog message, make sure the plan catalog message synced, then reprocess.", true),
        new(SyncErrorCodes.ResponsiblePlanInstanceIsNotFound, Account, "The responsible plan instance or its subscription is missing in the rating engine.", "Sync the responsible plan instance's create message first, then reprocess.", true),
        new(SyncErrorCodes.AccountIsNotFound, Account, "The account does not exist in the rating engine.", "Sync (or reprocess) the account's create message first, then reprocess this one.", true),
        new(SyncErrorCodes.PlanInstancePriceUnitIsNotFound, Account, "A plan instance update arrived before its create message synced, so it has no price units.", "Sync or reprocess the plan instance create message first, then reprocess this one.", true),
        new(SyncErrorCodes.PlanInstanceBillingAttributesNotFound, Account, "The plan instance message lacks required billing attributes.", "Reprocess the record.", false),
        new(SyncErrorCodes.BillingProfileObjectNotCreated, Account, "A plan instance update arrived but its billing profile does not exist.", "Sync or reprocess the plan instance create message, then reprocess this one.", true),
        new(SyncErrorCodes.UsageCustomRatesFromBillingFlagNotSet, Account, "The plan instance has custom rates but the rating engine does not take custom rates from billing.", "Use TIERED pricing, turn on Usage Custom Rates From Billing, keep the advanced pricing flag off, then reprocess.", false),
        new(SyncErrorCodes.ErrorBuildingTiersFromCustomRatesFromBilling, Account, "The custom usage rates could not be mapped to tiered pricing.", "Check the price offer's tiers and the instance's custom tier rates, adjust, then reprocess.", false),
        new(SyncErrorCodes.SubscriptionIsNotFound, Account, "The account has no subscription; subscriptions are created with master plan instances.", "Sync or reprocess the contract or plan instance create message first, then reprocess this one.", true),
        new(SyncErrorCodes.ObjectIsNotForUsageProcess, Account, "The plan instance or object is not set up for usage processing.", "Check the advanced usage pricing flag and the custom rates property; the master plan needs a usage type. If no usage processing is needed, ignore the record.", false),
    }.ToDictionary(e => e.Code.Value, StringComparer.Ordinal);

    /// <summary>Every entry, by code.</summary>
    public static IReadOnlyCollection<SyncErrorCatalogEntry> All => Entries.Values;

    /// <summary>The entry for <paramref name="code"/>, or <see langword="null"/> for a code the catalog does not list.</summary>
    public static SyncErrorCatalogEntry? Find(string? code) => code is not null && Entries.TryGetValue(code, out var entry) ? entry : null;
}
