using NodaTime;

namespace Aria.Billing;

/// <summary>
/// Each client's time zone (<see cref="AriaBillingOptions.ClientTimeZones"/>, else the host-wide <see cref="AriaBillingOptions.TimeZoneId"/>)
/// and its "today": the one place the engines and background duties ask which date it is for a client.
/// </summary>
public sealed class ClientTimeZones
{
    private readonly Dictionary<ClientNumber, DateTimeZone> _zones = [];
    private readonly DateTimeZone _default;
    private readonly IClock _clock;

    /// <summary>The zones the options name (validated when the host starts; an unknown id here throws).</summary>
    /// <param name="options">The host-wide zone and the clients' own.</param>
    /// <param name="provider">The tz database.</param>
    /// <param name="clock">The clock "today" is read from.</param>
    public ClientTimeZones(AriaBillingOptions options, IDateTimeZoneProvider provider, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _default = provider[options.TimeZoneId];
        foreach (var (client, zone) in options.ClientTimeZones ?? new Dictionary<string, string>())
        {
            _zones[ClientNumber.Parse(client).Value] = provider[zone];
        }
    }

    /// <summary>The client's zone.</summary>
    public DateTimeZone For(ClientNumber client) => _zones.GetValueOrDefault(client, _default);

    /// <summary>Today's date in the client's zone.</summary>
    public LocalDate Today(ClientNumber client) => _clock.GetCurrentInstant().InZone(For(client)).Date;
}
