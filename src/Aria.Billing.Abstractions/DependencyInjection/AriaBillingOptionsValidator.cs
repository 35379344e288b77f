using Microsoft.Extensions.Options;
using NodaTime;

namespace Aria.Billing.DependencyInjection;

/// <summary>Checks <see cref="AriaBillingOptions"/>; each failure names the bad value.</summary>
internal sealed class AriaBillingOptionsValidator(IDateTimeZoneProvider zones) : IValidateOptions<AriaBillingOptions>
{
    public ValidateOptionsResult Validate(string? name, AriaBillingOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TimeZoneId) || zones.GetZoneOrNull(options.TimeZoneId) is null)
        {
            failures.Add($"AriaBilling:TimeZoneId '{options.TimeZoneId}' is not a tz database time zone id (for example 'UTC' or 'America/New_York').");
        }

        foreach (var (client, zone) in options.ClientTimeZones ?? new Dictionary<string, string>())
        {
            if (!ClientNumber.TryParse(client, out _))
            {
                failures.Add($"AriaBilling:ClientTimeZones:{client} is not a client number; the keys are client numbers (1000).");
            }
            else if (string.IsNullOrWhiteSpace(zone) || zones.GetZoneOrNull(zone) is null)
            {
                failures.Add($"AriaBilling:ClientTimeZones:{client} is '{zone}'; it should be a tz database time zone id (for example 'America/New_York').");
            }
        }

        if (!Enum.IsDefined(options.MidpointRounding))
        {
            failures.Add($"AriaBilling:MidpointRounding '{(int)options.MidpointRounding}' is not a MidpointRounding value.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
