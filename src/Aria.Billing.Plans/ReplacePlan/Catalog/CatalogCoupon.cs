using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>A coupon of the catalog (<c>coupon_codes</c>).</summary>
public sealed record CatalogCoupon
{
    /// <summary>The coupon code, compared without regard to case.</summary>
    public required string Code { get; init; }

    /// <summary>The last day it can be applied, if it expires (15002 after it).</summary>
    public LocalDate? ExpiresOn { get; init; }

    /// <summary>Where it may be applied; a replacement applies it to a master plan instance (15011).</summary>
    public CouponScope Scope { get; init; } = CouponScope.Both;

    /// <summary>Whether it may be applied again where it already was (15012 otherwise).</summary>
    public bool AllowsReuse { get; init; }
}
