using System.Globalization;

namespace Aria.Billing.Plans.Rating;

/// <summary>
/// Rates a billing period's usage records against a rate schedule. The result depends only on the records, never on their
/// order: under aggregated rating the period's net units are priced once (graduated: each unit in its own tier; volume:
/// every unit at the tier reached). The invoice charge is rounded once and never negative (spec: release-6.50.txt, "negative
/// charge line items are not permitted").
/// </summary>
public sealed class UsageRater
{
    private readonly MidpointRounding _rounding;

    /// <summary>A rater that rounds the invoice charge with <paramref name="rounding"/>.</summary>
    public UsageRater(MidpointRounding rounding = MidpointRounding.AwayFromZero) => _rounding = rounding;

    /// <summary>Rates <paramref name="records"/>; refuses the whole period if any record breaks a negative-usage rule.</summary>
    public AriaResult<PeriodUsageRating> RatePeriod(RateSchedule schedule, ReadOnlySpan<UsageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        try
        {
            return Rate(schedule, records);
        }
        catch (OverflowException)
        {
            return new AriaError(PlanErrorCodes.AmountOutOfRange, "The period's units or amounts are beyond what can be rated (over 7.9e28); nothing was rated.", "units");
        }
    }

    private AriaResult<PeriodUsageRating> Rate(RateSchedule schedule, ReadOnlySpan<UsageRecord> records)
    {
        var errors = new List<AriaError>();
        decimal units = 0m, preRated = 0m;
        var perTier = new decimal[schedule.TierCount];
        for (var i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[i];
            if (UsageRecordRules.Check(in record, schedule) is { } error)
            {
                errors.Add(new AriaError(error.Code, $"Record {(i + 1).ToString(CultureInfo.InvariantCulture)}: {error.Message}", error.AssociatedInputs));
                continue;
            }

            if (record.IsPreRated)
            {
                preRated += record.PreRatedValue;
            }
            else
            {
                units += record.Units;
                if (schedule.Basis == RatingBasis.PerRecord)
                {
                    AddTierUnits(schedule, Math.Abs(record.Units), record.Units < 0 ? -1 : 1, perTier);
                }
            }
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<PeriodUsageRating>(errors);
        }

        if (schedule.Basis == RatingBasis.Aggregated)
        {
            AddTierUnits(schedule, Math.Max(0m, units), 1, perTier);
        }

        var tiers = new TierUsage[perTier.Length];
        var amount = preRated;
        for (var t = 0; t < tiers.Length; t++)
        {
            var tierAmount = perTier[t] * schedule.RateOf(t);
            tiers[t] = new TierUsage(schedule.Tiers[t], perTier[t], tierAmount);
            amount += tierAmount;
        }

        var warnings = new List<AriaWarning>();
        var charge = schedule.Currency.Round(amount, _rounding);
        var credit = 0m;
        if (charge < 0)
        {
            warnings.Add(new AriaWarning(
                RatingWarningCodes.NegativeChargeNotInvoiced,
                $"The period's usage rates to {charge.ToString(CultureInfo.InvariantCulture)} {schedule.Currency}: negative charge lines are not permitted, so the invoice charge is 0 and {(-charge).ToString(CultureInfo.InvariantCulture)} {schedule.Currency} comes back as a service credit."));
            credit = -charge;
            charge = 0m;
        }

        return AriaResult.Success(
            new PeriodUsageRating(schedule, records.Length, units, tiers, preRated, amount, Money.Of(charge, schedule.Currency), Money.Of(credit, schedule.Currency)),
            warnings);
    }

    /// <summary>Adds <paramref name="units"/> counted from zero to the per-tier units (graduated: spread; volume: all in the reached tier).</summary>
    private static void AddTierUnits(RateSchedule schedule, decimal units, int sign, decimal[] perTier)
    {
        if (units <= 0)
        {
            return;
        }

        var reached = schedule.TierOf(units, 0);
        if (schedule.Model == PricingModel.Volume)
        {
            perTier[reached] += sign * units;
            return;
        }

        for (var t = 0; t <= reached; t++)
        {
            var inTier = Math.Min(units, schedule.UpperOf(t)) - schedule.LowerOf(t);
            perTier[t] += sign * inTier;
        }
    }
}
