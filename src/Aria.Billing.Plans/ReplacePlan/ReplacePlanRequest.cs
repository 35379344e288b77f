namespace Aria.Billing.Plans;

/// <summary>
/// The inputs of <c>replace_acct_plan_m</c> (spec: replace-acct-plan-m.txt) as the API receives them: text, any of which
/// may be missing or malformed. <see cref="ReplacePlanValidator"/> turns them into a <see cref="ValidReplacePlan"/> or
/// every coded error they contain.
/// </summary>
public sealed record ReplacePlanRequest
{
    /// <summary><c>client_no</c> (required).</summary>
    public string? ClientNo { get; init; }

    /// <summary><c>auth_key</c> (required).</summary>
    public string? AuthKey { get; init; }

    /// <summary><c>acct_no</c>; this or <see cref="ClientAcctId"/> is required.</summary>
    public string? AcctNo { get; init; }

    /// <summary><c>client_acct_id</c>; this or <see cref="AcctNo"/> is required.</summary>
    public string? ClientAcctId { get; init; }

    /// <summary><c>plan_instance_no</c>; this or <see cref="ClientPlanInstanceId"/> is required.</summary>
    public string? PlanInstanceNo { get; init; }

    /// <summary><c>client_plan_instance_id</c>; this or <see cref="PlanInstanceNo"/> is required.</summary>
    public string? ClientPlanInstanceId { get; init; }

    /// <summary><c>new_plan_no</c>; this or <see cref="NewClientPlanId"/> is required.</summary>
    public string? NewPlanNo { get; init; }

    /// <summary><c>new_client_plan_id</c>; this or <see cref="NewPlanNo"/> is required.</summary>
    public string? NewClientPlanId { get; init; }

    /// <summary><c>assignment_directive</c>, 1–11; blank for the client default.</summary>
    public string? AssignmentDirective { get; init; }

    /// <summary><c>effective_date</c>, yyyy-mm-dd, required with directives 7–11.</summary>
    public string? EffectiveDate { get; init; }

    /// <summary><c>offset_interval</c>: billing periods to defer an anniversary change.</summary>
    public string? OffsetInterval { get; init; }

    /// <summary><c>alt_proration_start_date</c>, yyyy-mm-dd.</summary>
    public string? AltProrationStartDate { get; init; }

    /// <summary><c>bill_lag_days</c>: a whole number or <c>~</c>.</summary>
    public string? BillLagDays { get; init; }

    /// <summary><c>plan_status</c>: 1, 31, 32, 61 or 41.</summary>
    public string? PlanStatus { get; init; }

    /// <summary><c>plan_units</c>.</summary>
    public string? PlanUnits { get; init; }

    /// <summary><c>alt_rate_schedule_no</c>.</summary>
    public string? AltRateScheduleNo { get; init; }

    /// <summary><c>plan_instance_field_*</c> rows.</summary>
    public IReadOnlyList<PlanInstanceFieldInput> PlanInstanceFields { get; init; } = [];

    /// <summary><c>force_bill_date_reset</c>: 0–3, master plans only.</summary>
    public string? ForceBillDateReset { get; init; }

    /// <summary><c>force_master_bill_date_reset</c>: 1–3, supplemental plans only.</summary>
    public string? ForceMasterBillDateReset { get; init; }

    /// <summary><c>proration_invoice_timing</c>: blank, 0 or 1.</summary>
    public string? ProrationInvoiceTiming { get; init; }

    /// <summary><c>usage_threshold_applicability</c>: UT or UP.</summary>
    public string? UsageThresholdApplicability { get; init; }

    /// <summary><c>transaction_type</c>: -1, 1–8, I, R, telephone, mailorder.</summary>
    public string? TransactionType { get; init; }

    /// <summary><c>recurring_processing_model_ind</c>: 0–3.</summary>
    public string? RecurringProcessingModelInd { get; init; }

    /// <summary><c>usage_accumulation_reset_months</c>: 0–99.</summary>
    public string? UsageAccumulationResetMonths { get; init; }

    /// <summary><c>usage_accumulation_reset_months_renewal_option</c>: blank or 1 (recurring), 2 (single use).</summary>
    public string? UsageAccumulationResetMonthsRenewalOption { get; init; }

    /// <summary><c>mp_surcharge_directive</c>: 1 apply, 2 remove.</summary>
    public string? MpSurchargeDirective { get; init; }

    /// <summary><c>auto_offset_months_option</c>: 1 or 2.</summary>
    public string? AutoOffsetMonthsOption { get; init; }

    /// <summary><c>combine_invoices</c>: 1, 2 or 3.</summary>
    public string? CombineInvoices { get; init; }

    /// <summary><c>do_write</c>: true (default) or false for a preview.</summary>
    public string? DoWrite { get; init; }

    /// <summary><c>invoice_unbilled_usage</c>: true or false.</summary>
    public string? InvoiceUnbilledUsage { get; init; }

    /// <summary><c>usage_pooling</c>: true or false.</summary>
    public string? UsagePooling { get; init; }

    /// <summary><c>force_currency_change</c>: true or false.</summary>
    public string? ForceCurrencyChange { get; init; }

    /// <summary><c>include_plan_instance_queue</c>: true or false.</summary>
    public string? IncludePlanInstanceQueue { get; init; }

    /// <summary><c>custom_rates</c> rows.</summary>
    public IReadOnlyList<CustomRateInput> CustomRates { get; init; } = [];

    /// <summary><c>new_client_plan_instance_id</c>: the client-defined id the instance takes (unique on the account).</summary>
    public string? NewClientPlanInstanceId { get; init; }

    /// <summary><c>client_alt_rate_schedule_id</c>: the alternate rate schedule by its client-defined id.</summary>
    public string? ClientAltRateScheduleId { get; init; }

    /// <summary><c>promo_cd</c>: a promotion code, or <c>~</c> to remove the instance's.</summary>
    public string? PromoCd { get; init; }

    /// <summary><c>coupon_codes</c>: coupons to apply to the master plan instance.</summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];

    /// <summary><c>mp_surcharges</c> rows: surcharges to apply to or remove from the master plan instance.</summary>
    public IReadOnlyList<SurchargeInput> Surcharges { get; init; } = [];

    /// <summary><c>offset_months</c>: months to offset the new plan's billing, 0 or more.</summary>
    public string? OffsetMonths { get; init; }

    /// <summary><c>svc_location_no</c>: the service location of the instance.</summary>
    public string? SvcLocationNo { get; init; }

    /// <summary><c>client_svc_location_id</c>: the service location by its client-defined id.</summary>
    public string? ClientSvcLocationId { get; init; }

    /// <summary><c>dest_contact_no</c>: the account contact the instance ships to.</summary>
    public string? DestContactNo { get; init; }

    /// <summary><c>alt_client_acct_group_id</c>: the collection account group, by its client-defined id.</summary>
    public string? AltClientAcctGroupId { get; init; }

    /// <summary><c>plan_instance_description</c>.</summary>
    public string? PlanInstanceDescription { get; init; }

    /// <summary><c>comments</c>.</summary>
    public string? Comments { get; init; }

    /// <summary><c>client_receipt_id</c>.</summary>
    public string? ClientReceiptId { get; init; }

    /// <summary><c>po_num</c>.</summary>
    public string? PoNum { get; init; }

    /// <summary><c>alt_caller_id</c>.</summary>
    public string? AltCallerId { get; init; }
}
