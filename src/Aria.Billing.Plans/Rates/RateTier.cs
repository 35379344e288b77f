namespace Aria.Billing.Plans;

/// <summary>
/// One tier of a rate schedule: units from <see cref="FromUnit"/> to <see cref="ToUnit"/> (empty = no upper bound) at
/// <see cref="RatePerUnit"/>. Tiers are numbered 1, 2, 3 … by <see cref="Sequence"/>.
/// </summary>
/// <param name="Sequence">The <c>rate_seq_no</c>, from 1.</param>
/// <param name="FromUnit">The first unit of the tier (<c>from_unit</c>).</param>
/// <param name="ToUnit">The last unit of the tier (<c>to_unit</c>); <see langword="null"/> for the unbounded last tier.</param>
/// <param name="RatePerUnit">The price of one unit in this tier.</param>
public readonly record struct RateTier(int Sequence, decimal FromUnit, decimal? ToUnit, decimal RatePerUnit);
