using System.Globalization;
using Aria.Billing.Plans.Internal;

namespace Aria.Billing.Plans;

/// <summary>
/// Checks a rate schedule's tiers against the custom-rate rules of the spec (replace-acct-plan-m.txt, error codes 14014,
/// 14015, 14027, 14043, 14129) and returns every error found.
/// </summary>
public static class RateTierValidator
{
    /// <summary>Validates <paramref name="tiers"/>, given in sequence order, for a service of <paramref name="serviceType"/>.</summary>
    public static AriaResult<IReadOnlyList<RateTier>> Validate(IReadOnlyList<RateTier> tiers, ServiceType serviceType)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var errors = new List<AriaError>();
        if (tiers.Count == 0)
        {
            return new AriaError(AriaErrorCodes.MissingRequiredParameter, "Missing input: a rate schedule needs at least one tier.", "custom_rate_seq_no");
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].RatePerUnit < 0)
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.NegativeRatePerUnit,
                    ManualText.Compose(ManualText.NegativeRatePerUnit, $"Tier {Text(tiers[i].Sequence)} has {Text(tiers[i].RatePerUnit)}."),
                    "custom_rate_per_unit"));
            }

            if (tiers[i].Sequence != i + 1)
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.InvalidRateSequence,
                    ManualText.Compose(ManualText.InvalidRateSequence, $"tier {Text(i + 1)} has rate_seq_no {Text(tiers[i].Sequence)}; sequence numbers run 1, 2, 3 … in order."),
                    "custom_rate_seq_no"));
            }
        }

        if (serviceType == ServiceType.Other)
        {
            var only = tiers[0];
            if (tiers.Count != 1 || only.Sequence != 1 || only.FromUnit != 1 || only.ToUnit is not null)
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.TiersNotSupportedForService,
                    ManualText.TiersNotSupportedForService,
                    "custom_rate_from_unit",
                    "custom_rate_to_unit"));
            }

            return errors.Count == 0 ? AriaResult.Success(tiers) : AriaResult.Failure<IReadOnlyList<RateTier>>(errors);
        }

        CheckContinuity(tiers, errors);
        if (tiers[^1].ToUnit is not null)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.LastTierNotUnbounded,
                ManualText.Compose(ManualText.LastTierNotUnbounded, $"tier {Text(tiers[^1].Sequence)} ends at {Text(tiers[^1].ToUnit!.Value)}; leave its to_unit empty."),
                "custom_rate_to_unit"));
        }

        return errors.Count == 0 ? AriaResult.Success(tiers) : AriaResult.Failure<IReadOnlyList<RateTier>>(errors);
    }

    private static void CheckContinuity(IReadOnlyList<RateTier> tiers, List<AriaError> errors)
    {
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier.FromUnit < 0 || (tier.ToUnit is { } to && to < tier.FromUnit))
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.RateTiersNotContinuous,
                    ManualText.Compose(ManualText.InvalidRateTierStructure, $"tier {Text(tier.Sequence)} runs from {Text(tier.FromUnit)} to {(tier.ToUnit is { } t ? Text(t) : "infinity")}; from_unit must be at least 0 and not above to_unit."),
                    "custom_rate_from_unit",
                    "custom_rate_to_unit"));
            }

            if (i == 0)
            {
                continue;
            }

            var previous = tiers[i - 1];
            if (previous.ToUnit is not { } end)
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.RateTiersNotContinuous,
                    ManualText.Compose(ManualText.InvalidRateTierStructure, $"only the final tier may be unbounded: tier {Text(previous.Sequence)} has no to_unit but tier {Text(tier.Sequence)} follows it."),
                    "custom_rate_to_unit",
                    "custom_rate_seq_no"));
            }
            else if (end == decimal.MaxValue || tier.FromUnit != end + 1)
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.RateTiersNotContinuous,
                    ManualText.Compose(ManualText.RateTiersNotContinuous, $"Tier {Text(previous.Sequence)} ends at {Text(end)}, tier {Text(tier.Sequence)} starts at {Text(tier.FromUnit)} (expected {(end == decimal.MaxValue ? "none: the previous tier ends at the largest number" : Text(end + 1))})."),
                    "custom_rate_to_unit",
                    "custom_rate_seq_no"));
            }
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
