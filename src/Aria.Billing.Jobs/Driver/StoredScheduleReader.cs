using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.Jobs;

/// <summary>
/// Reads a stored schedule definition (the JSON the reference host saves: <c>frequency</c> in the grammar of
/// <see cref="ScheduleFrequency.TryParse"/>, <c>time</c> HH:mm, <c>time_zone</c> (the client's zone when absent), <c>jobs</c> [{<c>name</c>, <c>job_type</c>}], optional
/// <c>exception_windows</c> [{<c>start</c>, <c>end</c>}]) into the schedule the driver runs. A definition it cannot read gives null.
/// </summary>
internal static class StoredScheduleReader
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static JobSchedule? Read(StoredSchedule stored, IDateTimeZoneProvider zones, DateTimeZone clientZone)
    {
        try
        {
            using var document = JsonDocument.Parse(stored.Definition);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !ScheduleFrequency.TryParse(Text(root, "frequency"), out var frequency)
                || Time.Parse(Text(root, "time") ?? "") is not { Success: true } time
                || (Text(root, "time_zone") is { } zoneId ? zones.GetZoneOrNull(zoneId) : clientZone) is not { } zone
                || !root.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var definitions = jobs.EnumerateArray()
                .Select(j => (Name: Text(j, "name"), Type: Text(j, "job_type")))
                .ToArray();
            if (definitions.Length == 0 || definitions.Any(d => string.IsNullOrWhiteSpace(d.Name) || string.IsNullOrWhiteSpace(d.Type)))
            {
                return null;
            }

            return new JobSchedule
            {
                Name = stored.Name,
                Client = stored.Client,
                Calendar = new ScheduleCalendar(frequency, time.Value, zone, Windows(root)),
                Jobs = [.. definitions.Select(d => new JobDefinition(d.Name!, d.Type!))],
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<ExceptionWindow> Windows(JsonElement root)
    {
        if (!root.TryGetProperty("exception_windows", out var windows) || windows.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var window in windows.EnumerateArray())
        {
            if (InstantPattern.ExtendedIso.Parse(Text(window, "start") ?? "") is { Success: true } start
                && InstantPattern.ExtendedIso.Parse(Text(window, "end") ?? "") is { Success: true } end && start.Value < end.Value)
            {
                yield return new ExceptionWindow(start.Value, end.Value);
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
