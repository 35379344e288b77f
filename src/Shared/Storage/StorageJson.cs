using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Aria.Billing.Storage;

/// <summary>
/// The JSON columns: a sync record's attempt history, a run's jobs and a work item's history. Serialised through a
/// source-generated context (no reflection) with instants as ticks, so the text is stable across versions.
/// </summary>
internal static class StorageJson
{
    /// <summary>An empty JSON array, the initial value of every history column.</summary>
    internal const string EmptyArray = "[]";

    internal static string Attempts(IReadOnlyList<SyncAttempt> attempts) =>
        attempts.Count == 0
            ? EmptyArray
            : JsonSerializer.Serialize(
                attempts.Select(a => new AttemptRow(a.At.ToUnixTimeTicks(), a.Kind, (int)a.Status, a.ErrorCode, a.ErrorMessage, a.By)).ToArray(),
                StorageJsonContext.Default.AttemptRowArray);

    internal static string Attempt(SyncAttempt a) =>
        JsonSerializer.Serialize(new AttemptRow(a.At.ToUnixTimeTicks(), a.Kind, (int)a.Status, a.ErrorCode, a.ErrorMessage, a.By), StorageJsonContext.Default.AttemptRow);

    internal static IReadOnlyList<SyncAttempt> Attempts(string json) =>
        json == EmptyArray
            ? []
            : (JsonSerializer.Deserialize(json, StorageJsonContext.Default.AttemptRowArray) ?? [])
                .Select(a => new SyncAttempt(Instant.FromUnixTimeTicks(a.At), a.Kind, (SyncStatus)a.Status, a.Code, a.Message, a.By)).ToArray();

    internal static string Jobs(IReadOnlyList<JobRun> jobs) =>
        JsonSerializer.Serialize(
            jobs.Select(j => new JobRow(j.Index, j.Name, j.JobType, (int)j.Status, (int)j.Condition, j.Error, j.StartedAt?.ToUnixTimeTicks(), j.FinishedAt?.ToUnixTimeTicks(), j.Attempts)).ToArray(),
            StorageJsonContext.Default.JobRowArray);

    internal static IReadOnlyList<JobRun> Jobs(string json) =>
        (JsonSerializer.Deserialize(json, StorageJsonContext.Default.JobRowArray) ?? [])
            .Select(j => new JobRun
            {
                Index = j.Index, Name = j.Name, JobType = j.JobType, Status = (BatchStatus)j.Status, Condition = (JobCondition)j.Condition, Error = j.Error,
                StartedAt = j.StartedAt is { } s ? Instant.FromUnixTimeTicks(s) : null, FinishedAt = j.FinishedAt is { } f ? Instant.FromUnixTimeTicks(f) : null,
                Attempts = j.Attempts,
            }).ToArray();

    internal static IReadOnlyList<string> Strings(string json) =>
        json == EmptyArray ? [] : JsonSerializer.Deserialize(json, StorageJsonContext.Default.StringArray) ?? [];

    internal static string Strings(IReadOnlyCollection<string> values) =>
        JsonSerializer.Serialize(values.ToArray(), StorageJsonContext.Default.StringArray);

    internal static string Longs(IReadOnlyCollection<long> values) =>
        JsonSerializer.Serialize(values.ToArray(), StorageJsonContext.Default.Int64Array);

    internal sealed record AttemptRow(long At, string Kind, int Status, string? Code, string? Message, string By);

    internal sealed record JobRow(int Index, string Name, string JobType, int Status, int Condition, string? Error, long? StartedAt, long? FinishedAt, int Attempts);
}

/// <summary>The source-generated serialisers of <see cref="StorageJson"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StorageJson.AttemptRow))]
[JsonSerializable(typeof(StorageJson.AttemptRow[]))]
[JsonSerializable(typeof(StorageJson.JobRow[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
