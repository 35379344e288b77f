namespace Aria.Billing.Plans.Rating;

/// <summary>How a rate schedule turns units into an amount.</summary>
public enum PricingModel
{
    /// <summary>One rate for every unit (a schedule of one unbounded tier).</summary>
    FlatPerUnit = 0,

    /// <summary>Tiered (graduated): each unit is priced at the rate of the tier it falls in.</summary>
    Tiered = 1,

    /// <summary>Volume: every unit is priced at the rate of the tier the total reaches.</summary>
    Volume = 2,
}
