namespace Aria.Billing.Sync;

/// <summary>The symbolic codes of the sync error catalog (spec: billing-sync-reprocess.txt, "Common … Sync Errors").</summary>
public static class SyncErrorCodes
{
#pragma warning disable CS1591 // The names are the spec's codes; SyncErrorCatalog documents each.
    public static AriaErrorCode BillableServiceNotFound { get; } = AriaErrorCode.Symbolic("BILLABLE_SERVICE_NOT_FOUND");
    public static AriaErrorCode ServiceNumNotFound { get; } = AriaErrorCode.Symbolic("SERVICE_NUM_NOT_FOUND");
    public static AriaErrorCode PriceOfferIsNotFound { get; } = AriaErrorCode.Symbolic("PRICE_OFFER_IS_NOT_FOUND");
    public static AriaErrorCode GatewayObjectTypeIsNotFound { get; } = AriaErrorCode.Symbolic("GATEWAY_OBJECT_TYPE_IS_NOT_FOUND");
    public static AriaErrorCode AdvancedUsagePricingFlagNotSet { get; } = AriaErrorCode.Symbolic("ADVANCED_USAGE_PRICING_FLAG_NOT_SET");
    public static AriaErrorCode PlanRateScheduleNotFound { get; } = AriaErrorCode.Symbolic("PLAN_RATE_SCHEDULE_NOT_FOUND");
    public static AriaErrorCode ProcessNotDefinedForGatewayObjectType { get; } = AriaErrorCode.Symbolic("PROCESS_NOT_DEFINED_FOR_GATEWAY_OBJECT_TYPE");
    public static AriaErrorCode SyncEventIsNotFound { get; } = AriaErrorCode.Symbolic("SYNC_EVENT_IS_NOT_FOUND");
    public static AriaErrorCode SyncEventNotValidForErrorProcess { get; } = AriaErrorCode.Symbolic("SYNC_EVENT_NOT_VALID_FOR_ERROR_PROCESS");
    public static AriaErrorCode ParentPriceUnitIsNotFound { get; } = AriaErrorCode.Symbolic("PARENT_PRICE_UNIT_IS_NOT_FOUND");
    public static AriaErrorCode BillingStatusCodeIsNotMapped { get; } = AriaErrorCode.Symbolic("BILLING_STATUS_CODE_IS_NOT_MAPPED");
    public static AriaErrorCode UsageTypeNotFound { get; } = AriaErrorCode.Symbolic("USAGE_TYPE_NOT_FOUND");
    public static AriaErrorCode ResponsiblePlanInstanceIsNotFound { get; } = AriaErrorCode.Symbolic("RESPONSIBLE_PLAN_INSTANCE_IS_NOT_FOUND");
    public static AriaErrorCode AccountIsNotFound { get; } = AriaErrorCode.Symbolic("ACCOUNT_IS_NOT_FOUND");
    public static AriaErrorCode PlanInstancePriceUnitIsNotFound { get; } = AriaErrorCode.Symbolic("PLAN_INSTANCE_PRICE_UNIT_IS_NOT_FOUND");
    public static AriaErrorCode PlanInstanceBillingAttributesNotFound { get; } = AriaErrorCode.Symbolic("PLAN_INSTANCE_BILLING_ATTRIBUTES_NOT_FOUND");
    public static AriaErrorCode BillingProfileObjectNotCreated { get; } = AriaErrorCode.Symbolic("BILLING_PROFILE_OBJECT_NOT_CREATED");
    public static AriaErrorCode UsageCustomRatesFromBillingFlagNotSet { get; } = AriaErrorCode.Symbolic("USAGE_CUSTOM_RATES_FROM_BILLING_FLAG_NOT_SET");
    public static AriaErrorCode ErrorBuildingTiersFromCustomRatesFromBilling { get; } = AriaErrorCode.Symbolic("ERROR_BUILDING_TIERS_FROM_CUSTOM_RATES_FROM_BILLING");
    public static AriaErrorCode SubscriptionIsNotFound { get; } = AriaErrorCode.Symbolic("SUBSCRIPTION_IS_NOT_FOUND");
    public static AriaErrorCode ObjectIsNotForUsageProcess { get; } = AriaErrorCode.Symbolic("OBJECT_IS_NOT_FOR_USAGE_PROCESS");
#pragma warning restore CS1591

    /// <summary>SYNC_OPERATION_IN_PROGRESS: a reprocess or discard of an overlapping scope is running.</summary>
    public static AriaErrorCode SyncOperationInProgress { get; } = AriaErrorCode.Symbolic("SYNC_OPERATION_IN_PROGRESS");

    /// <summary>SYNC_OPERATION_NOT_FOUND: no bulk operation with this id.</summary>
    public static AriaErrorCode SyncOperationNotFound { get; } = AriaErrorCode.Symbolic("SYNC_OPERATION_NOT_FOUND");

    /// <summary>HANDLER_FAILED: the host's handler threw instead of returning an outcome.</summary>
    public static AriaErrorCode HandlerFailed { get; } = AriaErrorCode.Symbolic("HANDLER_FAILED");
}
