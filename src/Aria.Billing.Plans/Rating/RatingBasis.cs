namespace Aria.Billing.Plans.Rating;

/// <summary>Whether tiers apply to each record alone or to the units accumulated over the billing period.</summary>
public enum RatingBasis
{
    /// <summary>Units accumulate over the period and plan instance: a tier reached by earlier records prices later ones.</summary>
    Aggregated = 0,

    /// <summary>Each record is rated alone, from the first tier.</summary>
    PerRecord = 1,
}
