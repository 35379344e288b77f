using Aria.Billing.Plans.Queue;
using static Aria.Billing.Plans.Tests.ReplacePlan.ReplacePlanFixture;

namespace Aria.Billing.Plans.Tests.ReplacePlan;

/// <summary>
/// spec: replace-acct-plan-m.txt, "Error Codes": one row per code of the manual — a request, a context, and the code, the
/// manual's message (or alternate) and the input the validator must answer with. The table must hold every code of the
/// manual (parsed from it at test time); a code judged out of a validator's reach has a row saying why.
/// </summary>
public sealed class ReplacePlanValidatorCodeTableTests
{
    private static readonly IReadOnlyDictionary<int, Row> Rows = new Row[]
    {
        new(1001, r => r, c => c.WithInstance(Master7 with { Plan = P(99) }), "unexpected error"),
        new(1004, r => r with { ClientNo = "2000" }, null, "authentication error", "client_no"),
        new(1009, r => r with { AcctNo = "43" }, null, "Account not found: AriaNo (43)", "acct_no") { Manual = "Account not found: AriaNo (acct_no)" },
        new(1010, r => r with { AuthKey = null }, null, "Missing input: auth_key is required", "auth_key") { Manual = "Missing input: (object-name) is required" },
        new(1024, r => r with { AltProrationStartDate = "27-04-2025" }, null, "invalid date format", "alt_proration_start_date"),
        new(1033, r => r with { DoWrite = "yes" }, null, "a parameter that represents a true or false value contains invalid input", "do_write"),
        new(1034, r => r with { NewPlanNo = "3" }, null, "there is no data to be modified", "new_plan_no"),
        new(1035, r => r with { AssignmentDirective = "12" }, null, "Invalid Assignment Directive: 12", "assignment_directive") { Manual = "Invalid Assignment Directive: (assignment_directive)" },
        new(1049, r => r, c => c with { Account = Account with { Status = AccountStatus.Inactive } }, "Cannot add assignment for account with status code 0"),
        new(1064, r => r with { MpSurchargeDirective = "3" }, null, "Invalid surcharge directive", "mp_surcharge_directive"),
        new(1101, r => r with { NewPlanNo = "6", AssignmentDirective = "6" }, null, "Credit-only proration is not valid in this case because there is a mandatory child Supplemental Plan that will be assigned and result in charges on the account.", "assignment_directive"),
        new(3017, r => r with { AltProrationStartDate = "2025-03-01" }, null, "pro-ration period cannot be greater than Plan billing interval", "alt_proration_start_date"),
        new(3018, r => r with { AutoOffsetMonthsOption = "2" }, null, "invalid automatic offset months option", "auto_offset_months_option"),
        Row.Unreachable(4027, "it reports a payment collection that failed while the change was applied (do_collect); a validator collects nothing, so the host's IPlanChangeApplier returns PlanErrorCodes.CollectionFailed"),
        new(5052, r => r with { PlanInstanceFields = [new("1", "region", "west")] }, null, "Product field is not mapped to the Plan you have specified.", "plan_instance_field_name"),
        new(5053, r => r with { PlanInstanceFields = [new("3", "size", null)] }, null, "Missing values for required Plan instance field", "plan_instance_field_directive"),
        new(5059, r => r with { PlanInstanceFields = [new("1", "color", "purple")] }, null, "Invalid Product Field Value.", "plan_instance_field_value"),
        new(5060, r => r with { PlanInstanceFields = [new("5", "color", "red")] }, null, "Invalid Product Field Directive.", "plan_instance_field_directive"),
        new(5061, r => r with { PlanInstanceFields = [new("1", "color", "red"), new("1", "color", "green"), new("1", "color", "blue")] }, null, "Number of Product Field value exceeds maximum number of allowed values.", "plan_instance_field_value"),
        new(5062, r => r with { PlanInstanceFields = [new("1", "tags", "a")] }, null, "Number of Product Field values does not meet required minimum number of values.", "plan_instance_field_value"),
        new(5063, r => r with { PlanInstanceFields = [new("1", "notes", "x")] }, null, "Field cannot be added because it is not a Plan instance field.", "plan_instance_field_name"),
        new(7035, r => r with { ForceMasterBillDateReset = "2" }, null, "The Plan selected for update is a Master Plan. The force_master_bill_date_reset input can only be used in conjunction with Supplemental Plans. Please clear the value of force_master_bill_date_reset or input a Supplemental Plan.", "force_master_bill_date_reset"),
        new(7036, r => r with { PlanInstanceNo = "11", NewPlanNo = "21", ForceBillDateReset = "1" }, null, "The Plan selected for update is a Supplemental Plan. The force_bill_date_reset input can only be used in conjunction with Master Plans. Please clear the value of force_bill_date_reset or input a Master Plan.", "force_bill_date_reset"),
        new(12010, r => r with { AltClientAcctGroupId = "collections-west" }, null, "Client account group does not exist", "alt_client_acct_group_id"),
        new(14004, r => r with { NewPlanNo = "999" }, null, "Invalid_plan_no", "new_plan_no"),
        new(14005, r => r with { CustomRates = [Rate("103", "1", "1", null, "0.1")] }, null, "invalid Plan service combination", "custom_rate_service_no"),
        new(14006, r => r with { AltRateScheduleNo = "904" }, null, "invalid rate schedule no", "alt_rate_schedule_no"),
        new(14008, r => r with { NewPlanNo = "13" }, null, "account has Supplemental Plans that are not eligible under this Master Plan", "new_plan_no"),
        new(14012, r => r with { AltRateScheduleNo = "902" }, null, "Alternate rate schedule's currency does not match the account's currency.", "alt_rate_schedule_no"),
        new(14013, r => r with { NewPlanNo = "5" }, null, "New Plan does not have a rate schedule with a currency matching the account's currency.", "new_plan_no"),
        new(14014, r => r with { CustomRates = [Rate("100", "1", "1", "50", "0.1"), Rate("100", "2", "51", null, "0.05")] }, null, "invalid rate tier structure", "custom_rate_from_unit", "custom_rate_to_unit"),
        new(14015, r => r with { CustomRates = [Rate("102", "1", "1", "10", "5"), Rate("102", "2", "11", null, "4")] }, null, "The custom rates for services other than usage and recurring types can have only one tier with rate_seq_no set to 1, the from_unit set to 1 and to_unit left empty.", "custom_rate_from_unit", "custom_rate_to_unit"),
        new(14019, r => r with { UsageAccumulationResetMonths = "100" }, null, "usage_accumulation_reset_months must be from 0 to 99", "usage_accumulation_reset_months"),
        new(14022, r => r with { PlanInstanceNo = "14", NewPlanNo = "25" }, null, "Supplemental Plan violates Plan exclusion group", "new_plan_no"),
        new(14023, r => r with { AssignmentDirective = "1", OffsetInterval = "0" }, null, "Offset Interval must be greater than zero", "offset_interval"),
        new(14024, r => r with { AssignmentDirective = "2", OffsetInterval = "2" }, null, "Invalid Offset Interval and Assignment Directive combination.", "offset_interval", "assignment_directive"),
        new(14025, r => r with { AssignmentDirective = "1", DoWrite = "false" }, null, "Invalid do_write and assignment directive combination for queuing Plan.", "assignment_directive", "do_write"),
        new(14026, r => r with { AssignmentDirective = "7", EffectiveDate = "2025-04-27" }, null, "The Effective Date must be in the future, \"YYYY-MM-DD\" format, and a valid date.", "effective_date"),
        new(14027, r => r with { CustomRates = [Rate("104", "1", "1", "100", "0.1"), Rate("104", "2", "101", "200", "0.05")] }, null, "The end units of final rate tier is not infinity", "custom_rate_to_unit"),
        new(14033, r => r with { PromoCd = "WINTER" }, null, "Invalid Promo Code", "promo_cd"),
        new(14035, r => r with { NewPlanNo = null, NewClientPlanId = "platinum" }, null, "Invalid client Plan id", "new_client_plan_id"),
        new(14036, r => r with { CustomRates = [new CustomRateInput { ClientServiceId = "svc-none", SeqNo = "1", RatePerUnit = "1" }] }, null, "Invalid client service id", "custom_rate_client_service_id"),
        new(14039, r => r with { ClientAltRateScheduleId = "gold-gbp" }, null, "Invalid client rate schedule id", "client_alt_rate_schedule_id"),
        new(14043, r => r with { CustomRates = [Rate("104", "1", "1", "100", "0.1"), Rate("104", "3", "101", null, "0.05")] }, null, "Invalid Plan instance rate_seq combination", "custom_rate_seq_no"),
        new(14046, r => r with { PlanInstanceNo = "70" }, null, "Invalid Plan instance number", "plan_instance_no"),
        new(14047, r => r with { PlanInstanceNo = null, ClientPlanInstanceId = "mpi-70" }, null, "Invalid client Plan instance identifier", "client_plan_instance_id"),
        new(14060, r => r, c => c.WithInstance(Master7 with { Status = PlanInstanceStatus.Suspended }), "Plan cannot be replaced because the Plan stauts of the existing lan does not allow the Plan to be replaced"),
        new(14063, r => r with { NewClientPlanInstanceId = "spi-11" }, null, "duplicate Plan instance client defined id.", "new_client_plan_instance_id"),
        new(14075, r => r with { PlanInstanceNo = "11", NewPlanNo = "26" }, null, "Supplemental Plan not eligible under this Plan instance.", "new_plan_no"),
        new(14077, r => r with { PlanStatus = "2" }, null, "Account status not support Plan provisioning.", "plan_status"),
        new(14079, r => r with { PlanInstanceNo = "11", NewPlanNo = "21", PlanStatus = "-1" }, null, "Supplemental Plan instance status not support Plan provisioning.", "plan_status"),
        new(14086, r => r with { PlanUnits = "0.5" }, null, "Plan Units cannot be below the minimum required units for this child Plan.", "plan_units"),
        new(14087, r => r with { PlanUnits = "101" }, null, "The maximum number of allowable units has been exceeded.", "plan_units"),
        new(14098, r => r with { ProrationInvoiceTiming = "2" }, null, "Invalid proration invoice timing", "proration_invoice_timing"),
        new(14101, r => r with { PlanInstanceNo = "11", NewPlanNo = "21" }, c => c.WithInstance(Supplemental11 with { IsMandatoryChild = true }), "Mandatory child Plans cannot be replaced unless their parent Plan is also modified."),
        new(14107, r => r with { CustomRates = [Rate("999", "1", "1", null, "1")] }, null, "Invalid Service Number.", "custom_rate_service_no"),
        new(14112, r => r with { PlanInstanceNo = "70" }, c => c with { PlanInstances = c.PlanInstances.WithQueuedAssignments([KeyValuePair.Create(I(70), new LocalDate(2025, 5, 1))]) }, "Cannot update/replace/cancel any queued Plan instance which is in queued assignment", "plan_instance_no"),
        new(14129, r => r with { CustomRates = [Rate("104", "1", "1", null, "-0.01")] }, null, "Rate per unit cannot be negative.", "custom_rate_per_unit"),
        new(14136, r => r with { OffsetMonths = "-1" }, null, "Offset months must be greater than or equal to 0.", "offset_months"),
        new(14137, r => r with { UsagePooling = "true" }, null, "To permit usage pooling on plans the invoice settings parameter 'Allow MPI Level Usage Pooling' needs enabling.", "usage_pooling"),
        new(14300, ForceToEuro, c => c.WithInstance(new PlanInstanceFacts { Number = I(16), Plan = P(24), Parent = I(7) }), "Cannot force currency change while account has Master Plan / Supplemental Plans that do not have an available rate schedule in the target currency", "force_currency_change"),
        new(14302, ForceToEuro, c => c.WithCurrencyChange(new() { HasPendingInvoices = true }), "Pending Invoices must be discarded prior to forcing a currency change.", "force_currency_change"),
        new(14303, ForceToEuro, c => c.WithCurrencyChange(new() { HasSurcharges = true }), "Surcharges must be discarded or voided prior to forcing a currency change.", "force_currency_change"),
        new(14304, ForceToEuro, c => c.WithCurrencyChange(new() { HasUnbilledUsage = true }), "Rated but unbilled usage records must be discarded prior to forcing a currency change.", "force_currency_change"),
        new(14305, ForceToEuro, c => c.WithCurrencyChange(new() { HasDiscountsOrCoupons = true }), "Discounts (flat rate) or Coupons in an existing currency must be discarded or voided prior to forcing a currency change.", "force_currency_change"),
        new(14306, ForceToEuro, c => c.WithCurrencyChange(new() { HasPendingOrders = true }), "Pending Orders in an existing currency must be discarded or voided prior to forcing a currency change.", "force_currency_change"),
        new(14307, r => ForceToEuro(r) with { AssignmentDirective = "8", EffectiveDate = "2025-05-15" }, null, "Force currency change not allowed with the supplied assignment directive.", "force_currency_change"),
        new(14310, r => r with { BillLagDays = "-60" }, c => c.WithInstance(Master7 with { Plan = P(4), Cycle = BillingCycle.Anchored(new LocalDate(2025, 1, 15), BillingInterval.Quarterly) }), "Enter a Bill Lag days between +/- Plan's Billing Interval.", "bill_lag_days"),
        new(14311, r => r with { BillLagDays = "28" }, null, "Enter a Bill Lag days less than/equal to Plan's Billing Interval.", "bill_lag_days") { Options = new PlansOptions { AllowNegativeBillLagBeyondOneCycle = true } },
        new(14313, ForceToEuro, c => c.WithCurrencyChange(new() { ThresholdBillingRuleCurrencies = [Currency.USD] }), "There are threshold billing rules attached to this account that will need to be removed prior to changing currency since they are not in the future currency.", "force_currency_change"),
        new(14314, ForceToEuro, c => c.WithCurrencyChange(new() { HasActiveRolloverContract = true }), "There is an active rollover contract for existing currency and it should be cancelled or terminated before proceeding.", "force_currency_change"),
        new(14317, r => r with { NewPlanNo = "8" }, null, "Rollover plan does not have an active rate schedule with a currency matching the account's currency.", "new_plan_no"),
        new(14402, r => r with { NewPlanNo = "12", UsagePooling = "true" }, c => c with { ClientParameters = new ClientParameters { AllowMpiLevelUsagePooling = true } }, "Usage Pooling is not allowed when the Rating Model rates usage on a \u2018per record\u2019 basis.", "usage_pooling"),
        new(15001, r => r with { CouponCodes = ["NOPE"] }, null, "invalid coupon code", "coupon_codes"),
        new(15002, r => r with { CouponCodes = ["OLD"] }, null, "coupon expired", "coupon_codes"),
        new(15006, r => r with { Surcharges = [new("31"), new("31")] }, null, "Duplicate surcharge number in input", "mp_surcharge_no"),
        new(15008, r => r with { Surcharges = [new("31", "399")] }, null, "Invalid surcharge rate schedule no", "mp_rate_schedule_no"),
        new(15009, r => r with { Surcharges = [new("39")] }, null, "Invalid surcharge number", "mp_surcharge_no"),
        new(15011, r => r with { CouponCodes = ["ACCT"] }, null, "The coupon code provided for this account or Master Plan does not match its specified Coupon Applicability Scope, which determines whether the coupon is available at the account level, the Master Plan Instance level, or both.", "coupon_codes"),
        new(15012, r => r with { CouponCodes = ["ONCE"] }, null, "Coupon code has already been applied and cannot be used again.", "coupon_codes"),
        new(15013, r => r with { Surcharges = [new("32")] }, null, "The surcharge provided for this Account or Master Plan does not match its specified Surcharge Applicability Scope, which determines whether the surcharge is available at the account level, Master Plan Instance level or both.", "mp_surcharge_no"),
        new(15015, r => r with { Surcharges = [new("33")] }, null, "Surcharge can't be assigned because its application scope is payment method", "mp_surcharge_no"),
        new(16021, r => r with { AltRateScheduleNo = "903" }, null, "The currency for the contract completion rollover target rate schedule must match the currency on the account.", "alt_rate_schedule_no"),
        new(23013, r => r with { UsageThresholdApplicability = "UX" }, null, "Invalid usage threshold applicability", "usage_threshold_applicability"),
        new(25020, r => r with { Comments = "call <b>Ann</b>" }, null, "Illegal characters entered", "comments"),
        new(29001, r => r with { SvcLocationNo = "49" }, null, "The service location provided is not valid.", "svc_location_no"),
        new(29002, r => r with { ClientSvcLocationId = "loc-9" }, null, "The client service location id provided is not valid.", "client_svc_location_id"),
        new(29003, r => r with { SvcLocationNo = "42" }, null, "The service location provided has been disabled or deleted and cannot be associated with a Plan instance.", "svc_location_no"),
        new(29005, r => r with { DestContactNo = "599" }, null, "The contact number provided is invalid for the specified account.", "dest_contact_no"),
    }.ToDictionary(r => r.Code);

    public static TheoryData<int> Codes => [.. Rows.Keys.Order()];

    [Fact]
    public void Table_HasARowForEveryCodeOfTheManual_AndNoOther()
    {
        var missing = ReplacePlanManual.Codes.Where(code => !Rows.ContainsKey(code)).ToList();
        var extra = Rows.Keys.Where(code => !ReplacePlanManual.Has(code)).ToList();

        Assert.True(missing.Count == 0, "codes of the manual without a row: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "rows for codes the manual does not have: " + string.Join(", ", extra));
    }

    [Fact]
    public void Fixture_TheBaseRequestIsValid()
    {
        var result = new ReplacePlanValidator(new PlansOptions()).Validate(Valid, Context);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
    }

    /// <summary>The row's request over its context raises its code, with the manual's words and the row's inputs, and nothing else.</summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public void Validate_EachCodeOfTheManual(int code)
    {
        var row = Rows[code];
        Assert.True(PlanErrorCodeNumbers.Contains(code), $"PlanErrorCodes has no constant for {code}");
        if (row.UnreachableBecause is { } reason)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            return;
        }

        var manual = row.Manual ?? row.Message;
        Assert.Contains(ReplacePlanManual.Collapse(manual), ReplacePlanManual.Entry(code), StringComparison.Ordinal);
        Assert.StartsWith(manual.Split('(')[0], row.Message, StringComparison.Ordinal); // a template's fixed words, then the value
        var context = row.Context?.Invoke(Context) ?? Context;
        var result = new ReplacePlanValidator(row.Options ?? new PlansOptions()).Validate(row.Request(Valid), context);

        var error = Assert.Single(result.Errors, e => e.Code.Number == code);
        Assert.StartsWith(row.Message, error.Message, StringComparison.Ordinal);
        Assert.Equal(row.Inputs, error.AssociatedInputs);
        Assert.True(result.Errors.All(e => e.Code.Number == code), $"{code} came with other errors: {string.Join("; ", result.Errors)}");
    }

    private static readonly HashSet<int> PlanErrorCodeNumbers =
    [
        .. typeof(PlanErrorCodes).GetProperties().Where(p => p.PropertyType == typeof(AriaErrorCode))
            .Select(p => ((AriaErrorCode)p.GetValue(null)!).Number).OfType<int>(),
    ];

    private static ReplacePlanRequest ForceToEuro(ReplacePlanRequest request) => request with { NewPlanNo = "5", ForceCurrencyChange = "true" };

    private static CustomRateInput Rate(string service, string seq, string from, string? to, string rate) =>
        new() { ServiceNo = service, SeqNo = seq, FromUnit = from, ToUnit = to, RatePerUnit = rate };

    /// <summary>One code of the manual: how to raise it, and what must come back.</summary>
    private sealed record Row(int Code, Func<ReplacePlanRequest, ReplacePlanRequest> Request, Func<ReplacePlanContext, ReplacePlanContext>? Context, string Message, params string[] Inputs)
    {
        /// <summary>The manual's words when <see cref="Message"/> fills in a template of them ("Missing input: (object-name) is required").</summary>
        public string? Manual { get; init; }

        /// <summary>The client settings to validate with (default: the defaults).</summary>
        public PlansOptions? Options { get; init; }

        /// <summary>Why a validator cannot raise the code, for the one the manual ties to something a validator does not do.</summary>
        public string? UnreachableBecause { get; init; }

        public static Row Unreachable(int code, string because) => new(code, r => r, null, "") { UnreachableBecause = because };
    }
}
