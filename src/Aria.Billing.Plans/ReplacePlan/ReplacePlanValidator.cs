using System.Globalization;
using Aria.Billing.Plans.Internal;

namespace Aria.Billing.Plans;

/// <summary>
/// Validates a <c>replace_acct_plan_m</c> request (spec: replace-acct-plan-m.txt): required one-of pairs (1010), the
/// assignment directive and its dates (1035, 1101, 1024, 14023–14026), enumerations (5060, 7035, 7036, 14019, 14098,
/// 23013 …), booleans (1033), bill lag days (14310, 14311) and custom rate tiers (14014, 14015, 14027, 14043, 14129).
/// Returns every error found, each with its code, message and input name; never throws on any input text.
/// </summary>
public sealed class ReplacePlanValidator
{
    private static readonly string[] PlanStatusValues = ["1", "31", "32", "61", "41"];

    private readonly AssignmentDirectiveValidator _directives;
    private readonly BillLagCalculator _billLag;

    /// <summary>A validator for a client's settings.</summary>
    public ReplacePlanValidator(PlansOptions options)
    {
        PlansOptions.Rules.ThrowIfInvalid(options, nameof(options));
        _directives = new AssignmentDirectiveValidator(options);
        _billLag = new BillLagCalculator(options);
    }

    /// <summary>Validates <paramref name="request"/> for the instance described by <paramref name="context"/>.</summary>
    public AriaResult<ValidReplacePlan> Validate(ReplacePlanRequest request, ReplacePlanContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<AriaError>();
        var warnings = new List<AriaWarning>();

        Required(request.ClientNo, "client_no", errors);
        Required(request.AuthKey, "auth_key", errors);
        OneOf(request.AcctNo, "acct_no", request.ClientAcctId, "client_acct_id", errors);
        OneOf(request.PlanInstanceNo, "plan_instance_no", request.ClientPlanInstanceId, "client_plan_instance_id", errors);
        OneOf(request.NewPlanNo, "new_plan_no", request.NewClientPlanId, "new_client_plan_id", errors);
        var account = PositiveNumber(request.AcctNo, "acct_no", errors);
        var instance = PositiveNumber(request.PlanInstanceNo, "plan_instance_no", errors);
        var newPlan = PositiveNumber(request.NewPlanNo, "new_plan_no", errors);

        var doWrite = Boolean(request.DoWrite, "do_write", errors) ?? true;
        Boolean(request.InvoiceUnbilledUsage, "invoice_unbilled_usage", errors);
        Boolean(request.UsagePooling, "usage_pooling", errors);
        Boolean(request.ForceCurrencyChange, "force_currency_change", errors);
        Boolean(request.IncludePlanInstanceQueue, "include_plan_instance_queue", errors);

        var directive = Directive(request, context, doWrite, errors, warnings);

        NodaTime.LocalDate? altStart = null;
        if (!string.IsNullOrWhiteSpace(request.AltProrationStartDate))
        {
            if (InputParser.TryParseDate(request.AltProrationStartDate, "alt_proration_start_date", AriaErrorCodes.InvalidDateFormat, out var date, out var error))
            {
                altStart = date;
            }
            else
            {
                errors.Add(error!);
            }
        }

        var billLag = BillLag(request, context, directive, errors, warnings);
        var status = Enumerated(request.PlanStatus, "plan_status", PlanStatusValues, PlanErrorCodes.InvalidEnumerationValue, "1 (Active), 31 (Pending Installation), 32 (Pending Activation), 61 (Active Non-Billable) or 41 (Trial)", errors);
        var units = Units(request.PlanUnits, errors);
        PositiveNumber(request.AltRateScheduleNo, "alt_rate_schedule_no", errors);

        foreach (var field in request.PlanInstanceFields ?? [])
        {
            Enumerated(field?.Directive, "plan_instance_field_directive", ["1", "2", "3", "4"], PlanErrorCodes.InvalidPlanInstanceFieldDirective, "1 (add), 2 (replace), 3 (remove value) or 4 (remove name and value)", errors, required: true);
        }

        BillDateResets(request, context, errors);
        Enumerated(request.ProrationInvoiceTiming, "proration_invoice_timing", ["0", "1"], PlanErrorCodes.InvalidProrationInvoiceTiming, "empty (plan setting), 0 (invoice now) or 1 (next anniversary)", errors);
        if (!string.IsNullOrWhiteSpace(request.UsageThresholdApplicability)
            && !request.UsageThresholdApplicability.Trim().Equals("UT", StringComparison.OrdinalIgnoreCase)
            && !request.UsageThresholdApplicability.Trim().Equals("UP", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new AriaError(PlanErrorCodes.InvalidUsageThresholdApplicability, $"Invalid usage threshold applicability '{InputParser.Shorten(request.UsageThresholdApplicability)}': use UT (usage type) or UP (usage pool).", "usage_threshold_applicability"));
        }

        if (!string.IsNullOrWhiteSpace(request.TransactionType) && !TransactionTypes.IsAllowed(request.TransactionType))
        {
            errors.Add(new AriaError(PlanErrorCodes.InvalidEnumerationValue, $"transaction_type '{InputParser.Shorten(request.TransactionType)}' is not one of -1, 1–8, I, R, telephone, mailorder.", "transaction_type"));
        }

        Enumerated(request.RecurringProcessingModelInd, "recurring_processing_model_ind", ["0", "1", "2", "3"], PlanErrorCodes.InvalidEnumerationValue, "0, 1, 2 or 3", errors);
        UsageAccumulationResetMonths(request.UsageAccumulationResetMonths, errors);
        Enumerated(request.UsageAccumulationResetMonthsRenewalOption, "usage_accumulation_reset_months_renewal_option", ["1", "2"], PlanErrorCodes.InvalidEnumerationValue, "1 (recurring) or 2 (single use)", errors);
        Enumerated(request.MpSurchargeDirective, "mp_surcharge_directive", ["1", "2"], PlanErrorCodes.InvalidSurchargeDirective, "1 (apply) or 2 (remove)", errors);
        Enumerated(request.AutoOffsetMonthsOption, "auto_offset_months_option", ["1", "2"], PlanErrorCodes.InvalidAutoOffsetMonthsOption, "1 (master plan bill-through date) or 2 (old supplemental plan bill-through date)", errors);
        var combine = Enumerated(request.CombineInvoices, "combine_invoices", ["1", "2", "3"], PlanErrorCodes.InvalidCombineInvoices, "1 (combine, long cycle), 2 (do not combine, short cycle) or 3 (client default)", errors);
        var rates = CustomRates(request.CustomRates ?? [], errors);

        if (errors.Count > 0)
        {
            return AriaResult.Failure<ValidReplacePlan>(errors, warnings);
        }

        return AriaResult.Success(
            new ValidReplacePlan
            {
                Directive = directive!,
                AccountNumber = account is { } a ? new AccountNumber(a) : null,
                ClientAccountId = Blank(request.ClientAcctId),
                PlanInstanceNumber = instance is { } i ? new PlanInstanceNumber(i) : null,
                ClientPlanInstanceId = Blank(request.ClientPlanInstanceId),
                NewPlanNumber = newPlan is { } p ? new PlanNumber(p) : null,
                NewClientPlanId = Blank(request.NewClientPlanId),
                AltProrationStartDate = altStart,
                BillLagDays = billLag,
                PlanStatus = status is { } s ? (PlanStatus)int.Parse(s, CultureInfo.InvariantCulture) : null,
                PlanUnits = units,
                CombineInvoices = combine is { } c ? (CombineInvoices)int.Parse(c, CultureInfo.InvariantCulture) : CombineInvoices.ClientDefault,
                DoWrite = doWrite,
                CustomRates = rates,
            },
            warnings);
    }

    private ResolvedDirective? Directive(ReplacePlanRequest request, ReplacePlanContext context, bool doWrite, List<AriaError> errors, List<AriaWarning> warnings)
    {
        if (!InputParser.TryParseOptionalInt(request.AssignmentDirective, "assignment_directive", out var code, out _))
        {
            errors.Add(new AriaError(PlanErrorCodes.InvalidAssignmentDirective, $"Invalid Assignment Directive: {InputParser.Shorten(request.AssignmentDirective!)}. Allowed values are 1 to 11.", "assignment_directive"));
            return null;
        }

        if (!InputParser.TryParseOptionalInt(request.OffsetInterval, "offset_interval", out var offset, out var offsetError))
        {
            errors.Add(offsetError!);
        }

        var result = _directives.Validate(
            new DirectiveRequest
            {
                AssignmentDirective = code,
                PlanKind = context.PlanKind,
                Operation = PlanOperation.Replace,
                EffectiveDate = request.EffectiveDate,
                OffsetInterval = offset,
                DoWrite = doWrite,
                AssignsChargingMandatoryChild = context.AssignsChargingMandatoryChild,
            },
            context.Today);
        errors.AddRange(result.Errors);
        warnings.AddRange(result.Warnings);
        return result.IsSuccess ? result.Value : null;
    }

    private BillLagDaysInput BillLag(ReplacePlanRequest request, ReplacePlanContext context, ResolvedDirective? directive, List<AriaError> errors, List<AriaWarning> warnings)
    {
        var parsed = BillLagDaysInput.Parse(request.BillLagDays);
        if (parsed.IsFailure)
        {
            errors.AddRange(parsed.Errors);
            return BillLagDaysInput.NotGiven;
        }

        var update = new BillLagUpdate
        {
            BillLagDays = parsed.Value,
            Interval = context.Interval,
            ChangesUnitsStatusOrRateSchedule = true, // a replacement is itself a change, so the value never stands alone
            ScheduledForAnniversary = directive?.Directive.Timing == ChangeTiming.Anniversary,
        };
        var applied = _billLag.ApplyUpdate(default, update);
        errors.AddRange(applied.Errors);
        warnings.AddRange(applied.Warnings);
        return update.ScheduledForAnniversary ? BillLagDaysInput.NotGiven : parsed.Value;
    }

    private static void BillDateResets(ReplacePlanRequest request, ReplacePlanContext context, List<AriaError> errors)
    {
        if (Enumerated(request.ForceBillDateReset, "force_bill_date_reset", ["0", "1", "2", "3"], PlanErrorCodes.InvalidEnumerationValue, "0, 1, 2 or 3", errors) is not null
            && context.PlanKind == PlanKind.Supplemental)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.ForceBillDateResetOnSupplementalPlan,
                "The Plan selected for update is a Supplemental Plan. The force_bill_date_reset input can only be used in conjunction with Master Plans. Please clear the value of force_bill_date_reset or input a Master Plan.",
                "force_bill_date_reset"));
        }

        if (Enumerated(request.ForceMasterBillDateReset, "force_master_bill_date_reset", ["1", "2", "3"], PlanErrorCodes.InvalidEnumerationValue, "empty (client setting), 1, 2 or 3", errors) is not null
            && context.PlanKind == PlanKind.Master)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.ForceMasterBillDateResetOnMasterPlan,
                "The Plan selected for update is a Master Plan. The force_master_bill_date_reset input can only be used in conjunction with Supplemental Plans. Please clear the value of force_master_bill_date_reset or input a Supplemental Plan.",
                "force_master_bill_date_reset"));
        }
    }

    private static void UsageAccumulationResetMonths(string? text, List<AriaError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var months) || months is < 0 or > 99)
        {
            errors.Add(new AriaError(PlanErrorCodes.InvalidUsageAccumulationResetMonths, $"usage_accumulation_reset_months must be from 0 to 99; got '{InputParser.Shorten(text)}'.", "usage_accumulation_reset_months"));
        }
    }

    private static decimal? Units(string? text, List<AriaError> errors)
    {
        if (!InputParser.TryParseOptionalDecimal(text, "plan_units", out var units, out var error))
        {
            errors.Add(error!);
            return null;
        }

        if (units < 0)
        {
            errors.Add(new AriaError(PlanErrorCodes.InvalidNumber, $"plan_units cannot be negative; got {units.Value.ToString(CultureInfo.InvariantCulture)}.", "plan_units"));
            return null;
        }

        return units;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<RateTier>> CustomRates(IReadOnlyList<CustomRateInput> rows, List<AriaError> errors)
    {
        var result = new Dictionary<string, IReadOnlyList<RateTier>>(StringComparer.Ordinal);
        foreach (var service in rows.Where(r => r is not null).GroupBy(r => r.ServiceNo?.Trim() ?? string.Empty, StringComparer.Ordinal))
        {
            if (service.Key.Length == 0)
            {
                errors.Add(new AriaError(AriaErrorCodes.MissingRequiredParameter, "Missing input: custom_rate_service_no is required for each custom rate.", "custom_rate_service_no"));
                continue;
            }

            var tiers = new List<RateTier>();
            var parsedAll = true;
            foreach (var row in service)
            {
                parsedAll &= TryTier(row, errors, out var tier);
                tiers.Add(tier);
            }

            if (!parsedAll)
            {
                continue;
            }

            var validated = RateTierValidator.Validate(tiers, service.First().ServiceType);
            if (validated.IsSuccess)
            {
                result[service.Key] = validated.Value;
            }
            else
            {
                errors.AddRange(validated.Errors);
            }
        }

        return result;
    }

    private static bool TryTier(CustomRateInput row, List<AriaError> errors, out RateTier tier)
    {
        tier = default;
        var ok = true;
        if (!InputParser.TryParseOptionalInt(row.SeqNo, "custom_rate_seq_no", out var seq, out var e1))
        {
            errors.Add(e1!);
            ok = false;
        }

        if (!InputParser.TryParseOptionalDecimal(row.FromUnit, "custom_rate_from_unit", out var from, out var e2))
        {
            errors.Add(e2!);
            ok = false;
        }

        if (!InputParser.TryParseOptionalDecimal(row.ToUnit, "custom_rate_to_unit", out var to, out var e3))
        {
            errors.Add(e3!);
            ok = false;
        }

        if (!InputParser.TryParseOptionalDecimal(row.RatePerUnit, "custom_rate_per_unit", out var rate, out var e4))
        {
            errors.Add(e4!);
            ok = false;
        }

        if (ok && (seq is null || rate is null))
        {
            errors.Add(new AriaError(
                AriaErrorCodes.MissingRequiredParameter,
                $"Missing input: custom_rate_seq_no and custom_rate_per_unit are required for each custom rate of service {InputParser.Shorten(row.ServiceNo ?? string.Empty)}.",
                seq is null ? "custom_rate_seq_no" : "custom_rate_per_unit"));
            ok = false;
        }

        if (ok)
        {
            tier = new RateTier(seq!.Value, from ?? 1, to, rate!.Value);
        }

        return ok;
    }

    private static void Required(string? value, string input, List<AriaError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new AriaError(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {input} is required.", input));
        }
    }

    private static void OneOf(string? first, string firstInput, string? second, string secondInput, List<AriaError> errors)
    {
        if (string.IsNullOrWhiteSpace(first) && string.IsNullOrWhiteSpace(second))
        {
            errors.Add(new AriaError(AriaErrorCodes.MissingRequiredParameter, $"Missing input: {firstInput} or {secondInput} is required.", firstInput, secondInput));
        }
    }

    private static long? PositiveNumber(string? text, string input, List<AriaError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        errors.Add(new AriaError(PlanErrorCodes.InvalidNumber, $"{input} '{InputParser.Shorten(text)}' is not a positive whole number.", input));
        return null;
    }

    private static bool? Boolean(string? text, string input, List<AriaError> errors)
    {
        if (InputParser.TryParseOptionalBoolean(text, input, out var value, out var error))
        {
            return value;
        }

        errors.Add(error!);
        return null;
    }

    private static string? Enumerated(string? text, string input, string[] allowed, AriaErrorCode code, string allowedText, List<AriaError> errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new AriaError(code, $"{input} is required: use {allowedText}.", input));
            }

            return null;
        }

        var trimmed = text.Trim();
        if (Array.IndexOf(allowed, trimmed) >= 0)
        {
            return trimmed;
        }

        errors.Add(new AriaError(code, $"{input} '{InputParser.Shorten(text)}' is not an allowable value: use {allowedText}.", input));
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
