using Aria.Billing.Jobs;
using NodaTime;

namespace Aria.Billing.Testing;

/// <summary>Stored schedules from the definition JSON of the Jobs package (<see cref="ScheduleDefinition.ToJson"/>).</summary>
public static class TestSchedules
{
    /// <summary>The stored schedule <paramref name="json"/> defines; throws when it does not read.</summary>
    public static StoredSchedule Stored(ClientNumber client, string name, string json, Instant savedAt, string savedBy = "ops") =>
        ScheduleDefinition.TryParseJson(client, name, json, out var definition)
            ? new StoredSchedule(definition, savedAt, savedBy)
            : throw new ArgumentException($"Not a schedule definition: {json}", nameof(json));
}
