using Aria.Billing.Jobs;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>
/// A schedule definition: <c>frequency</c> is daily, weekly:&lt;weekday&gt;, monthly:&lt;day&gt;, month_end,
/// days_before_month_end:&lt;n&gt;, quarter_end, year_end or manual_only; <c>time</c> is HH:mm in <c>time_zone</c>;
/// <c>jobs</c> (at least one, at most 50) run in order; <c>exception_windows</c> (optional, at most 50) are spans in which no run starts: a run due inside one starts when it
/// ends, keeping its own run date.
/// </summary>
public sealed record ScheduleDto(
    string? Frequency, string? Time, string? TimeZone, IReadOnlyList<JobDefinitionDto>? Jobs, IReadOnlyList<ExceptionWindowDto?>? ExceptionWindows = null);

/// <summary>A job of a schedule.</summary>
public sealed record JobDefinitionDto(string? Name, string? JobType);

/// <summary>
/// An exception window: ISO-8601 instants with a <c>Z</c> or an offset (<c>2025-04-27T03:00:00Z</c>), <c>start</c> before
/// <c>end</c>; <c>end</c> is the first instant after the window.
/// </summary>
public sealed record ExceptionWindowDto(string? Start, string? End);

/// <summary>A saved schedule, with its exception windows (UTC, in start order) and the warnings the rules raised.</summary>
public sealed record SavedScheduleDto(
    string Name, string Frequency, string Time, string TimeZone, IReadOnlyList<JobDefinitionDto> Jobs, IReadOnlyList<ExceptionWindowDto> ExceptionWindows,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The answer for <paramref name="definition"/>, its zone the client's when it names none.</summary>
    internal static SavedScheduleDto From(ScheduleDefinition definition, ClientTimeZones clientZones, IReadOnlyList<string> warnings) =>
        new(definition.Name, definition.Frequency.ToString(), NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(definition.Time),
            definition.TimeZoneId ?? clientZones.For(definition.Client).Id,
            [.. definition.Jobs.Select(j => new JobDefinitionDto(j.Name, j.JobType))],
            [.. definition.ExceptionWindows.OrderBy(w => w.Start).Select(w => new ExceptionWindowDto(NodaTime.Text.InstantPattern.ExtendedIso.Format(w.Start), NodaTime.Text.InstantPattern.ExtendedIso.Format(w.End)))],
            warnings);
}

/// <summary>A run to start: the date, and a key that makes a retried trigger return the same run.</summary>
public sealed record TriggerDto(string? RunDate, string? IdempotencyKey);

/// <summary>A schedule's run for a date.</summary>
public sealed record RunDto(
    Guid Id, string Schedule, string RunDate, BatchStatus Status, int BatchStatusCd, string StartedBy, string CreatedAt, string? FinishedAt, IReadOnlyList<JobRunDto> Jobs)
{
    /// <summary>The run.</summary>
    public static RunDto From(ScheduleRun r) => new(
        r.Id, r.Schedule, r.RunDate.ToString("uuuu-MM-dd", null), r.Status, (int)r.Status, r.StartedBy, r.CreatedAt.ToString(), r.FinishedAt?.ToString(),
        [.. r.Jobs.Select(j => new JobRunDto(j.Index, j.Name, j.JobType, j.Status, (int)j.Status, j.Error, j.StartedAt?.ToString(), j.FinishedAt?.ToString()))]);
}

/// <summary>A job of a run.</summary>
public sealed record JobRunDto(int Index, string Name, string JobType, BatchStatus Status, int BatchStatusCd, string? Error, string? StartedAt, string? FinishedAt);

/// <summary>A work item of a job.</summary>
public sealed record WorkItemDto(long Id, string Key, WorkItemState State, int Attempts, string? Error);

/// <summary>A run the schedule will start: its run date (yyyy-MM-dd) and when it starts (ISO 8601 with the schedule zone's offset).</summary>
public sealed record NextRunDto(string RunDate, string StartsAt, RunShift ShiftedBy);

/// <summary>A schedule deleted.</summary>
public sealed record DeletedScheduleDto(string Name, bool Deleted);

/// <summary>One page of the audit log.</summary>
public sealed record AuditPageDto(IReadOnlyList<RunDto> Items, long? TotalCount, string? ContinuationToken);
