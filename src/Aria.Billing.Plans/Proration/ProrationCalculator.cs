using System.Runtime.CompilerServices;
using Aria.Billing.Plans.Internal;
using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// Quotes the proration of a mid-period plan change (spec: replace-acct-plan-m.txt, <c>assignment_directive</c> and
/// <c>alt_proration_start_date</c>; DESIGN.md §4 "Proration"). The fraction is the days from the start of the span
/// (inclusive) to the period end (exclusive) over the days of the whole period; each side is rounded once, to the
/// currency's minor unit. Allocates nothing for a valid request.
/// </summary>
public sealed class ProrationCalculator
{
    private readonly PlansOptions _options;
    private readonly MidpointRounding _rounding;

    /// <summary>A calculator for a client's settings.</summary>
    /// <param name="options">The client's settings (its proration rule for directives 2 and 7).</param>
    /// <param name="rounding">How a midpoint is rounded; default <see cref="MidpointRounding.AwayFromZero"/>.</param>
    public ProrationCalculator(PlansOptions options, MidpointRounding rounding = MidpointRounding.AwayFromZero)
    {
        PlansOptions.Rules.ThrowIfInvalid(options, nameof(options));
        if (!Enum.IsDefined(rounding))
        {
            throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Not a MidpointRounding value.");
        }

        _options = options;
        _rounding = rounding;
    }

    /// <summary>
    /// The part of <paramref name="amount"/> for <paramref name="days"/> of a period of <paramref name="periodDays"/> days:
    /// amount × days ÷ periodDays, rounded once to the minor unit. The rest of the period is <c>amount − result</c>, so the
    /// two parts always add up to the amount exactly.
    /// </summary>
    public static Money Prorate(Money amount, int days, int periodDays, MidpointRounding rounding = MidpointRounding.AwayFromZero)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodDays);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, periodDays);
        return Money.Of(ProrationMath.Prorate(amount.Amount, days, periodDays, amount.Currency.MinorUnits, rounding), amount.Currency);
    }

    /// <summary>Quotes <paramref name="request"/>, or returns the errors that prevent it (3017, 14013, 14129 …).</summary>
    public AriaResult<ProrationQuote> Quote(in ProrationRequest request)
    {
        try
        {
            return QuoteChecked(request);
        }
        catch (OverflowException)
        {
            return Refusals.AmountOutOfRange();
        }
    }

    private AriaResult<ProrationQuote> QuoteChecked(in ProrationRequest request)
    {
        var currency = request.OldRatePerUnit.Currency;
        if (currency != request.NewRatePerUnit.Currency)
        {
            return Refusals.CurrencyMismatch(request.OldRatePerUnit.Currency, request.NewRatePerUnit.Currency);
        }

        if (decimal.IsNegative(request.OldRatePerUnit.Amount) || decimal.IsNegative(request.NewRatePerUnit.Amount))
        {
            return Refusals.NegativeRate();
        }

        if (decimal.IsNegative(request.OldUnits) || decimal.IsNegative(request.NewUnits))
        {
            return Refusals.NegativeUnits();
        }

        if (BusinessDates.Check(request.EffectiveDate, "effective_date", PlanErrorCodes.InvalidEffectiveDate) is { } effectiveOutside)
        {
            return effectiveOutside;
        }

        if (request.AltProrationStartDate is { } alt && BusinessDates.Check(alt, "alt_proration_start_date") is { } altOutside)
        {
            return altOutside;
        }

        // The range rules (3017, 14306) are those of alt_proration_start_date: an ordinary change is quoted on the period
        // containing its effective date, even when a later period is already invoiced (negative bill lag).
        var period = request.AltProrationStartDate is null
            ? request.Cycle.PeriodContaining(request.EffectiveDate)
            : request.LastInvoicedPeriod ?? request.Cycle.PeriodContaining(request.EffectiveDate);
        var sameInterval = request.NewCycle is not { } newCycle || newCycle.Interval == request.Cycle.Interval;
        var spanStart = request.AltProrationStartDate ?? request.EffectiveDate;
        var periodDays = period.Days;
        var offset = period.OffsetOf(spanStart);
        if (offset < 0)
        {
            return Refusals.SpanExceedsInterval(spanStart, period, request.AltProrationStartDate is null);
        }

        // Same interval: inside the period last invoiced. Different interval: up to and including the next bill day.
        if (sameInterval ? offset >= periodDays : offset > periodDays)
        {
            return Refusals.SpanStartOutOfRange(spanStart, period, sameInterval, request.AltProrationStartDate is null);
        }

        var policy = request.Policy == ProrationPolicy.ClientRule
            ? (_options.ProrateMidPeriodChanges ? ProrationPolicy.Full : ProrationPolicy.None)
            : request.Policy;
        var digits = currency.MinorUnits;

        var creditDays = periodDays - offset;
        var oldFull = request.OldRatePerUnit.Amount * request.OldUnits;
        var credit = policy is ProrationPolicy.Full or ProrationPolicy.CreditsOnly
            ? ProrationMath.Prorate(oldFull, creditDays, periodDays, digits, _rounding)
            : 0m;

        var chargePeriod = sameInterval ? period : request.NewCycle!.Value.PeriodContaining(spanStart);
        var chargePeriodDays = sameInterval ? periodDays : chargePeriod.Days;
        var chargeDays = sameInterval ? creditDays : chargePeriodDays - chargePeriod.OffsetOf(spanStart);
        var newFull = request.NewRatePerUnit.Amount * request.NewUnits;
        var charge = policy is ProrationPolicy.Full or ProrationPolicy.ChargesOnly
            ? ProrationMath.Prorate(newFull, chargeDays, chargePeriodDays, digits, _rounding)
            : 0m;

        return new ProrationQuote(policy, spanStart, _rounding, currency, period, creditDays, oldFull, credit, chargePeriod, chargeDays, newFull, charge);
    }

    /// <summary>The refusals of <see cref="Quote"/>, kept out of line so that the valid path stays small.</summary>
    private static class Refusals
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static AriaError CurrencyMismatch(Currency old, Currency @new) => new(
            PlanErrorCodes.NewPlanCurrencyMismatch,
            $"The new plan's rate is in {@new}, the old plan's in {old}: a proration quote needs one currency.",
            "new_plan_no");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static AriaError AmountOutOfRange() =>
            new(PlanErrorCodes.AmountOutOfRange, "Rate per unit times units is beyond what can be prorated (over 7.9e28).", "rate_per_unit", "units");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static AriaError NegativeRate() =>
            new(PlanErrorCodes.NegativeRatePerUnit, "Rate per unit cannot be negative.", "rate_per_unit");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static AriaError NegativeUnits() =>
            new(PlanErrorCodes.InvalidNumber, "Plan units cannot be negative.", "plan_units");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static AriaError SpanExceedsInterval(LocalDate spanStart, BillingPeriod period, bool fromEffectiveDate) => new(
            PlanErrorCodes.ProrationPeriodExceedsInterval,
            $"The proration period from {spanStart:uuuu-MM-dd} cannot be greater than the plan billing interval: it starts before the period {period}.",
            fromEffectiveDate ? "effective_date" : "alt_proration_start_date");

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static AriaError SpanStartOutOfRange(LocalDate spanStart, BillingPeriod period, bool sameInterval, bool fromEffectiveDate) => new(
            PlanErrorCodes.AltProrationStartDateOutOfRange,
            sameInterval
                ? $"The proration start {spanStart:uuuu-MM-dd} must be within the billing period last invoiced, {period}."
                : $"The proration start {spanStart:uuuu-MM-dd} must be between {period.Start:uuuu-MM-dd} and the next bill day {period.End:uuuu-MM-dd}.",
            fromEffectiveDate ? "effective_date" : "alt_proration_start_date");
    }
}
