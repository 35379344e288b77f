namespace Aria.Billing.Invoicing;

/// <summary>A postal address. It is a valid tax address when it has a first line, a city or postal code, and a country.</summary>
public sealed record PostalAddress
{
    /// <summary>The first address line.</summary>
    public string? Line1 { get; init; }

    /// <summary>The second address line.</summary>
    public string? Line2 { get; init; }

    /// <summary>The city.</summary>
    public string? City { get; init; }

    /// <summary>The state or province.</summary>
    public string? Region { get; init; }

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>The ISO 3166 country code.</summary>
    public string? Country { get; init; }

    /// <summary>Whether the address can serve for tax: a first line, a city or postal code, and a country.</summary>
    public bool IsValidForTax =>
        !string.IsNullOrWhiteSpace(Line1) && !string.IsNullOrWhiteSpace(Country)
        && (!string.IsNullOrWhiteSpace(City) || !string.IsNullOrWhiteSpace(PostalCode));
}
