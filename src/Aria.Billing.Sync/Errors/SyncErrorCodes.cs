namespace Aria.Billing.Sync;

/// <summary>The symbolic codes of the sync error catalog (spec: billing-sync-reprocess.txt, "Common … Sync Errors").</summary>
public static class SyncErrorCodes
{
#pragma warning disable CS1591 // The names are the spec's codes; SyncErrorCatalog documents each.
    public const string BillableServiceNotFound = "BILLABLE_SERVICE_NOT_FOUND";
    public const string ServiceNumNotFound = "SERVICE_NUM_NOT_FOUND";
    public const string PriceOfferIsNotFound = "PRICE_OFFER_IS_NOT_FOUND";
    public const string GatewayObjectTypeIsNotFound = "GATEWAY_OBJECT_TYPE_IS_NOT_FOUND";
    public const string AdvancedUsagePricingFlagNotSet = "ADVANCED_USAGE_PRICING_FLAG_NOT_SET";
    public const string PlanRateScheduleNotFound = "PLAN_RATE_SCHEDULE_NOT_FOUND";
    public const string ProcessNotDefinedForGatewayObjectType = "PROCESS_NOT_DEFINED_FOR_GATEWAY_OBJECT_TYPE";
    public const string SyncEventIsNotFound = "SYNC_EVENT_IS_NOT_FOUND";
    public const string SyncEventNotValidForErrorProcess = "SYNC_EVENT_NOT_VALID_FOR_ERROR_PROCESS";
    public const string ParentPriceUnitIsNotFound = "PARENT_PRICE_UNIT_IS_NOT_FOUND";
    public const string BillingStatusCodeIsNotMapped = "BILLING_STATUS_CODE_IS_NOT_MAPPED";
    public const string UsageTypeNotFound = "USAGE_TYPE_NOT_FOUND";
    public const string ResponsiblePlanInstanceIsNotFound = "RESPONSIBLE_PLAN_INSTANCE_IS_NOT_FOUND";
    public const string AccountIsNotFound = "ACCOUNT_IS_NOT_FOUND";
    public const string PlanInstancePriceUnitIsNotFound = "PLAN_INSTANCE_PRICE_UNIT_IS_NOT_FOUND";
    public const string PlanInstanceBillingAttributesNotFound = "PLAN_INSTANCE_BILLING_ATTRIBUTES_NOT_FOUND";
    public const string BillingProfileObjectNotCreated = "BILLING_PROFILE_OBJECT_NOT_CREATED";
    public const string UsageCustomRatesFromBillingFlagNotSet = "USAGE_CUSTOM_RATES_FROM_BILLING_FLAG_NOT_SET";
    public const string ErrorBuildingTiersFromCustomRatesFromBilling = "ERROR_BUILDING_TIERS_FROM_CUSTOM_RATES_FROM_BILLING";
    public const string SubscriptionIsNotFound = "SUBSCRIPTION_IS_NOT_FOUND";
    public const string ObjectIsNotForUsageProcess = "OBJECT_IS_NOT_FOR_USAGE_PROCESS";
#pragma warning restore CS1591

    /// <summary>SYNC_OPERATION_IN_PROGRESS: a reprocess or discard of an overlapping scope is running.</summary>
    public const string SyncOperationInProgress = "SYNC_OPERATION_IN_PROGRESS";

    /// <summary>SYNC_OPERATION_NOT_FOUND: no bulk operation with this id.</summary>
    public const string SyncOperationNotFound = "SYNC_OPERATION_NOT_FOUND";

    /// <summary>HANDLER_FAILED: the host's handler threw instead of returning an outcome.</summary>
    public const string HandlerFailed = "HANDLER_FAILED";
}
