namespace Aria.Billing.Plans;

/// <summary>A surcharge of the catalog (<c>mp_surcharge_no</c>).</summary>
public sealed record CatalogSurcharge
{
    /// <summary>The surcharge number.</summary>
    public required long Number { get; init; }

    /// <summary>Where it may be assigned (15013, 15015).</summary>
    public SurchargeScope Scope { get; init; } = SurchargeScope.Both;

    /// <summary>Its rate schedules (<c>mp_rate_schedule_no</c> must be one: 15008).</summary>
    public IReadOnlyCollection<long> RateSchedules { get; init; } = [];
}
