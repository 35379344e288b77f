using NodaTime;
using NodaTime.TimeZones;

namespace Aria.Billing.Jobs;

/// <summary>
/// When a schedule runs: its frequency's dates at its execution time in its time zone. A time skipped by spring-forward runs
/// once, later by the gap; a time repeated by fall-back runs once, at its first occurrence; a run due inside an exception
/// window starts when the window ends. Every run date keeps its own run: a window that holds back several runs starts them
/// all when it ends, in run-date order; it never merges or drops one.
/// </summary>
/// <remarks>
/// Runs are enumerated by run date. A later run date never starts earlier (overlapping and touching windows act as one
/// window, so a window's end is never inside another), so run-date order is also start order. Run dates whose start falls
/// outside the range of <see cref="Instant"/> (the first and last day NodaTime supports, in some zones) have no run.
/// </remarks>
public sealed class ScheduleCalendar
{
    private static readonly Duration Margin = Duration.FromDays(2);
    private static readonly LocalDate NearMin = LocalDate.MinIsoValue.PlusDays(2);
    private static readonly LocalDate NearMax = LocalDate.MaxIsoValue.PlusDays(-2);
    private static readonly Instant InstantNearMin = Instant.MinValue.Plus(Margin);
    private static readonly Instant InstantNearMax = Instant.MaxValue.Minus(Margin);
    private readonly ExceptionWindow[] _spans; // the non-empty windows merged where they overlap or touch: disjoint, in order
    private ZoneInterval? _interval; // the zone interval last used; most runs fall in it (a benign race: it is immutable)

    /// <summary>A calendar for a frequency, an execution time and a time zone, with exception windows.</summary>
    /// <param name="frequency">The run dates.</param>
    /// <param name="executionTime">The local time runs start.</param>
    /// <param name="zone">The client's time zone.</param>
    /// <param name="exceptionWindows">Spans in which no run starts; they may overlap. A window whose end is not after its start holds nothing back.</param>
    public ScheduleCalendar(ScheduleFrequency frequency, LocalTime executionTime, DateTimeZone zone, IEnumerable<ExceptionWindow>? exceptionWindows = null)
    {
        Frequency = frequency;
        ExecutionTime = executionTime;
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
        var windows = exceptionWindows?.OrderBy(w => w.Start).ThenBy(w => w.End).ToArray() ?? [];
        ExceptionWindows = Array.AsReadOnly(windows);
        _spans = Merge(windows);
    }

    /// <summary>The dates.</summary>
    public ScheduleFrequency Frequency { get; }

    /// <summary>The local time runs start.</summary>
    public LocalTime ExecutionTime { get; }

    /// <summary>The client's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The exception windows, as given, in start order.</summary>
    public IReadOnlyList<ExceptionWindow> ExceptionWindows { get; }

    /// <summary>
    /// The first run that starts strictly after <paramref name="after"/>, including a run of an earlier date that an exception
    /// window holds back past <paramref name="after"/>; of several runs a window starts at once, the one of the earliest date.
    /// <see langword="null"/> for a manual-only schedule, or when no run date is left in the range NodaTime supports.
    /// </summary>
    public ScheduledRun? Next(Instant after)
    {
        LocalDate? cursor = FirstCandidate(after);
        while (TryNext(ref cursor, out var run))
        {
            if (run.StartsAt > after)
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>
    /// The first <paramref name="count"/> runs that start strictly after <paramref name="after"/>, in start order and, among
    /// the runs an exception window starts at once, in run-date order. Fewer when the schedule is manual-only or the range
    /// NodaTime supports ends first.
    /// </summary>
    public IReadOnlyList<ScheduledRun> Preview(Instant after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var runs = new List<ScheduledRun>(Math.Min(count, 1000));
        LocalDate? cursor = FirstCandidate(after);
        while (runs.Count < count && TryNext(ref cursor, out var run))
        {
            if (run.StartsAt > after)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>
    /// The runs whose run dates fall from <paramref name="first"/> to <paramref name="last"/> (both included), one per run date
    /// of the frequency, in run-date order, each starting at its own time or, when an exception window holds it back, at the
    /// window's end. Evaluated lazily.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public IEnumerable<ScheduledRun> RunsBetween(LocalDate first, LocalDate last)
    {
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(last), last, $"Value should not be before {first}");
        }

        return Enumerate(first, last);

        IEnumerable<ScheduledRun> Enumerate(LocalDate first, LocalDate last)
        {
            LocalDate? cursor = first;
            while (TryNext(ref cursor, out var run) && run.RunDate <= last)
            {
                yield return run;
            }
        }
    }

    /// <summary>The start of the run for <paramref name="runDate"/>.</summary>
    /// <exception cref="OverflowException">The start falls outside the range of <see cref="Instant"/> (at the very ends of NodaTime's range).</exception>
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

    /// <summary>
    /// The run of the first run date on or after <paramref name="cursor"/>, moving the cursor past it (to null at the end of
    /// the range); false when there is none. Run dates before the start of the instant range are passed over.
    /// </summary>
    private bool TryNext(ref LocalDate? cursor, out ScheduledRun run)
    {
        while (cursor is { } date && Frequency.OnOrAfter(date) is { } runDate)
        {
            cursor = runDate == LocalDate.MaxIsoValue ? null : runDate.PlusDays(1);
            if (runDate > NearMin && runDate < NearMax)
            {
                run = At(runDate);
                return true;
            }

            try
            {
                run = At(runDate);
                return true;
            }
            catch (OverflowException) when (runDate >= NearMax)
            {
                break; // past the last instant: no later run date can start either
            }
            catch (OverflowException)
            {
                // before the first instant: a later run date may start
            }
        }

        cursor = null;
        run = default;
        return false;
    }

    /// <summary>
    /// The earliest run date whose run may start after <paramref name="after"/>: runs due before it start after it only when
    /// a window holds them back, and then they were due inside the window that holds <paramref name="after"/>.
    /// </summary>
    private LocalDate FirstCandidate(Instant after)
    {
        var from = WindowContaining(after) is { } window ? window.Start : after;
        if (from > InstantNearMin && from < InstantNearMax)
        {
            var interval = IntervalOf(from);
            if (FarInside(interval, from))
            {
                return from.WithOffset(interval.WallOffset).Date; // no transition near: an earlier date's run starts before
            }
        }

        // Near a transition a run of the day before may be pushed past midnight; offsets stay within a day of UTC.
        var utc = from.InUtc().Date;
        return utc < NearMin ? LocalDate.MinIsoValue : utc.PlusDays(-2);
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

    private ScheduledRun Windows(LocalDate runDate, Instant start, RunShift shift) =>
        WindowContaining(start) is { } window ? new ScheduledRun(runDate, window.End, RunShift.ExceptionWindow) : new ScheduledRun(runDate, start, shift);

    /// <summary>The merged window that contains <paramref name="instant"/>; its end is in no window.</summary>
    private ExceptionWindow? WindowContaining(Instant instant)
    {
        var spans = _spans;
        int low = 0, high = spans.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (spans[middle].End <= instant)
            {
                low = middle + 1;
            }
            else if (spans[middle].Start > instant)
            {
                high = middle - 1;
            }
            else
            {
                return spans[middle];
            }
        }

        return null;
    }

    private static ExceptionWindow[] Merge(ExceptionWindow[] windows)
    {
        var spans = new List<ExceptionWindow>(windows.Length);
        foreach (var window in windows)
        {
            if (window.End <= window.Start)
            {
                continue;
            }

            if (spans.Count > 0 && window.Start <= spans[^1].End)
            {
                spans[^1] = spans[^1] with { End = Instant.Max(spans[^1].End, window.End) };
            }
            else
            {
                spans.Add(window);
            }
        }

        return [.. spans];
    }
}
