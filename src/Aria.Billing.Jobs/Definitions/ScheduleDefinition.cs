using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.Jobs;

/// <summary>
/// A job schedule as it is defined and stored (spec: job-schedule-management.txt): when it runs — a frequency, an execution
/// time and a time zone (none: the client's) — which jobs run in order, and the exception windows. The Jobs package owns
/// its text form (<see cref="ToJson"/> / <see cref="TryParseJson"/>) so that every node and every store reads it alike.
/// </summary>
public sealed record ScheduleDefinition
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The client the schedule belongs to.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The schedule's name, unique per client.</summary>
    public required string Name { get; init; }

    /// <summary>How often it runs.</summary>
    public required ScheduleFrequency Frequency { get; init; }

    /// <summary>The execution time, in <see cref="TimeZoneId"/>.</summary>
    public required LocalTime Time { get; init; }

    /// <summary>A tz database id; <see langword="null"/> runs the schedule in the client's time zone.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The jobs, in the order they run.</summary>
    public required IReadOnlyList<JobDefinition> Jobs { get; init; }

    /// <summary>Spans in which no run starts; a run due inside one starts when it ends.</summary>
    public IReadOnlyList<ExceptionWindow> ExceptionWindows { get; init; } = [];

    /// <summary>Whether this is a daily schedule with a billing job (a client of the rating engine always keeps one).</summary>
    public bool IsDailyBilling => Frequency.Kind == FrequencyKind.Daily && Jobs.Any(static j => j.JobType == JobTypes.Billing);

    /// <summary>The schedule as it runs: its time zone, or <paramref name="clientZone"/> when it names none; <see langword="null"/> when its zone id is unknown to <paramref name="zones"/>.</summary>
    public JobSchedule? Resolve(IDateTimeZoneProvider zones, DateTimeZone clientZone)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(clientZone);
        var zone = TimeZoneId is null ? clientZone : zones.GetZoneOrNull(TimeZoneId);
        return zone is null ? null : new JobSchedule
        {
            Name = Name, Client = Client, Calendar = new ScheduleCalendar(Frequency, Time, zone, ExceptionWindows), Jobs = Jobs,
        };
    }

    /// <summary>
    /// The definition as JSON: <c>frequency</c> in the grammar of <see cref="ScheduleFrequency.ToString"/>, <c>time</c>
    /// HH:mm, <c>time_zone</c> (absent: the client's), <c>jobs</c> [{<c>name</c>, <c>job_type</c>}], <c>exception_windows</c>
    /// [{<c>start</c>, <c>end</c>}] as ISO instants.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("frequency", Frequency.ToString());
            json.WriteString("time", TimePattern.Format(Time));
            if (TimeZoneId is not null)
            {
                json.WriteString("time_zone", TimeZoneId);
            }

            json.WriteStartArray("jobs");
            foreach (var job in Jobs)
            {
                json.WriteStartObject();
                json.WriteString("name", job.Name);
                json.WriteString("job_type", job.JobType);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("exception_windows");
            foreach (var window in ExceptionWindows)
            {
                json.WriteStartObject();
                json.WriteString("start", InstantPattern.ExtendedIso.Format(window.Start));
                json.WriteString("end", InstantPattern.ExtendedIso.Format(window.End));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="ToJson"/> writes (and the reference host's earlier request JSON, the same shape); <see langword="false"/> when it cannot.</summary>
    public static bool TryParseJson(ClientNumber client, string name, string? json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScheduleDefinition? definition)
    {
        definition = null;
        if (string.IsNullOrWhiteSpace(json) || string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !ScheduleFrequency.TryParse(Text(root, "frequency"), out var frequency)
                || TimePattern.Parse(Text(root, "time") ?? "") is not { Success: true } time
                || !root.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var definitions = jobs.EnumerateArray().Select(j => (Name: Text(j, "name"), Type: Text(j, "job_type"))).ToArray();
            if (definitions.Length == 0 || definitions.Any(static d => string.IsNullOrWhiteSpace(d.Name) || string.IsNullOrWhiteSpace(d.Type)))
            {
                return false;
            }

            definition = new ScheduleDefinition
            {
                Client = client, Name = name, Frequency = frequency, Time = time.Value, TimeZoneId = Text(root, "time_zone"),
                Jobs = [.. definitions.Select(static d => new JobDefinition(d.Name!, d.Type!))],
                ExceptionWindows = [.. Windows(root)],
            };
            return true;
        }
        catch (JsonException)
        {
            return false;
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
