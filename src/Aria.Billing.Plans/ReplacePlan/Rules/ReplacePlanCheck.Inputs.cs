using System.Globalization;
using Aria.Billing.Plans.Internal;

namespace Aria.Billing.Plans;

/// <summary>The inputs read on their own or with the instance's kind: text, flags, the directive, dates, bill lag, status, units, enumerations.</summary>
internal sealed partial class ReplacePlanCheck
{
    /// <summary>25020: the character inputs of the manual's list hold no control characters and no markup.</summary>
    private void Characters()
    {
        (string Input, string? Value)[] scalars =
        [
            ("auth_key", _request.AuthKey), ("client_acct_id", _request.ClientAcctId), ("client_plan_instance_id", _request.ClientPlanInstanceId),
            ("new_client_plan_id", _request.NewClientPlanId), ("new_client_plan_instance_id", _request.NewClientPlanInstanceId),
            ("promo_cd", _request.PromoCd), ("plan_instance_description", _request.PlanInstanceDescription), ("comments", _request.Comments),
            ("do_write", _request.DoWrite), ("client_receipt_id", _request.ClientReceiptId), ("alt_proration_start_date", _request.AltProrationStartDate),
            ("alt_client_acct_group_id", _request.AltClientAcctGroupId), ("effective_date", _request.EffectiveDate),
            ("invoice_unbilled_usage", _request.InvoiceUnbilledUsage), ("client_alt_rate_schedule_id", _request.ClientAltRateScheduleId),
            ("usage_pooling", _request.UsagePooling), ("usage_threshold_applicability", _request.UsageThresholdApplicability), ("po_num", _request.PoNum),
            ("client_svc_location_id", _request.ClientSvcLocationId), ("force_currency_change", _request.ForceCurrencyChange),
            ("include_plan_instance_queue", _request.IncludePlanInstanceQueue), ("alt_caller_id", _request.AltCallerId),
        ];
        foreach (var (input, value) in scalars)
        {
            Illegal(input, value);
        }

        foreach (var code in _request.CouponCodes ?? [])
        {
            Illegal("coupon_codes", code);
        }

        foreach (var field in _request.PlanInstanceFields ?? [])
        {
            Illegal("plan_instance_field_name", field?.Name);
            Illegal("plan_instance_field_value", field?.Value);
        }

        foreach (var rate in _request.CustomRates ?? [])
        {
            Illegal("custom_rate_client_service_id", rate?.ClientServiceId);
        }

        void Illegal(string input, string? value)
        {
            if (value is not null && IllegalCharacters.IndexIn(value) is var at and >= 0)
            {
                Add(PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, $"{input} holds {IllegalCharacters.Describe(value[at])} at position {Text(at + 1)}; character inputs take no control characters and no markup (< >).", input);
            }
        }
    }

    /// <summary>1033: the true/false inputs.</summary>
    private void Booleans()
    {
        _doWrite = Flag(_request.DoWrite, "do_write") ?? true;
        Flag(_request.InvoiceUnbilledUsage, "invoice_unbilled_usage");
        _usagePooling = Flag(_request.UsagePooling, "usage_pooling");
        _forceCurrencyChange = Flag(_request.ForceCurrencyChange, "force_currency_change");
        Flag(_request.IncludePlanInstanceQueue, "include_plan_instance_queue");

        bool? Flag(string? text, string input)
        {
            if (Clean(text) is not { } clean)
            {
                return null;
            }

            if (bool.TryParse(clean, out var value))
            {
                return value;
            }

            Add(PlanErrorCodes.InvalidBoolean, ManualText.InvalidBoolean, $"{input} {Quote(clean)} is not true or false.", input);
            return null;
        }
    }

    /// <summary>1035, 1101, 1010, 1024, 14023–14026 through <see cref="AssignmentDirectiveValidator"/>, for the instance's kind.</summary>
    private void Directive()
    {
        int? code = null;
        if (Given(_request.AssignmentDirective))
        {
            if (!TryWhole(_request.AssignmentDirective, out var parsed))
            {
                Add(PlanErrorCodes.InvalidAssignmentDirective, "Invalid Assignment Directive", $"{InputParser.Shorten(_request.AssignmentDirective!.Trim())}. Allowed values are 1 to 11.", "assignment_directive");
                return;
            }

            code = parsed;
        }

        int? offset = null;
        if (Given(_request.OffsetInterval))
        {
            if (TryWhole(_request.OffsetInterval, out var parsed))
            {
                offset = parsed;
            }
            else
            {
                Add(PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, $"offset_interval {Quote(_request.OffsetInterval!)} is not a whole number.", "offset_interval");
            }
        }

        var effectiveDateUsable = !IllegalCharacters.In(_request.EffectiveDate);
        var assignsCharges = _instance?.Kind == PlanKind.Master && _newPlan is { } plan
            && plan.MandatoryChildPlans.Any(child => Catalog.Plans.TryGetValue(child, out var c) && c is { IsBillable: true });
        var result = _directives.Validate(
            new DirectiveRequest
            {
                AssignmentDirective = code,
                PlanKind = Kind ?? PlanKind.Master,
                Operation = PlanOperation.Replace,
                EffectiveDate = effectiveDateUsable ? _request.EffectiveDate : null,
                OffsetInterval = offset,
                DoWrite = _doWrite,
                AssignsChargingMandatoryChild = assignsCharges,
            },
            _context.Today);
        _errors.AddRange(effectiveDateUsable ? result.Errors : result.Errors.Where(e => !e.AssociatedInputs.SequenceEqual(["effective_date"])));
        _warnings.AddRange(result.Warnings);
        _directive = result.IsSuccess ? result.Value : null;
    }

    /// <summary>
    /// 1024, 3017: <c>alt_proration_start_date</c> is a date and, replacing a master plan, lies in the period last invoiced
    /// (same interval) or between its start and the next bill day (another interval).
    /// </summary>
    private void AltProrationStartDate()
    {
        if (Clean(_request.AltProrationStartDate) is not { } text)
        {
            return;
        }

        if (!InputParser.TryParseDate(text, "alt_proration_start_date", AriaErrorCodes.InvalidDateFormat, out var date, out var error))
        {
            _errors.Add(error!);
            return;
        }

        _altProrationStart = date;
        if (_instance is not { Kind: PlanKind.Master } master || _newPlan is null || _directive is null
            || _directive.Directive.Timing == ChangeTiming.Anniversary || !BusinessDates.Contains(_context.Today))
        {
            return;
        }

        var cycle = master.Cycle is { } c && IsDefined(c.Interval) ? c : (BillingCycle?)null;
        if ((master.LastInvoicedPeriod ?? cycle?.PeriodContaining(_context.Today)) is not { } period || period.Days <= 0)
        {
            return;
        }

        var oldInterval = cycle?.Interval ?? _currentPlan?.Interval;
        var sameInterval = oldInterval is null || oldInterval == _newPlan.Interval;
        var offset = period.OffsetOf(date);
        if (offset < 0 || (sameInterval ? offset >= period.Days : offset > period.Days))
        {
            Add(PlanErrorCodes.ProrationPeriodExceedsInterval, ManualText.ProrationPeriodExceedsInterval, sameInterval
                ? $"{date:uuuu-MM-dd} must be within the recurring billing period last invoiced, {period}."
                : $"{date:uuuu-MM-dd} must be between the start of the period last invoiced, {period.Start:uuuu-MM-dd}, and the next bill day, {period.End:uuuu-MM-dd}.",
                "alt_proration_start_date");
        }
    }

    /// <summary>
    /// 14310, 14311 (25020 for text that is no number): bill lag days bounded by the billing interval the master plan instance
    /// will have — the new plan's when a master plan is replaced, the master plan instance's when a supplemental one is.
    /// </summary>
    private void BillLag()
    {
        var parsed = BillLagDaysInput.Parse(_request.BillLagDays);
        if (parsed.IsFailure)
        {
            Add(PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, $"bill_lag_days {Quote(_request.BillLagDays!)} is not a whole number of days or the erase indicator '~'.", "bill_lag_days");
            return;
        }

        BillingInterval? interval = _instance?.Kind == PlanKind.Master
            ? _newPlan?.Interval
            : _master?.Cycle?.Interval ?? (_master is { } m ? Catalog.Plans.GetValueOrDefault(m.Plan)?.Interval : null);
        var update = new BillLagUpdate
        {
            BillLagDays = parsed.Value,
            Interval = interval is { } i && IsDefined(i) ? i : BillingInterval.Monthly,
            ChangesUnitsStatusOrRateSchedule = true, // a replacement is itself a change, so the value never stands alone
            ScheduledForAnniversary = _directive?.Directive.Timing == ChangeTiming.Anniversary,
        };
        var applied = _billLag.ApplyUpdate(default, update);
        _errors.AddRange(applied.Errors);
        _warnings.AddRange(applied.Warnings);
        _billLagDays = update.ScheduledForAnniversary ? BillLagDaysInput.NotGiven : parsed.Value;
    }

    /// <summary>14077 (master) or 14079 (supplemental): <c>plan_status</c> is one that supports provisioning.</summary>
    private void PlanStatusValue()
    {
        var supplemental = Kind == PlanKind.Supplemental;
        var status = Enumerated(
            _request.PlanStatus,
            "plan_status",
            PlanStatusValues,
            supplemental ? PlanErrorCodes.SupplementalStatusBlocksProvisioning : PlanErrorCodes.AccountStatusBlocksProvisioning,
            supplemental ? ManualText.SupplementalStatusBlocksProvisioning : ManualText.AccountStatusBlocksProvisioning,
            "1 (Active), 31 (Pending Installation), 32 (Pending Activation), 61 (Active Non-Billable) or 41 (Trial)");
        _planStatus = status is null ? null : (PlanStatus)int.Parse(status, CultureInfo.InvariantCulture);
    }

    /// <summary>25020 for text that is no number; 14086 below the new plan's minimum (and below 0); 14087 above its maximum.</summary>
    private void PlanUnits()
    {
        if (!Given(_request.PlanUnits))
        {
            return;
        }

        if (!TryDecimal(_request.PlanUnits, out var units))
        {
            Add(PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, $"plan_units {Quote(_request.PlanUnits!)} is not a number.", "plan_units");
            return;
        }

        var minimum = Math.Max(0m, _newPlan?.MinUnits ?? 0m);
        if (units < minimum)
        {
            Add(PlanErrorCodes.PlanUnitsBelowMinimum, ManualText.PlanUnitsBelowMinimum, $"plan_units {Text(units)} is below {Text(minimum)}{(_newPlan?.MinUnits is null ? "" : $", the minimum of plan {_newPlan.Number}")}.", "plan_units");
            return;
        }

        if (_newPlan?.MaxUnits is { } maximum && units > maximum)
        {
            Add(PlanErrorCodes.PlanUnitsAboveMaximum, ManualText.PlanUnitsAboveMaximum, $"plan_units {Text(units)} is above {Text(maximum)}, the maximum of plan {_newPlan.Number}.", "plan_units");
            return;
        }

        _planUnits = units;
    }

    /// <summary>
    /// The enumerated inputs (7035, 7036, 14098, 23013, 14019, 1064, 3018, 14136, and 25020 for those without a code of their
    /// own), and usage pooling (14137, 14402).
    /// </summary>
    private void Enumerations()
    {
        if (Enumerated(_request.ForceBillDateReset, "force_bill_date_reset", ["0", "1", "2", "3"], "0, 1, 2 or 3") is not null && Kind == PlanKind.Supplemental)
        {
            _errors.Add(new AriaError(
                PlanErrorCodes.ForceBillDateResetOnSupplementalPlan,
                "The Plan selected for update is a Supplemental Plan. The force_bill_date_reset input can only be used in conjunction with Master Plans. Please clear the value of force_bill_date_reset or input a Master Plan.",
                "force_bill_date_reset"));
        }

        if (Enumerated(_request.ForceMasterBillDateReset, "force_master_bill_date_reset", ["1", "2", "3"], "empty (client setting), 1, 2 or 3") is not null && Kind == PlanKind.Master)
        {
            _errors.Add(new AriaError(
                PlanErrorCodes.ForceMasterBillDateResetOnMasterPlan,
                "The Plan selected for update is a Master Plan. The force_master_bill_date_reset input can only be used in conjunction with Supplemental Plans. Please clear the value of force_master_bill_date_reset or input a Supplemental Plan.",
                "force_master_bill_date_reset"));
        }

        Enumerated(_request.ProrationInvoiceTiming, "proration_invoice_timing", ["0", "1"], PlanErrorCodes.InvalidProrationInvoiceTiming, ManualText.InvalidProrationInvoiceTiming, "empty (plan setting), 0 (invoice now) or 1 (next anniversary)");
        if (Clean(_request.UsageThresholdApplicability) is { } applicability
            && !applicability.Equals("UT", StringComparison.OrdinalIgnoreCase) && !applicability.Equals("UP", StringComparison.OrdinalIgnoreCase))
        {
            Add(PlanErrorCodes.InvalidUsageThresholdApplicability, ManualText.InvalidUsageThresholdApplicability, $"{Quote(applicability)}: use UT (usage type) or UP (usage pool).", "usage_threshold_applicability");
        }

        if (Given(_request.TransactionType) && !TransactionTypes.IsAllowed(_request.TransactionType!))
        {
            Add(PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, $"transaction_type {Quote(_request.TransactionType!)} is not one of -1, 1–8, I, R, telephone, mailorder.", "transaction_type");
        }

        Enumerated(_request.RecurringProcessingModelInd, "recurring_processing_model_ind", ["0", "1", "2", "3"], "0, 1, 2 or 3");
        if (Given(_request.UsageAccumulationResetMonths) && (!TryWhole(_request.UsageAccumulationResetMonths, out var months) || months is < 0 or > 99))
        {
            Add(PlanErrorCodes.InvalidUsageAccumulationResetMonths, ManualText.UsageAccumulationResetMonths, $"got {Quote(_request.UsageAccumulationResetMonths!)}.", "usage_accumulation_reset_months");
        }

        Enumerated(_request.UsageAccumulationResetMonthsRenewalOption, "usage_accumulation_reset_months_renewal_option", ["1", "2"], "1 (recurring) or 2 (single use)");
        Enumerated(_request.MpSurchargeDirective, "mp_surcharge_directive", ["1", "2"], PlanErrorCodes.InvalidSurchargeDirective, ManualText.InvalidSurchargeDirective, "1 (apply) or 2 (remove)");
        if (Enumerated(_request.AutoOffsetMonthsOption, "auto_offset_months_option", ["1", "2"], PlanErrorCodes.InvalidAutoOffsetMonthsOption, ManualText.InvalidAutoOffsetMonthsOption, "1 (master plan bill-through date) or 2 (old supplemental plan bill-through date)") == "2"
            && Kind == PlanKind.Master)
        {
            Add(PlanErrorCodes.InvalidAutoOffsetMonthsOption, ManualText.InvalidAutoOffsetMonthsOption, "2 (sync to the old supplemental plan's bill-through date) applies only to supplemental plans.", "auto_offset_months_option");
        }

        if (Enumerated(_request.CombineInvoices, "combine_invoices", ["1", "2", "3"], "1 (combine, long cycle), 2 (do not combine, short cycle) or 3 (client default)") is { } combine)
        {
            _combine = (CombineInvoices)int.Parse(combine, CultureInfo.InvariantCulture);
        }

        if (Given(_request.OffsetMonths))
        {
            if (!TryWhole(_request.OffsetMonths, out var offsetMonths))
            {
                Add(PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, $"offset_months {Quote(_request.OffsetMonths!)} is not a whole number.", "offset_months");
            }
            else if (offsetMonths < 0)
            {
                Add(PlanErrorCodes.NegativeOffsetMonths, ManualText.NegativeOffsetMonths, $"Got {Text(offsetMonths)}.", "offset_months");
            }
        }

        if (_usagePooling == true)
        {
            if (!(_context.ClientParameters ?? ClientParameters.Default).AllowMpiLevelUsagePooling)
            {
                Add(PlanErrorCodes.UsagePoolingNotEnabled, ManualText.UsagePoolingNotEnabled, $"Client {_context.Client} has it disabled.", "usage_pooling");
            }

            if (_newPlan is { RatesUsagePerRecord: true })
            {
                Add(PlanErrorCodes.UsagePoolingWithPerRecordRating, ManualText.UsagePoolingWithPerRecordRating, $"Plan {_newPlan.Number} rates usage per record.", "usage_pooling");
            }
        }
    }
}
