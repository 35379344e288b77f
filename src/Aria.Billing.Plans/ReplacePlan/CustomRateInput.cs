namespace Aria.Billing.Plans;

/// <summary>One <c>custom_rates</c> row of a replace-plan request, as text. The service's type comes from the catalog.</summary>
public sealed record CustomRateInput
{
    /// <summary><c>custom_rate_service_no</c>; this or <see cref="ClientServiceId"/> names the service.</summary>
    public string? ServiceNo { get; init; }

    /// <summary><c>custom_rate_client_service_id</c>; this or <see cref="ServiceNo"/> names the service.</summary>
    public string? ClientServiceId { get; init; }

    /// <summary><c>custom_rate_seq_no</c>.</summary>
    public string? SeqNo { get; init; }

    /// <summary><c>custom_rate_from_unit</c>.</summary>
    public string? FromUnit { get; init; }

    /// <summary><c>custom_rate_to_unit</c> (blank: unbounded).</summary>
    public string? ToUnit { get; init; }

    /// <summary><c>custom_rate_per_unit</c>.</summary>
    public string? RatePerUnit { get; init; }
}
