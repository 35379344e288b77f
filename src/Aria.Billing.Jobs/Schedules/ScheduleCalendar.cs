using NodaTime;
using NodaTime.TimeZones;

namespace Aria.Billing.Jobs;

/// <summary>
/// When a schedule runs: its frequency's dates at its execution time in its time zone. A time skipped by spring-forward runs
/// once, later by the gap; a time repeated by fall-back runs once, at its first occurrence; a run due inside an exception
/// window starts when the window ends.
/// </summary>
public sealed class ScheduleCalendar
{
    private static readonly Duration Margin = Duration.FromDays(2);
    private readonly ExceptionWindow[] _windows;
    private ZoneInterval? _interval; // the zone interval last used; most runs fall in it (a benign race: it is immutable)

    /// <summary>A calendar for a frequency, an execution time and a time zone, with exception windows.</summary>
    public ScheduleCalendar(ScheduleFrequency frequency, LocalTime executionTime, DateTimeZone zone, IEnumerable<ExceptionWindow>? exceptionWindows = null)
    {
        Frequency = frequency;
        ExecutionTime = executionTime;
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _windows = exceptionWindows?.OrderBy(w => w.Start).ToArray() ?? [];
    }

    /// <summary>The dates.</summary>
    public ScheduleFrequency Frequency { get; }

    /// <summary>The local time runs start.</summary>
    public LocalTime ExecutionTime { get; }

    /// <summary>The client's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The first run that starts strictly after <paramref name="after"/>; <see langword="null"/> for a manual-only schedule.</summary>
    public ScheduledRun? Next(Instant after)
    {
        var interval = IntervalOf(after);
        var date = after.WithOffset(interval.WallOffset).Date;
        for (var guard = 0; guard < 1000; guard++)
        {
            if (Frequency.OnOrAfter(date) is not { } runDate)
            {
                return null;
            }

            var run = At(runDate);
            if (run.StartsAt > after)
            {
                return run;
            }

            date = runDate.PlusDays(1);
        }

        throw new InvalidOperationException("No run found within 1000 candidate dates.");
    }

    /// <summary>The next <paramref name="count"/> runs after <paramref name="after"/>.</summary>
    public IReadOnlyList<ScheduledRun> Preview(Instant after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var runs = new List<ScheduledRun>(count);
        for (var at = after; runs.Count < count && Next(at) is { } run; at = run.StartsAt)
        {
            runs.Add(run);
        }

        return runs;
    }

    /// <summary>The start of the run for <paramref name="runDate"/>.</summary>
    public ScheduledRun At(LocalDate runDate)
    {
        var local = runDate + ExecutionTime;
        var shift = RunShift.None;
        Instant start;

        // Fast path: a local time well inside the cached zone interval maps to exactly one instant.
        if (_interval is { } interval && local.WithOffset(interval.WallOffset).ToInstant() is var candidate && FarInside(interval, candidate))
        {
            return Windows(runDate, candidate, shift);
        }

        var mapping = Zone.MapLocal(local);
        _interval = mapping.EarlyInterval;
        switch (mapping.Count)
        {
            case 1:
                start = mapping.Single().ToInstant();
                break;
            case 2:
                start = mapping.First().ToInstant(); // repeated by fall-back: the first occurrence only
                break;
            default:
                start = Resolvers.ReturnForwardShifted(local, Zone, mapping.EarlyInterval, mapping.LateInterval).ToInstant();
                shift = RunShift.DaylightSavingGap;
                break;
        }

        return Windows(runDate, start, shift);
    }

    private static bool FarInside(ZoneInterval interval, Instant instant) =>
        (!interval.HasStart || instant - interval.Start > Margin) && (!interval.HasEnd || interval.End - instant > Margin);

    private ZoneInterval IntervalOf(Instant instant)
    {
        var interval = _interval;
        if (interval is not null && interval.Contains(instant))
        {
            return interval;
        }

        return _interval = Zone.GetZoneInterval(instant);
    }

    private ScheduledRun Windows(LocalDate runDate, Instant start, RunShift shift)
    {
        foreach (var window in _windows)
        {
            if (window.Contains(start))
            {
                start = window.End;
                shift = RunShift.ExceptionWindow;
            }
        }

        return new ScheduledRun(runDate, start, shift);
    }
}
