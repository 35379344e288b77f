namespace Aria.Billing.Plans.Rating;

/// <summary>
/// A validated rate schedule for one service in one currency: its pricing model, its tiers (tier i covers the units above
/// tier i−1's <c>to_unit</c> up to its own; the first starts at zero units) and its rating basis. Build one with
/// <see cref="Create"/>; it is immutable and thread-safe.
/// </summary>
public sealed class RateSchedule
{
    private readonly decimal[] _upper;    // upper bound of each tier; decimal.MaxValue for the last
    private readonly decimal[] _lower;    // lower bound: the previous tier's upper bound, 0 for the first
    private readonly decimal[] _rate;
    private readonly decimal[] _prefix;   // graduated price of every unit below the tier's lower bound

    private RateSchedule(Currency currency, PricingModel model, RatingBasis basis, ServiceType serviceType, bool usagePooling, IReadOnlyList<RateTier> tiers)
    {
        Currency = currency;
        Model = model;
        Basis = basis;
        ServiceType = serviceType;
        UsagePooling = usagePooling;
        Tiers = tiers;
        var count = tiers.Count;
        _upper = new decimal[count];
        _lower = new decimal[count];
        _rate = new decimal[count];
        _prefix = new decimal[count];
        for (var i = 0; i < count; i++)
        {
            _lower[i] = i == 0 ? 0m : _upper[i - 1];
            _upper[i] = tiers[i].ToUnit ?? decimal.MaxValue;
            _rate[i] = tiers[i].RatePerUnit;
            _prefix[i] = i == 0 ? 0m : _prefix[i - 1] + ((_upper[i - 1] - _lower[i - 1]) * _rate[i - 1]);
        }
    }

    /// <summary>The currency of the rates.</summary>
    public Currency Currency { get; }

    /// <summary>How units become an amount.</summary>
    public PricingModel Model { get; }

    /// <summary>Whether tiers apply per record or to the period's accumulated units.</summary>
    public RatingBasis Basis { get; }

    /// <summary>The type of the service priced.</summary>
    public ServiceType ServiceType { get; }

    /// <summary>Whether usage pooling is enabled for the service (negative usage then needs pre-rated records).</summary>
    public bool UsagePooling { get; }

    /// <summary>The tiers, in sequence order.</summary>
    public IReadOnlyList<RateTier> Tiers { get; }

    internal int TierCount => _rate.Length;

    /// <summary>A flat schedule: every unit at <paramref name="ratePerUnit"/>.</summary>
    public static AriaResult<RateSchedule> Flat(Currency currency, decimal ratePerUnit, RatingBasis basis = RatingBasis.Aggregated, bool usagePooling = false) =>
        Create(currency, PricingModel.FlatPerUnit, [new RateTier(1, 1, null, ratePerUnit)], basis, ServiceType.Usage, usagePooling);

    /// <summary>
    /// A schedule with <paramref name="tiers"/>, checked by the custom-rate rules (14014, 14015, 14027, 14043, 14129); a
    /// flat model takes exactly one tier; usage pooling with per-record rating is refused (14402).
    /// </summary>
    public static AriaResult<RateSchedule> Create(
        Currency currency,
        PricingModel model,
        IReadOnlyList<RateTier> tiers,
        RatingBasis basis = RatingBasis.Aggregated,
        ServiceType serviceType = ServiceType.Usage,
        bool usagePooling = false)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (currency.Code is null)
        {
            throw new ArgumentException("A rate schedule needs a defined currency, not the default value.", nameof(currency));
        }

        var validated = RateTierValidator.Validate(tiers, serviceType);
        var errors = new List<AriaError>(validated.Errors);
        if (model == PricingModel.FlatPerUnit && tiers.Count != 1)
        {
            errors.Add(new AriaError(PlanErrorCodes.RateTiersNotContinuous, $"A flat per-unit schedule has one tier; got {tiers.Count}.", "custom_rate_seq_no"));
        }

        if (!Enum.IsDefined(model) || !Enum.IsDefined(basis))
        {
            errors.Add(new AriaError(PlanErrorCodes.InvalidEnumerationValue, $"Unknown pricing model {model} or rating basis {basis}.", "rate_schedule"));
        }

        if (usagePooling && basis == RatingBasis.PerRecord)
        {
            errors.Add(new AriaError(PlanErrorCodes.UsagePoolingWithPerRecordRating, "Usage Pooling is not allowed when the Rating Model rates usage on a 'per record' basis.", "usage_pooling"));
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<RateSchedule>(errors);
        }

        return new RateSchedule(currency, model, basis, serviceType, usagePooling, tiers.ToArray());
    }

    /// <summary>The price of <paramref name="units"/> counted from zero (negative units price as zero).</summary>
    public decimal PriceOf(decimal units)
    {
        var tier = 0;
        return PriceAt(units, ref tier);
    }

    /// <summary>The index of the tier that holds <paramref name="units"/> (units on a boundary belong to the lower tier).</summary>
    internal int TierOf(decimal units, int hint)
    {
        var tier = hint;
        while (tier > 0 && units <= _lower[tier])
        {
            tier--;
        }

        while (tier < _upper.Length - 1 && units > _upper[tier])
        {
            tier++;
        }

        return tier;
    }

    /// <summary>The price of a cumulative <paramref name="units"/>; <paramref name="tier"/> is a hint, updated to the tier of the units.</summary>
    internal decimal PriceAt(decimal units, ref int tier)
    {
        if (units <= 0)
        {
            tier = 0;
            return 0m;
        }

        tier = TierOf(units, tier);
        return Model == PricingModel.Volume
            ? units * _rate[tier]
            : _prefix[tier] + ((units - _lower[tier]) * _rate[tier]);
    }

    internal decimal RateOf(int tier) => _rate[tier];

    internal decimal UpperOf(int tier) => _upper[tier];

    internal decimal LowerOf(int tier) => _lower[tier];
}
