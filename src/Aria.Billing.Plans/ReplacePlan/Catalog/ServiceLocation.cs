namespace Aria.Billing.Plans;

/// <summary>A service location of the client (<c>svc_location_no</c>, <c>client_svc_location_id</c>).</summary>
public sealed record ServiceLocation
{
    /// <summary>The service location number.</summary>
    public required long Number { get; init; }

    /// <summary>The client-defined service location id, if any; compared ordinally.</summary>
    public string? ClientId { get; init; }

    /// <summary>Whether it can be associated with a plan instance (a disabled or deleted one: 29003).</summary>
    public bool IsActive { get; init; } = true;
}
