namespace Aria.Billing.Plans;

/// <summary>
/// The codes of the plan-change rules. Numeric codes are those of <c>replace-acct-plan-m.txt</c>; symbolic codes name
/// rules the spec states without giving them a number.
/// </summary>
public static class PlanErrorCodes
{
    /// <summary>1010: a required input is missing (for example <c>effective_date</c> with assignment directive 7–11).</summary>
    public static AriaErrorCode MissingRequiredParameter => AriaErrorCodes.MissingRequiredParameter;

    /// <summary>1024: invalid date format; dates are <c>yyyy-mm-dd</c>.</summary>
    public static AriaErrorCode InvalidDateFormat => AriaErrorCodes.InvalidDateFormat;

    /// <summary>1033: a true/false input holds something else.</summary>
    public static AriaErrorCode InvalidBoolean => AriaErrorCodes.InvalidBoolean;

    /// <summary>1035: invalid assignment directive (unknown, or not permitted for this change).</summary>
    public static AriaErrorCode InvalidAssignmentDirective { get; } = 1035;

    /// <summary>1064: invalid surcharge directive (<c>mp_surcharge_directive</c> is 1 or 2).</summary>
    public static AriaErrorCode InvalidSurchargeDirective { get; } = 1064;

    /// <summary>1101: credit-only proration while a mandatory child supplemental plan will charge the account.</summary>
    public static AriaErrorCode CreditOnlyWithChargingMandatoryChild { get; } = 1101;

    /// <summary>3017: the proration period cannot be greater than the plan's billing interval.</summary>
    public static AriaErrorCode ProrationPeriodExceedsInterval { get; } = 3017;

    /// <summary>3018: invalid automatic offset months option (<c>auto_offset_months_option</c> is 1 or 2).</summary>
    public static AriaErrorCode InvalidAutoOffsetMonthsOption { get; } = 3018;

    /// <summary>5060: invalid product (plan instance) field directive.</summary>
    public static AriaErrorCode InvalidPlanInstanceFieldDirective { get; } = 5060;

    /// <summary>7035: <c>force_master_bill_date_reset</c> was given for a master plan.</summary>
    public static AriaErrorCode ForceMasterBillDateResetOnMasterPlan { get; } = 7035;

    /// <summary>7036: <c>force_bill_date_reset</c> was given for a supplemental plan.</summary>
    public static AriaErrorCode ForceBillDateResetOnSupplementalPlan { get; } = 7036;

    /// <summary>14013: the new plan has no rate in the account's (the old plan's) currency.</summary>
    public static AriaErrorCode NewPlanCurrencyMismatch { get; } = 14013;

    /// <summary>14014: custom rate tiers are not continuous (or a tier's from is above its to).</summary>
    public static AriaErrorCode RateTiersNotContinuous { get; } = 14014;

    /// <summary>14015: services other than usage and recurring take one tier only (seq 1, from 1, to empty).</summary>
    public static AriaErrorCode TiersNotSupportedForService { get; } = 14015;

    /// <summary>14019: <c>usage_accumulation_reset_months</c> must be from 0 to 99.</summary>
    public static AriaErrorCode InvalidUsageAccumulationResetMonths { get; } = 14019;

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

    /// <summary>14043: invalid rate sequence (sequence numbers run 1, 2, 3 … in order).</summary>
    public static AriaErrorCode InvalidRateSequence { get; } = 14043;

    /// <summary>14098: invalid proration invoice timing.</summary>
    public static AriaErrorCode InvalidProrationInvoiceTiming { get; } = 14098;

    /// <summary>14112: a plan instance still in queued assignment cannot be updated, replaced or cancelled.</summary>
    public static AriaErrorCode InstanceInQueuedAssignment { get; } = 14112;

    /// <summary>14129: the rate per unit cannot be negative.</summary>
    public static AriaErrorCode NegativeRatePerUnit { get; } = 14129;

    /// <summary>14310: bill lag days must be within ± (the shortest period of the interval − 1 day).</summary>
    public static AriaErrorCode BillLagDaysOutOfRange { get; } = 14310;

    /// <summary>14311: bill lag days must be at most the shortest period of the interval − 1 day.</summary>
    public static AriaErrorCode BillLagDaysAboveInterval { get; } = 14311;

    /// <summary>14402: usage pooling is not allowed when the rating model rates usage per record.</summary>
    public static AriaErrorCode UsagePoolingWithPerRecordRating { get; } = 14402;

    /// <summary>23013: invalid usage threshold applicability (UT or UP).</summary>
    public static AriaErrorCode InvalidUsageThresholdApplicability { get; } = 23013;

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
}
