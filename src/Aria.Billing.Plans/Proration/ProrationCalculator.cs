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
        ArgumentNullException.ThrowIfNull(options);
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
        return Money.Of(amount.Currency.Round(amount.Amount * days / periodDays, rounding), amount.Currency);
    }

    /// <summary>Quotes <paramref name="request"/>, or returns the errors that prevent it (3017, 14013, 14129 …).</summary>
    public AriaResult<ProrationQuote> Quote(in ProrationRequest request)
    {
        if (request.OldRatePerUnit.Currency != request.NewRatePerUnit.Currency)
        {
            return new AriaError(
                PlanErrorCodes.NewPlanCurrencyMismatch,
                $"The new plan's rate is in {request.NewRatePerUnit.Currency}, the old plan's in {request.OldRatePerUnit.Currency}: a proration quote needs one currency.",
                "new_plan_no");
        }

        if (request.OldRatePerUnit.Amount < 0 || request.NewRatePerUnit.Amount < 0)
        {
            return new AriaError(PlanErrorCodes.NegativeRatePerUnit, "Rate per unit cannot be negative.", "rate_per_unit");
        }

        if (request.OldUnits < 0 || request.NewUnits < 0)
        {
            return new AriaError(PlanErrorCodes.InvalidNumber, "Plan units cannot be negative.", "plan_units");
        }

        var period = request.LastInvoicedPeriod ?? request.Cycle.PeriodContaining(request.EffectiveDate);
        var sameInterval = request.NewCycle is not { } newCycle || newCycle.Interval == request.Cycle.Interval;
        var spanStart = request.AltProrationStartDate ?? request.EffectiveDate;
        if (spanStart < period.Start)
        {
            return new AriaError(
                PlanErrorCodes.ProrationPeriodExceedsInterval,
                $"The proration period from {spanStart:uuuu-MM-dd} cannot be greater than the plan billing interval: it starts before the period {period}.",
                request.AltProrationStartDate is null ? "effective_date" : "alt_proration_start_date");
        }

        // Same interval: inside the period last invoiced. Different interval: up to and including the next bill day.
        if (sameInterval ? spanStart >= period.End : spanStart > period.End)
        {
            return new AriaError(
                PlanErrorCodes.AltProrationStartDateOutOfRange,
                sameInterval
                    ? $"The proration start {spanStart:uuuu-MM-dd} must be within the billing period last invoiced, {period}."
                    : $"The proration start {spanStart:uuuu-MM-dd} must be between {period.Start:uuuu-MM-dd} and the next bill day {period.End:uuuu-MM-dd}.",
                request.AltProrationStartDate is null ? "effective_date" : "alt_proration_start_date");
        }

        var policy = request.Policy == ProrationPolicy.ClientRule
            ? (_options.ProrateMidPeriodChanges ? ProrationPolicy.Full : ProrationPolicy.None)
            : request.Policy;
        var credits = policy is ProrationPolicy.Full or ProrationPolicy.CreditsOnly;
        var charges = policy is ProrationPolicy.Full or ProrationPolicy.ChargesOnly;

        var credit = Side(request.OldRatePerUnit * request.OldUnits, period, spanStart, credits);
        var chargePeriod = sameInterval ? period : request.NewCycle!.Value.PeriodContaining(spanStart);
        var charge = Side(request.NewRatePerUnit * request.NewUnits, chargePeriod, spanStart, charges);
        return new ProrationQuote(policy, spanStart, credit, charge, _rounding);
    }

    private ProratedAmount Side(Money full, BillingPeriod period, LocalDate spanStart, bool applied)
    {
        var remaining = spanStart >= period.End ? 0 : Period.DaysBetween(spanStart, period.End);
        var amount = applied
            ? Money.Of(full.Currency.Round(full.Amount * remaining / period.Days, _rounding), full.Currency)
            : Money.Zero(full.Currency);
        return new ProratedAmount(full, period, remaining, amount, applied);
    }
}
