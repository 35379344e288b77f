namespace Aria.Billing.Plans;

/// <summary>
/// The codes of the plan-change rules. Numeric codes are those of <c>replace-acct-plan-m.txt</c>; symbolic codes name
/// rules the spec states without giving them a number.
/// </summary>
public static class PlanErrorCodes
{
    /// <summary>1001: unexpected error. The replace-plan validator reports it when the host's facts contradict themselves (an instance whose plan or parent is missing from the snapshot).</summary>
    public static AriaErrorCode UnexpectedError => AriaErrorCodes.UnexpectedError;

    /// <summary>1004: authentication error: <c>client_no</c> does not name the client whose facts the request is validated against.</summary>
    public static AriaErrorCode AuthenticationError => AriaErrorCodes.AuthenticationError;

    /// <summary>1009: account does not exist ("Account not found: AriaNo (acct_no)" or "Account not found: ClientId (client_acct_id)").</summary>
    public static AriaErrorCode AccountDoesNotExist => AriaErrorCodes.AccountDoesNotExist;

    /// <summary>1010: a required input is missing (for example <c>effective_date</c> with assignment directive 7–11).</summary>
    public static AriaErrorCode MissingRequiredParameter => AriaErrorCodes.MissingRequiredParameter;

    /// <summary>1024: invalid date format; dates are <c>yyyy-mm-dd</c>.</summary>
    public static AriaErrorCode InvalidDateFormat => AriaErrorCodes.InvalidDateFormat;

    /// <summary>1033: a true/false input holds something else.</summary>
    public static AriaErrorCode InvalidBoolean => AriaErrorCodes.InvalidBoolean;

    /// <summary>1034: there is no data to be modified (the new plan is the current plan and nothing else changes).</summary>
    public static AriaErrorCode NoDataToModify { get; } = 1034;

    /// <summary>1035: invalid assignment directive (unknown, or not permitted for this change).</summary>
    public static AriaErrorCode InvalidAssignmentDirective { get; } = 1035;

    /// <summary>1049: billing or plan changes are not allowed due to the account status (inactive 0, archived -99, or in dunning).</summary>
    public static AriaErrorCode AccountStatusBlocksChanges { get; } = 1049;

    /// <summary>1064: invalid surcharge directive (<c>mp_surcharge_directive</c> is 1 or 2).</summary>
    public static AriaErrorCode InvalidSurchargeDirective { get; } = 1064;

    /// <summary>1101: credit-only proration while a mandatory child supplemental plan will charge the account.</summary>
    public static AriaErrorCode CreditOnlyWithChargingMandatoryChild { get; } = 1101;

    /// <summary>3017: the proration period cannot be greater than the plan's billing interval.</summary>
    public static AriaErrorCode ProrationPeriodExceedsInterval { get; } = 3017;

    /// <summary>3018: invalid automatic offset months option (<c>auto_offset_months_option</c> is 1 or 2).</summary>
    public static AriaErrorCode InvalidAutoOffsetMonthsOption { get; } = 3018;

    /// <summary>4027: the change was not saved because its collection attempt failed. Reported by the host's applier, which makes the collection; a validator cannot.</summary>
    public static AriaErrorCode CollectionFailed { get; } = 4027;

    /// <summary>5052: the plan instance field is not mapped to the new plan (alt: "Invalid product field" for a name the catalog does not know).</summary>
    public static AriaErrorCode PlanInstanceFieldNotMapped { get; } = 5052;

    /// <summary>5053: missing values for a required plan instance field (directive 1 or 2 without a value; directive 3 or 4 on a required field, which must use Replace).</summary>
    public static AriaErrorCode PlanInstanceFieldValueMissing { get; } = 5053;

    /// <summary>5059: the value is not one of the field's allowed values.</summary>
    public static AriaErrorCode InvalidPlanInstanceFieldValue { get; } = 5059;

    /// <summary>5060: invalid product (plan instance) field directive.</summary>
    public static AriaErrorCode InvalidPlanInstanceFieldDirective { get; } = 5060;

    /// <summary>5061: more values than the field's maximum.</summary>
    public static AriaErrorCode TooManyPlanInstanceFieldValues { get; } = 5061;

    /// <summary>5062: fewer values than the field's minimum.</summary>
    public static AriaErrorCode TooFewPlanInstanceFieldValues { get; } = 5062;

    /// <summary>5063: the field exists in the catalog but is not a plan instance field.</summary>
    public static AriaErrorCode NotAPlanInstanceField { get; } = 5063;

    /// <summary>7035: <c>force_master_bill_date_reset</c> was given for a master plan.</summary>
    public static AriaErrorCode ForceMasterBillDateResetOnMasterPlan { get; } = 7035;

    /// <summary>7036: <c>force_bill_date_reset</c> was given for a supplemental plan.</summary>
    public static AriaErrorCode ForceBillDateResetOnSupplementalPlan { get; } = 7036;

    /// <summary>12010: the client account group (<c>alt_client_acct_group_id</c>) does not exist.</summary>
    public static AriaErrorCode AccountGroupDoesNotExist { get; } = 12010;

    /// <summary>14004: invalid plan number (unknown, or a supplemental plan for a master plan instance).</summary>
    public static AriaErrorCode InvalidPlanNumber { get; } = 14004;

    /// <summary>14005: the custom rate's service is not a service of the new plan.</summary>
    public static AriaErrorCode InvalidPlanServiceCombination { get; } = 14005;

    /// <summary>14006: invalid rate schedule number (unknown, inactive, or not a schedule of the new plan).</summary>
    public static AriaErrorCode InvalidRateScheduleNumber { get; } = 14006;

    /// <summary>14008: the account has supplemental plans under the master plan instance that are not eligible under the new master plan.</summary>
    public static AriaErrorCode SupplementalPlansNotEligible { get; } = 14008;

    /// <summary>14012: the alternate rate schedule's currency does not match the account's currency.</summary>
    public static AriaErrorCode AltRateScheduleCurrencyMismatch { get; } = 14012;

    /// <summary>14013: the new plan has no rate in the account's (the old plan's) currency.</summary>
    public static AriaErrorCode NewPlanCurrencyMismatch { get; } = 14013;

    /// <summary>14014: custom rate tiers are not continuous (or a tier's from is above its to).</summary>
    public static AriaErrorCode RateTiersNotContinuous { get; } = 14014;

    /// <summary>14015: services other than usage and recurring take one tier only (seq 1, from 1, to empty).</summary>
    public static AriaErrorCode TiersNotSupportedForService { get; } = 14015;

    /// <summary>14019: <c>usage_accumulation_reset_months</c> must be from 0 to 99.</summary>
    public static AriaErrorCode InvalidUsageAccumulationResetMonths { get; } = 14019;

    /// <summary>14022: the new supplemental plan shares an exclusion group with another supplemental plan of the master plan instance.</summary>
    public static AriaErrorCode ExclusionGroupViolated { get; } = 14022;

    /// <summary>14023: the offset interval must be greater than zero.</summary>
    public static AriaErrorCode OffsetIntervalNotPositive { get; } = 14023;

    /// <summary>14024: an offset interval applies only to the anniversary directive.</summary>
    public static AriaErrorCode OffsetIntervalWithNonAnniversaryDirective { get; } = 14024;

    /// <summary>14025: a preview (<c>do_write</c> false) cannot be done for a change queued for the anniversary.</summary>
    public static AriaErrorCode PreviewOfAnniversaryChange { get; } = 14025;

    /// <summary>14026: the effective date must be in the future and a valid date.</summary>
    public static AriaErrorCode InvalidEffectiveDate { get; } = 14026;

    /// <summary>14027: the final rate tier must be unbounded.</summary>
    public static AriaErrorCode LastTierNotUnbounded { get; } = 14027;

    /// <summary>14033: invalid promo code.</summary>
    public static AriaErrorCode InvalidPromoCode { get; } = 14033;

    /// <summary>14035: invalid client plan id (<c>new_client_plan_id</c> unknown, or naming another plan than <c>new_plan_no</c>).</summary>
    public static AriaErrorCode InvalidClientPlanId { get; } = 14035;

    /// <summary>14036: invalid client service id (<c>custom_rate_client_service_id</c>).</summary>
    public static AriaErrorCode InvalidClientServiceId { get; } = 14036;

    /// <summary>14039: invalid client rate schedule id (<c>client_alt_rate_schedule_id</c>).</summary>
    public static AriaErrorCode InvalidClientRateScheduleId { get; } = 14039;

    /// <summary>14043: invalid rate sequence (sequence numbers run 1, 2, 3 … in order).</summary>
    public static AriaErrorCode InvalidRateSequence { get; } = 14043;

    /// <summary>14046: invalid plan instance number: not a plan instance of the account (the queue reports it too).</summary>
    public static AriaErrorCode InvalidPlanInstanceNumber { get; } = 14046;

    /// <summary>14047: invalid client plan instance identifier.</summary>
    public static AriaErrorCode InvalidClientPlanInstanceId { get; } = 14047;

    /// <summary>14060: the master plan instance's status (suspended, terminated, cancelled) does not allow its plan to be replaced.</summary>
    public static AriaErrorCode InstanceStatusBlocksReplace { get; } = 14060;

    /// <summary>14063: duplicate plan instance client defined id (<c>new_client_plan_instance_id</c> is another instance's).</summary>
    public static AriaErrorCode DuplicateClientPlanInstanceId { get; } = 14063;

    /// <summary>14075: the new supplemental plan is not eligible under the parent plan instance.</summary>
    public static AriaErrorCode SupplementalPlanNotEligible { get; } = 14075;

    /// <summary>14077: the account's status (suspended, cancelled, terminated …), or the <c>plan_status</c> asked for a master plan, does not support provisioning.</summary>
    public static AriaErrorCode AccountStatusBlocksProvisioning { get; } = 14077;

    /// <summary>14079: the supplemental plan instance's status, or the <c>plan_status</c> asked for it, does not support provisioning.</summary>
    public static AriaErrorCode SupplementalStatusBlocksProvisioning { get; } = 14079;

    /// <summary>14086: plan units below the minimum of the new plan (units are never negative).</summary>
    public static AriaErrorCode PlanUnitsBelowMinimum { get; } = 14086;

    /// <summary>14087: plan units above the maximum of the new plan.</summary>
    public static AriaErrorCode PlanUnitsAboveMaximum { get; } = 14087;

    /// <summary>14098: invalid proration invoice timing.</summary>
    public static AriaErrorCode InvalidProrationInvoiceTiming { get; } = 14098;

    /// <summary>14101: a mandatory child plan cannot be replaced unless its parent plan is also modified.</summary>
    public static AriaErrorCode MandatoryChildReplaced { get; } = 14101;

    /// <summary>14107: invalid service number (<c>custom_rate_service_no</c> unknown).</summary>
    public static AriaErrorCode InvalidServiceNumber { get; } = 14107;

    /// <summary>14112: a plan instance still in queued assignment cannot be updated, replaced or cancelled.</summary>
    public static AriaErrorCode InstanceInQueuedAssignment { get; } = 14112;

    /// <summary>14129: the rate per unit cannot be negative.</summary>
    public static AriaErrorCode NegativeRatePerUnit { get; } = 14129;

    /// <summary>14136: offset months must be greater than or equal to 0.</summary>
    public static AriaErrorCode NegativeOffsetMonths { get; } = 14136;

    /// <summary>14137: usage pooling needs the client parameter "Allow MPI Level Usage Pooling".</summary>
    public static AriaErrorCode UsagePoolingNotEnabled { get; } = 14137;

    /// <summary>14300: a forced currency change while other plans of the account have no rate schedule in the target currency.</summary>
    public static AriaErrorCode CurrencyChangeWithoutTargetRates { get; } = 14300;

    /// <summary>14302: pending invoices must be discarded before forcing a currency change.</summary>
    public static AriaErrorCode CurrencyChangeWithPendingInvoices { get; } = 14302;

    /// <summary>14303: surcharges must be discarded or voided before forcing a currency change.</summary>
    public static AriaErrorCode CurrencyChangeWithSurcharges { get; } = 14303;

    /// <summary>14304: rated but unbilled usage must be discarded before forcing a currency change.</summary>
    public static AriaErrorCode CurrencyChangeWithUnbilledUsage { get; } = 14304;

    /// <summary>14305: flat-rate discounts or coupons in the existing currency must be discarded or voided before forcing a currency change.</summary>
    public static AriaErrorCode CurrencyChangeWithDiscountsOrCoupons { get; } = 14305;

    /// <summary>14306: pending orders in the existing currency must be discarded or voided before forcing a currency change.</summary>
    public static AriaErrorCode CurrencyChangeWithPendingOrders { get; } = 14306;

    /// <summary>14307: a forced currency change takes effect immediately: not with an anniversary or dated directive.</summary>
    public static AriaErrorCode CurrencyChangeWithDirective { get; } = 14307;

    /// <summary>14310: bill lag days must be within ± (the shortest period of the interval − 1 day).</summary>
    public static AriaErrorCode BillLagDaysOutOfRange { get; } = 14310;

    /// <summary>14311: bill lag days must be at most the shortest period of the interval − 1 day.</summary>
    public static AriaErrorCode BillLagDaysAboveInterval { get; } = 14311;

    /// <summary>14313: threshold billing rules not in the future currency must be removed before changing currency.</summary>
    public static AriaErrorCode CurrencyChangeWithThresholdRules { get; } = 14313;

    /// <summary>14314: an active rollover contract in the existing currency must be cancelled or terminated first.</summary>
    public static AriaErrorCode CurrencyChangeWithRolloverContract { get; } = 14314;

    /// <summary>14317: the new plan's rollover plan has no active rate schedule in the account's currency.</summary>
    public static AriaErrorCode RolloverPlanCurrencyMismatch { get; } = 14317;

    /// <summary>14402: usage pooling is not allowed when the rating model rates usage per record.</summary>
    public static AriaErrorCode UsagePoolingWithPerRecordRating { get; } = 14402;

    /// <summary>15001: invalid coupon code.</summary>
    public static AriaErrorCode InvalidCouponCode { get; } = 15001;

    /// <summary>15002: coupon expired.</summary>
    public static AriaErrorCode CouponExpired { get; } = 15002;

    /// <summary>15006: duplicate surcharge number in input.</summary>
    public static AriaErrorCode DuplicateSurcharge { get; } = 15006;

    /// <summary>15008: the rate schedule is not one of the surcharge's.</summary>
    public static AriaErrorCode InvalidSurchargeRateSchedule { get; } = 15008;

    /// <summary>15009: invalid surcharge number.</summary>
    public static AriaErrorCode InvalidSurchargeNumber { get; } = 15009;

    /// <summary>15011: the coupon's applicability scope does not include the master plan instance.</summary>
    public static AriaErrorCode CouponScopeMismatch { get; } = 15011;

    /// <summary>15012: the coupon was already applied (or is given twice) and cannot be used again.</summary>
    public static AriaErrorCode CouponAlreadyApplied { get; } = 15012;

    /// <summary>15013: the surcharge's applicability scope does not include the master plan instance.</summary>
    public static AriaErrorCode SurchargeScopeMismatch { get; } = 15013;

    /// <summary>15015: the surcharge applies to a payment method and cannot be assigned to a plan instance.</summary>
    public static AriaErrorCode SurchargeScopeIsPaymentMethod { get; } = 15015;

    /// <summary>16021: the contract completion rollover target rate schedule is not in the account's currency.</summary>
    public static AriaErrorCode RolloverRateScheduleCurrencyMismatch { get; } = 16021;

    /// <summary>23013: invalid usage threshold applicability (UT or UP).</summary>
    public static AriaErrorCode InvalidUsageThresholdApplicability { get; } = 23013;

    /// <summary>25020: illegal characters entered (see <see cref="ReplacePlanValidator"/> for the character set), or a value outside the allowable values of an input that has no code of its own.</summary>
    public static AriaErrorCode IllegalCharacters { get; } = 25020;

    /// <summary>29001: the service location provided is not valid.</summary>
    public static AriaErrorCode InvalidServiceLocation { get; } = 29001;

    /// <summary>29002: the client service location id provided is not valid.</summary>
    public static AriaErrorCode InvalidClientServiceLocationId { get; } = 29002;

    /// <summary>29003: the service location has been disabled or deleted.</summary>
    public static AriaErrorCode ServiceLocationInactive { get; } = 29003;

    /// <summary>29005: the contact number is not one of the account's.</summary>
    public static AriaErrorCode InvalidContactNumber { get; } = 29005;

    /// <summary>ALT_PRORATION_START_DATE_OUT_OF_RANGE: the alternate proration start date is outside the range the spec allows.</summary>
    public static AriaErrorCode AltProrationStartDateOutOfRange { get; } = AriaErrorCode.Symbolic("ALT_PRORATION_START_DATE_OUT_OF_RANGE");

    /// <summary>ALT_PRORATION_START_DATE_BEFORE_PARENT: a retroactive start precedes the parent plan instance's start.</summary>
    public static AriaErrorCode AltProrationStartDateBeforeParent { get; } = AriaErrorCode.Symbolic("ALT_PRORATION_START_DATE_BEFORE_PARENT");

    /// <summary>RETROACTIVE_START_NOT_ENABLED: a start in a previous bill cycle needs the client parameter that allows it.</summary>
    public static AriaErrorCode RetroactiveStartNotEnabled { get; } = AriaErrorCode.Symbolic("RETROACTIVE_START_NOT_ENABLED");

    /// <summary>INVALID_INVOICING_OPTION: <c>invoicing_option</c> is 1 (consolidated) or 2 (individual).</summary>
    public static AriaErrorCode InvalidInvoicingOption { get; } = AriaErrorCode.Symbolic("INVALID_INVOICING_OPTION");

    /// <summary>INVALID_COMBINE_INVOICES: <c>combine_invoices</c> is 1, 2 or 3.</summary>
    public static AriaErrorCode InvalidCombineInvoices { get; } = AriaErrorCode.Symbolic("INVALID_COMBINE_INVOICES");

    /// <summary>LONG_CYCLE_NOT_AVAILABLE: a combined (long cycle) invoice is refused while a rollover or future change is pending.</summary>
    public static AriaErrorCode LongCycleNotAvailable { get; } = AriaErrorCode.Symbolic("LONG_CYCLE_NOT_AVAILABLE");

    /// <summary>PLANNING_RANGE_TOO_LONG: invoices are planned over at most 100 years.</summary>
    public static AriaErrorCode PlanningRangeTooLong { get; } = AriaErrorCode.Symbolic("PLANNING_RANGE_TOO_LONG");

    /// <summary>INVALID_BILL_LAG_DAYS: <c>bill_lag_days</c> is not a whole number or <c>~</c>.</summary>
    public static AriaErrorCode InvalidBillLagDays { get; } = AriaErrorCode.Symbolic("INVALID_BILL_LAG_DAYS");

    /// <summary>INVALID_ENUMERATION_VALUE: an input holds a value outside its allowable values (the spec gives no number).</summary>
    public static AriaErrorCode InvalidEnumerationValue { get; } = AriaErrorCode.Symbolic("INVALID_ENUMERATION_VALUE");

    /// <summary>NEGATIVE_USAGE_WITH_NEGATIVE_RATE: a rate cannot be negative when the units or amount are negative.</summary>
    public static AriaErrorCode NegativeUsageWithNegativeRate { get; } = AriaErrorCode.Symbolic("NEGATIVE_USAGE_WITH_NEGATIVE_RATE");

    /// <summary>NEGATIVE_USAGE_WITH_POSITIVE_AMOUNT: an amount cannot be positive when the units are negative.</summary>
    public static AriaErrorCode NegativeUsageWithPositiveAmount { get; } = AriaErrorCode.Symbolic("NEGATIVE_USAGE_WITH_POSITIVE_AMOUNT");

    /// <summary>NEGATIVE_USAGE_ON_POOLED_SERVICE: negative usage on a usage-pooled service must be pre-rated.</summary>
    public static AriaErrorCode NegativeUsageOnPooledService { get; } = AriaErrorCode.Symbolic("NEGATIVE_USAGE_ON_POOLED_SERVICE");

    /// <summary>INVALID_NUMBER: an input that takes a number holds something else.</summary>
    public static AriaErrorCode InvalidNumber { get; } = AriaErrorCode.Symbolic("INVALID_NUMBER");

    /// <summary>An amount the inputs lead to is beyond what a decimal holds (units or rates too large): refused rather than thrown.</summary>
    public static AriaErrorCode AmountOutOfRange { get; } = AriaErrorCode.Symbolic("AMOUNT_OUT_OF_RANGE");
}
