using Aria.Billing.Plans.Internal;
using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans;

/// <summary>Rate schedules, currencies (and the forced currency change), rollovers and custom rates.</summary>
internal sealed partial class ReplacePlanCheck
{
    /// <summary>
    /// 14006, 14039: the alternate rate schedule is the new plan's. 14012, 14013: the rates are in the account's currency,
    /// unless <c>force_currency_change</c> changes it, which 14307, 14300, 14302–14306, 14313, 14314 may refuse. 14317, 16021:
    /// the rollover plan and the rollover target schedule have rates in the (new) currency.
    /// </summary>
    private void RateSchedule()
    {
        var altInput = Given(_request.AltRateScheduleNo) ? "alt_rate_schedule_no" : "client_alt_rate_schedule_id";
        if (!AltSchedule(out var alt) || _account is null || _newPlan is null)
        {
            return;
        }

        var accountCurrency = _account.Currency;
        var schedules = Catalog.SchedulesOf(_newPlan.Number).ToList();
        var newPlanInput = Given(_request.NewPlanNo) ? "new_plan_no" : "new_client_plan_id";
        if (schedules.Count == 0)
        {
            Add(PlanErrorCodes.NewPlanCurrencyMismatch, ManualText.NewPlanCurrencyMismatch, $"Plan {_newPlan.Number} has no active rate schedule.", newPlanInput);
            return;
        }

        Currency target;
        if (alt is not null)
        {
            target = alt.Currency;
        }
        else if (schedules.Any(s => s.Currency == accountCurrency))
        {
            target = accountCurrency;
        }
        else
        {
            target = (schedules.FirstOrDefault(s => s.IsDefault) ?? schedules[0]).Currency;
        }

        _currency = target;
        if (target != accountCurrency)
        {
            var (code, manual, detail, input) = alt is not null
                ? (PlanErrorCodes.AltRateScheduleCurrencyMismatch, ManualText.AltRateScheduleCurrencyMismatch, $"Rate schedule {alt.Number} is in {target}, account {_account.Number} in {accountCurrency}", altInput)
                : (PlanErrorCodes.NewPlanCurrencyMismatch, ManualText.NewPlanCurrencyMismatch, $"Plan {_newPlan.Number} has rates in {string.Join(", ", schedules.Select(s => s.Currency).Distinct())}, account {_account.Number} is in {accountCurrency}", newPlanInput);
            if (_forceCurrencyChange != true)
            {
                Add(code, manual, detail + "; pass force_currency_change true to change the account's currency.", input);
                return;
            }

            if (_account.CurrencyChange?.HasNonZeroTransactions == true)
            {
                Add(code, manual, detail + "; force_currency_change applies only to an account without transactions other than $0 ones.", input, "force_currency_change");
                return;
            }

            ForcedCurrencyChange(accountCurrency, target);
            _changesCurrency = true;
        }

        Rollovers(alt, schedules, target, newPlanInput, altInput);
    }

    /// <summary>14006, 14039: resolves the alternate rate schedule; false when it was given and is not usable.</summary>
    private bool AltSchedule(out CatalogRateSchedule? alt)
    {
        alt = null;
        if (Given(_request.AltRateScheduleNo))
        {
            if (!TryPositive(_request.AltRateScheduleNo, out var number) || !Catalog.RateSchedules.TryGetValue(number, out alt) || alt is not { IsActive: true })
            {
                Add(PlanErrorCodes.InvalidRateScheduleNumber, ManualText.InvalidRateScheduleNumber, $"alt_rate_schedule_no {Quote(_request.AltRateScheduleNo!)} is not an active rate schedule of the catalog.", "alt_rate_schedule_no");
                alt = null;
                return false;
            }
        }

        if (Clean(_request.ClientAltRateScheduleId) is { } clientId)
        {
            if (!Catalog.RateSchedulesByClientId.TryGetValue(clientId, out var byId) || byId is not { IsActive: true })
            {
                Add(PlanErrorCodes.InvalidClientRateScheduleId, ManualText.InvalidClientRateScheduleId, $"{Quote(clientId)} is not an active rate schedule of the catalog.", "client_alt_rate_schedule_id");
                alt = null;
                return false;
            }

            if (alt is not null && alt.Number != byId.Number)
            {
                Add(PlanErrorCodes.InvalidClientRateScheduleId, ManualText.InvalidClientRateScheduleId, $"{Quote(clientId)} is rate schedule {Text(byId.Number)}, not alt_rate_schedule_no {Text(alt.Number)}.", "client_alt_rate_schedule_id");
                alt = null;
                return false;
            }

            alt ??= byId;
        }

        if (alt is not null && _newPlan is not null && alt.Plan != _newPlan.Number)
        {
            Add(PlanErrorCodes.InvalidRateScheduleNumber, ManualText.InvalidRateScheduleNumber, $"rate schedule {Text(alt.Number)} belongs to plan {alt.Plan}, not to the new plan {_newPlan.Number}.", Given(_request.AltRateScheduleNo) ? "alt_rate_schedule_no" : "client_alt_rate_schedule_id");
            alt = null;
            return false;
        }

        _altSchedule = alt;
        return true;
    }

    /// <summary>Every refusal of a forced currency change from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private void ForcedCurrencyChange(Currency from, Currency to)
    {
        const string Input = "force_currency_change";
        if (_directive is { } directive && directive.Directive.Timing != ChangeTiming.Immediate)
        {
            Add(PlanErrorCodes.CurrencyChangeWithDirective, ManualText.CurrencyChangeWithDirective, $"A currency change takes effect immediately (directives 2–6), not with directive {Text(directive.Directive.Code)}.", Input);
        }

        var without = Instances.ByNumber.Values
            .Where(i => i.Number != _instance?.Number && i.Status is not (PlanInstanceStatus.Cancelled or PlanInstanceStatus.Terminated)
                && !Catalog.SchedulesOf(i.Plan).Any(s => s.Currency == to))
            .OrderBy(i => i.Number.Value)
            .ToList();
        if (without.Count > 0)
        {
            Add(PlanErrorCodes.CurrencyChangeWithoutTargetRates, ManualText.CurrencyChangeWithoutTargetRates, $"{string.Join(", ", without.Take(5).Select(i => $"instance {i.Number} (plan {i.Plan})"))} has no rate schedule in {to}.", Input);
        }

        var facts = _account!.CurrencyChange ?? CurrencyChangeFacts.None;
        Refuse(facts.HasPendingInvoices, PlanErrorCodes.CurrencyChangeWithPendingInvoices, ManualText.CurrencyChangeWithPendingInvoices);
        Refuse(facts.HasSurcharges, PlanErrorCodes.CurrencyChangeWithSurcharges, ManualText.CurrencyChangeWithSurcharges);
        Refuse(facts.HasUnbilledUsage, PlanErrorCodes.CurrencyChangeWithUnbilledUsage, ManualText.CurrencyChangeWithUnbilledUsage);
        Refuse(facts.HasDiscountsOrCoupons, PlanErrorCodes.CurrencyChangeWithDiscountsOrCoupons, ManualText.CurrencyChangeWithDiscountsOrCoupons);
        Refuse(facts.HasPendingOrders, PlanErrorCodes.CurrencyChangeWithPendingOrders, ManualText.CurrencyChangeWithPendingOrders);
        Refuse((facts.ThresholdBillingRuleCurrencies ?? []).Any(c => c != to), PlanErrorCodes.CurrencyChangeWithThresholdRules, ManualText.CurrencyChangeWithThresholdRules);
        Refuse(facts.HasActiveRolloverContract, PlanErrorCodes.CurrencyChangeWithRolloverContract, ManualText.CurrencyChangeWithRolloverContract);

        void Refuse(bool blocked, AriaErrorCode code, string manual)
        {
            if (blocked)
            {
                Add(code, manual, $"Account {_account.Number} would change from {from} to {to}.", Input);
            }
        }
    }

    /// <summary>14317: the new plan's rollover plan, and 16021: the billing schedule's rollover target, have rates in <paramref name="currency"/>.</summary>
    private void Rollovers(CatalogRateSchedule? alt, List<CatalogRateSchedule> schedules, Currency currency, string newPlanInput, string altInput)
    {
        if (_newPlan!.RolloverPlan is { } rolloverPlan && !Catalog.SchedulesOf(rolloverPlan).Any(s => s.Currency == currency))
        {
            Add(PlanErrorCodes.RolloverPlanCurrencyMismatch, ManualText.RolloverPlanCurrencyMismatch, $"Plan {_newPlan.Number} rolls over to plan {rolloverPlan}, which has no active rate schedule in {currency}.", newPlanInput);
        }

        var billing = alt ?? schedules.Where(s => s.Currency == currency).OrderByDescending(s => s.IsDefault).FirstOrDefault();
        if (billing?.RolloverRateSchedule is { } target
            && (!Catalog.RateSchedules.TryGetValue(target, out var rollover) || rollover is null || rollover.Currency != currency))
        {
            Add(PlanErrorCodes.RolloverRateScheduleCurrencyMismatch, ManualText.RolloverRateScheduleCurrencyMismatch, $"Rate schedule {Text(billing.Number)} rolls over to rate schedule {Text(target)}, {(rollover is null ? "which the catalog lacks" : $"in {rollover.Currency}")}; the account's currency is {currency}.", alt is null ? newPlanInput : altInput);
        }
    }

    /// <summary>
    /// The custom rates, per service: the service exists (14107, 14036) and is the new plan's (14005); the tiers hold
    /// numbers (25020, 1010), follow the tier rules (14014, 14015, 14027, 14043, 14129) and keep the shape of the schedule
    /// they are based on — the alternate schedule, else the new plan's default in the currency — with the same number of
    /// tiers and the same units in each, and from below to (14014).
    /// </summary>
    private void CustomRates()
    {
        var byService = new Dictionary<long, (CatalogService Service, List<RateTier> Tiers, bool Parsed)>();
        foreach (var row in _request.CustomRates ?? [])
        {
            if (row is null)
            {
                continue;
            }

            var parsed = TryTier(row, out var tier);
            if (RateService(row) is not { } service)
            {
                continue;
            }

            if (!byService.TryGetValue(service.Number, out var entry))
            {
                entry = (service, [], true);
            }

            entry.Tiers.Add(tier);
            byService[service.Number] = (service, entry.Tiers, entry.Parsed && parsed);
        }

        var result = new Dictionary<string, IReadOnlyList<RateTier>>(StringComparer.Ordinal);
        foreach (var (number, (service, tiers, parsed)) in byService)
        {
            if (_newPlan is not null && !_newPlan.Services.Contains(number))
            {
                Add(PlanErrorCodes.InvalidPlanServiceCombination, ManualText.InvalidPlanServiceCombination, $"service {Text(number)} is not a service of plan {_newPlan.Number}.", "custom_rate_service_no");
                continue;
            }

            if (!parsed)
            {
                continue;
            }

            var validated = RateTierValidator.Validate(tiers, service.Type);
            _errors.AddRange(validated.Errors);
            var shaped = Shape(service, tiers);
            if (validated.IsSuccess && shaped)
            {
                result[Text(number)] = validated.Value;
            }
        }

        _customRates = result;
    }

    /// <summary>14107, 14036, 1010: the service a custom rate row names.</summary>
    private CatalogService? RateService(CustomRateInput row)
    {
        CatalogService? service = null;
        if (Given(row.ServiceNo))
        {
            if (!TryPositive(row.ServiceNo, out var number) || !Catalog.Services.TryGetValue(number, out service) || service is null)
            {
                Add(PlanErrorCodes.InvalidServiceNumber, ManualText.InvalidServiceNumber, $"custom_rate_service_no {Quote(row.ServiceNo!)} is not a service of the catalog.", "custom_rate_service_no");
                return null;
            }
        }

        if (Given(row.ClientServiceId))
        {
            if (Clean(row.ClientServiceId) is not { } clientId)
            {
                return null;
            }

            if (!Catalog.ServicesByClientId.TryGetValue(clientId, out var byId) || byId is null)
            {
                Add(PlanErrorCodes.InvalidClientServiceId, ManualText.InvalidClientServiceId, $"{Quote(clientId)} is not a service of the catalog.", "custom_rate_client_service_id");
                return null;
            }

            if (service is not null && service.Number != byId.Number)
            {
                Add(PlanErrorCodes.InvalidClientServiceId, ManualText.InvalidClientServiceId, $"{Quote(clientId)} is service {Text(byId.Number)}, not custom_rate_service_no {Text(service.Number)}.", "custom_rate_client_service_id");
                return null;
            }

            service ??= byId;
        }

        if (service is null)
        {
            _errors.Add(new AriaError(PlanErrorCodes.MissingRequiredParameter, "Missing input: custom_rate_service_no or custom_rate_client_service_id is required for each custom rate.", "custom_rate_service_no", "custom_rate_client_service_id"));
        }

        return service;
    }

    private bool TryTier(CustomRateInput row, out RateTier tier)
    {
        tier = default;
        var ok = Number(row.SeqNo, "custom_rate_seq_no", whole: true, out var seq)
            & Number(row.FromUnit, "custom_rate_from_unit", whole: false, out var from)
            & Number(row.ToUnit, "custom_rate_to_unit", whole: false, out var to)
            & Number(row.RatePerUnit, "custom_rate_per_unit", whole: false, out var rate);
        if (ok && (seq is null || rate is null))
        {
            _errors.Add(new AriaError(
                PlanErrorCodes.MissingRequiredParameter,
                $"Missing input: custom_rate_seq_no and custom_rate_per_unit are required for each custom rate (service {InputParser.Shorten(row.ServiceNo ?? row.ClientServiceId ?? "")}).",
                seq is null ? "custom_rate_seq_no" : "custom_rate_per_unit"));
            return false;
        }

        if (ok)
        {
            tier = new RateTier((int)seq!.Value, from ?? 1, to, rate!.Value);
        }

        return ok;

        bool Number(string? text, string input, bool whole, out decimal? value)
        {
            value = null;
            if (!Given(text))
            {
                return true;
            }

            if (whole && TryWhole(text, out var w))
            {
                value = w;
                return true;
            }

            if (!whole && TryDecimal(text, out var d))
            {
                value = d;
                return true;
            }

            Add(PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, $"{input} {Quote(text!)} is not a {(whole ? "whole number" : "number")}.", input);
            return false;
        }
    }

    /// <summary>14014: each tier runs from below its end, and the tiers keep the number and units of the base schedule's.</summary>
    private bool Shape(CatalogService service, List<RateTier> tiers)
    {
        var ok = true;
        foreach (var tier in tiers.Where(t => t.ToUnit == t.FromUnit))
        {
            Add(PlanErrorCodes.RateTiersNotContinuous, ManualText.InvalidRateTierStructure, $"tier {Text(tier.Sequence)} of service {Text(service.Number)} runs from {Text(tier.FromUnit)} to {Text(tier.FromUnit)}; from_unit must be less than to_unit.", "custom_rate_from_unit", "custom_rate_to_unit");
            ok = false;
        }

        var currency = _currency ?? _account?.Currency;
        var schedule = _altSchedule
            ?? (_newPlan is null ? null : Catalog.SchedulesOf(_newPlan.Number).Where(s => s.Currency == currency).OrderByDescending(s => s.IsDefault).FirstOrDefault());
        if (service.Type == ServiceType.Other || schedule?.Tiers is null || !schedule.Tiers.TryGetValue(service.Number, out var baseTiers) || baseTiers is null)
        {
            return ok;
        }

        if (baseTiers.Count != tiers.Count)
        {
            Add(PlanErrorCodes.RateTiersNotContinuous, ManualText.InvalidRateTierStructure, $"service {Text(service.Number)} has {Text(tiers.Count)} tiers in the custom rates and {Text(baseTiers.Count)} in rate schedule {Text(schedule.Number)}, on which they are based.", "custom_rate_seq_no");
            return false;
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (Span(tiers[i]) != Span(baseTiers[i]))
            {
                Add(PlanErrorCodes.RateTiersNotContinuous, ManualText.InvalidRateTierStructure, $"tier {Text(i + 1)} of service {Text(service.Number)} spans {Units(tiers[i])} units, in rate schedule {Text(schedule.Number)} {Units(baseTiers[i])}: each tier keeps the units of the schedule it is based on.", "custom_rate_from_unit", "custom_rate_to_unit");
                return false;
            }
        }

        return ok;

        static string Units(RateTier tier) => Span(tier) is { } span ? Text(span) : "unbounded";
    }

    /// <summary>The units of a tier (to − from), or null when unbounded or beyond <see cref="decimal"/>'s range.</summary>
    private static decimal? Span(RateTier tier)
    {
        if (tier.ToUnit is not { } to)
        {
            return null;
        }

        var from = tier.FromUnit;
        var overflows = (to >= 0 && from < 0 && to > decimal.MaxValue + from) || (to < 0 && from > 0 && to < decimal.MinValue + from);
        return overflows ? decimal.MinValue : to - from;
    }
}
