namespace Aria.Billing.Plans;

/// <summary>A service of the product catalog.</summary>
public sealed record CatalogService
{
    /// <summary>The service number (<c>custom_rate_service_no</c>).</summary>
    public required long Number { get; init; }

    /// <summary>The client-defined service id (<c>custom_rate_client_service_id</c>), if any; compared ordinally.</summary>
    public string? ClientId { get; init; }

    /// <summary>The kind of service: only usage and recurring services take several tiers (14015).</summary>
    public ServiceType Type { get; init; }

    /// <summary>Whether a recurring service is billed in arrears (a usage service always is): its charge is invoiced when its plan is cancelled.</summary>
    public bool BilledInArrears { get; init; }
}
