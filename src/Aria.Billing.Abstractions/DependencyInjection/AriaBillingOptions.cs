namespace Aria.Billing;

/// <summary>Options shared by every Aria.Billing package. Validated when the host starts.</summary>
public sealed class AriaBillingOptions
{
    /// <summary>The configuration section these options bind to by convention: <c>AriaBilling</c>.</summary>
    public const string SectionName = "AriaBilling";

    /// <summary>
    /// The client's time zone, a tz database id such as <c>America/New_York</c>: "today" for billing rules is the date
    /// in this zone.
    /// </summary>
    /// <value>Default <c>UTC</c>.</value>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>How amounts are rounded to the currency's minor unit when a midpoint is reached.</summary>
    /// <value>Default <see cref="System.MidpointRounding.AwayFromZero"/> (0.125 USD → 0.13).</value>
    public MidpointRounding MidpointRounding { get; set; } = MidpointRounding.AwayFromZero;

    /// <summary>
    /// The time zone of each client whose zone is not <see cref="TimeZoneId"/>: client number → tz database id
    /// (configuration: <c>AriaBilling:ClientTimeZones:1000 = America/New_York</c>). A client's "today", its run dates, the
    /// due dates of its plan changes and its daily windows are in its zone.
    /// </summary>
    /// <value>Default empty: every client is in <see cref="TimeZoneId"/>.</value>
    public IDictionary<string, string> ClientTimeZones { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
