using System.Globalization;

namespace Aria.Billing.Plans.Internal;

/// <summary>
/// The messages of the error-code table of replace-acct-plan-m.txt, word for word (the manual's spelling, typos included,
/// so that a caller matching Aria's wording finds it). Every error of the plan rules starts with its code's message and
/// then says what was wrong with the input: <see cref="Compose"/>.
/// </summary>
internal static class ManualText
{
    public const string UnexpectedError = "unexpected error";
    public const string AuthenticationError = "authentication error";
    public const string AccountNotFoundByNumber = "Account not found: AriaNo";
    public const string AccountNotFoundByClientId = "Account not found: ClientId";
    public const string InvalidDateFormat = "invalid date format";
    public const string InvalidBoolean = "a parameter that represents a true or false value contains invalid input";
    public const string NoDataToModify = "there is no data to be modified";
    public const string AccountStatusBlocksChanges = "Billing or Plan changes not allowed due to the account status";
    public const string CannotAddAssignmentForStatus = "Cannot add assignment for account with status code";
    public const string InvalidSurchargeDirective = "Invalid surcharge directive";
    public const string CreditOnlyWithChargingMandatoryChild = "Credit-only proration is not valid in this case because there is a mandatory child Supplemental Plan that will be assigned and result in charges on the account.";
    public const string ProrationPeriodExceedsInterval = "pro-ration period cannot be greater than Plan billing interval";
    public const string InvalidAutoOffsetMonthsOption = "invalid automatic offset months option";
    public const string InvalidPlanInstanceFieldDirective = "Invalid Product Field Directive.";
    public const string PlanInstanceFieldValueMissing = "Missing values for required Plan instance field";
    public const string PlanInstanceFieldNotMapped = "Product field is not mapped to the Plan you have specified.";
    public const string InvalidProductField = "Invalid product field";
    public const string InvalidPlanInstanceFieldValue = "Invalid Product Field Value.";
    public const string TooManyPlanInstanceFieldValues = "Number of Product Field value exceeds maximum number of allowed values.";
    public const string TooFewPlanInstanceFieldValues = "Number of Product Field values does not meet required minimum number of values.";
    public const string NotAPlanInstanceField = "Field cannot be added because it is not a Plan instance field.";
    public const string AccountGroupDoesNotExist = "Client account group does not exist";
    public const string InvalidPlanNumber = "Invalid_plan_no";
    public const string InvalidPlanServiceCombination = "invalid Plan service combination";
    public const string InvalidRateScheduleNumber = "invalid rate schedule no";
    public const string SupplementalPlansNotEligible = "account has Supplemental Plans that are not eligible under this Master Plan";
    public const string AltRateScheduleCurrencyMismatch = "Alternate rate schedule's currency does not match the account's currency.";
    public const string NewPlanCurrencyMismatch = "New Plan does not have a rate schedule with a currency matching the account's currency.";
    public const string RateTiersNotContinuous = "When entering custom rates, the end sequence number of one tier must immediately precede the start sequence number of the next tier.";
    public const string InvalidRateTierStructure = "invalid rate tier structure";
    public const string TiersNotSupportedForService = "The custom rates for services other than usage and recurring types can have only one tier with rate_seq_no set to 1, the from_unit set to 1 and to_unit left empty.";
    public const string UsageAccumulationResetMonths = "usage_accumulation_reset_months must be from 0 to 99";
    public const string ExclusionGroupViolated = "Supplemental Plan violates Plan exclusion group";
    public const string OffsetIntervalNotPositive = "Offset Interval must be greater than zero";
    public const string InvalidEffectiveDate = "The Effective Date must be in the future, \"YYYY-MM-DD\" format, and a valid date.";
    public const string LastTierNotUnbounded = "The end units of final rate tier is not infinity";
    public const string InvalidPromoCode = "Invalid Promo Code";
    public const string InvalidClientPlanId = "Invalid client Plan id";
    public const string InvalidClientServiceId = "Invalid client service id";
    public const string InvalidClientRateScheduleId = "Invalid client rate schedule id";
    public const string InvalidRateSequence = "Invalid Plan instance rate_seq combination";
    public const string InvalidPlanInstanceNumber = "Invalid Plan instance number";
    public const string InvalidClientPlanInstanceId = "Invalid client Plan instance identifier";
    public const string InstanceStatusBlocksReplace = "Plan cannot be replaced because the Plan stauts of the existing lan does not allow the Plan to be replaced"; // sic
    public const string DuplicateClientPlanInstanceId = "duplicate Plan instance client defined id.";
    public const string SupplementalPlanNotEligible = "Supplemental Plan not eligible under this Plan instance.";
    public const string AccountStatusBlocksProvisioning = "Account status not support Plan provisioning.";
    public const string SupplementalStatusBlocksProvisioning = "Supplemental Plan instance status not support Plan provisioning.";
    public const string PlanUnitsBelowMinimum = "Plan Units cannot be below the minimum required units for this child Plan.";
    public const string PlanUnitsAboveMaximum = "The maximum number of allowable units has been exceeded.";
    public const string InvalidProrationInvoiceTiming = "Invalid proration invoice timing";
    public const string MandatoryChildReplaced = "Mandatory child Plans cannot be replaced unless their parent Plan is also modified.";
    public const string InvalidServiceNumber = "Invalid Service Number.";
    public const string InstanceInQueuedAssignment = "Cannot update/replace/cancel any queued Plan instance which is in queued assignment";
    public const string NegativeRatePerUnit = "Rate per unit cannot be negative.";
    public const string NegativeOffsetMonths = "Offset months must be greater than or equal to 0.";
    public const string UsagePoolingNotEnabled = "To permit usage pooling on plans the invoice settings parameter 'Allow MPI Level Usage Pooling' needs enabling.";
    public const string CurrencyChangeWithoutTargetRates = "Cannot force currency change while account has Master Plan / Supplemental Plans that do not have an available rate schedule in the target currency";
    public const string CurrencyChangeWithPendingInvoices = "Pending Invoices must be discarded prior to forcing a currency change.";
    public const string CurrencyChangeWithSurcharges = "Surcharges must be discarded or voided prior to forcing a currency change.";
    public const string CurrencyChangeWithUnbilledUsage = "Rated but unbilled usage records must be discarded prior to forcing a currency change.";
    public const string CurrencyChangeWithDiscountsOrCoupons = "Discounts (flat rate) or Coupons in an existing currency must be discarded or voided prior to forcing a currency change.";
    public const string CurrencyChangeWithPendingOrders = "Pending Orders in an existing currency must be discarded or voided prior to forcing a currency change.";
    public const string CurrencyChangeWithDirective = "Force currency change not allowed with the supplied assignment directive.";
    public const string CurrencyChangeWithThresholdRules = "There are threshold billing rules attached to this account that will need to be removed prior to changing currency since they are not in the future currency.";
    public const string CurrencyChangeWithRolloverContract = "There is an active rollover contract for existing currency and it should be cancelled or terminated before proceeding.";
    public const string RolloverPlanCurrencyMismatch = "Rollover plan does not have an active rate schedule with a currency matching the account's currency.";
    public const string UsagePoolingWithPerRecordRating = "Usage Pooling is not allowed when the Rating Model rates usage on a \u2018per record\u2019 basis.";
    public const string InvalidCouponCode = "invalid coupon code";
    public const string CouponExpired = "coupon expired";
    public const string DuplicateSurcharge = "Duplicate surcharge number in input";
    public const string InvalidSurchargeRateSchedule = "Invalid surcharge rate schedule no";
    public const string InvalidSurchargeNumber = "Invalid surcharge number";
    public const string CouponScopeMismatch = "The coupon code provided for this account or Master Plan does not match its specified Coupon Applicability Scope, which determines whether the coupon is available at the account level, the Master Plan Instance level, or both.";
    public const string CouponAlreadyApplied = "Coupon code has already been applied and cannot be used again.";
    public const string SurchargeScopeMismatch = "The surcharge provided for this Account or Master Plan does not match its specified Surcharge Applicability Scope, which determines whether the surcharge is available at the account level, Master Plan Instance level or both.";
    public const string SurchargeScopeIsPaymentMethod = "Surcharge can't be assigned because its application scope is payment method";
    public const string RolloverRateScheduleCurrencyMismatch = "The currency for the contract completion rollover target rate schedule must match the currency on the account.";
    public const string InvalidUsageThresholdApplicability = "Invalid usage threshold applicability";
    public const string IllegalCharacters = "Illegal characters entered";
    public const string InvalidServiceLocation = "The service location provided is not valid.";
    public const string InvalidClientServiceLocationId = "The client service location id provided is not valid.";
    public const string ServiceLocationInactive = "The service location provided has been disabled or deleted and cannot be associated with a Plan instance.";
    public const string InvalidContactNumber = "The contact number provided is invalid for the specified account.";

    /// <summary>
    /// The manual's message followed by what was wrong: <c>"Invalid Promo Code: 'SPRING' is not …"</c>, or, after a message
    /// that ends a sentence, <c>"Invalid Service Number. 999 is not …"</c>.
    /// </summary>
    public static string Compose(string manual, string detail) =>
        string.IsNullOrEmpty(detail) ? manual
        : manual.EndsWith('.') ? string.Concat(manual, " ", detail)
        : string.Concat(manual, ": ", detail);

    /// <summary>An invariant rendering of a number for messages.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An invariant rendering of a number for messages.</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
