namespace Aria.Billing.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> that stands still until a test moves it with <see cref="Advance"/>, or, with
/// <see cref="AutoAdvance"/>, moves itself whenever the code under test waits.
/// </summary>
/// <remarks>
/// Auto-advance tells a wait from a guard by the timer's state: <c>Task.Delay(…, timeProvider, …)</c> (Polly's retry
/// back-off, a polling interval) creates a timer whose state is the delay's task, while a timeout
/// (<c>new CancellationTokenSource(delay, timeProvider)</c>, Polly's timeouts) creates one whose state is the token
/// source. While a delay is pending the flow under test is blocked, so time jumps to the earliest due timer of any kind
/// (the delay itself, or a timeout due before it, as when an answer is slower than the attempt timeout) and fires it.
/// A timeout alone never moves time: an HTTP call in flight under an attempt timeout is not timed out by the fake.
/// Timers due now fire at once on the thread pool, as real timers do. Callbacks run outside the provider's lock.
/// </remarks>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<TimeSpan> _delays = [];
    private readonly List<TaskCompletionSource> _delayWaiters = [];
    private DateTimeOffset _now;
    private long _sequence;
    private bool _pumping;

    /// <summary>A provider at 2025-01-01T00:00Z.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>A provider at <paramref name="start"/>.</summary>
    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    /// <summary>Whether time jumps forward by itself whenever the code under test waits on a delay (see remarks).</summary>
    public bool AutoAdvance { get; init; }

    /// <summary>The delays the code under test waited for (<c>Task.Delay</c> on this provider), in the order asked.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves time forward by <paramref name="delta"/>, firing the timers due on the way in order of due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = Earliest();
                if (next is null || next.Due > target)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                Take(next);
            }

            next.Invoke();
        }
    }

    /// <summary>Completes when the code under test waits on a delay of this provider (at once if it already does).</summary>
    public Task WhenWaitingAsync()
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.Armed && t.IsDelay))
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _delayWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        if (timer.IsDelay && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _delays.Add(dueTime);
            }
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private bool Change(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.InfiniteTimeSpan);
        List<TaskCompletionSource>? waiters = null;
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            _timers.Remove(timer);
            timer.Armed = dueTime != Timeout.InfiniteTimeSpan;
            if (!timer.Armed)
            {
                return true;
            }

            timer.Due = _now + dueTime;
            timer.Period = period;
            timer.Sequence = ++_sequence;
            _timers.Add(timer);
            if (timer.IsDelay && _delayWaiters.Count > 0)
            {
                waiters = [.. _delayWaiters];
                _delayWaiters.Clear();
            }

            if (!_pumping && (timer.Due <= _now || (AutoAdvance && timer.IsDelay)))
            {
                _pumping = true;
                ThreadPool.UnsafeQueueUserWorkItem(static self => self.Pump(), this, preferLocal: false);
            }
        }

        waiters?.ForEach(w => w.TrySetResult());
        return true;
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            timer.Armed = false;
            _timers.Remove(timer);
        }
    }

    /// <summary>Fires the timers due now, and while auto-advancing and a delay is pending, the earliest timer of all.</summary>
    private void Pump()
    {
        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = Earliest();
                if (next is null || (next.Due > _now && !(AutoAdvance && _timers.Any(t => t.IsDelay))))
                {
                    _pumping = false;
                    return;
                }

                Take(next);
            }

            next.Invoke();
        }
    }

    private FakeTimer? Earliest()
    {
        FakeTimer? earliest = null;
        foreach (var timer in _timers)
        {
            if (earliest is null || timer.Due < earliest.Due || (timer.Due == earliest.Due && timer.Sequence < earliest.Sequence))
            {
                earliest = timer;
            }
        }

        return earliest;
    }

    /// <summary>Moves time to the timer's due time (never back) and re-arms it for its period, or disarms it.</summary>
    private void Take(FakeTimer timer)
    {
        if (timer.Due > _now)
        {
            _now = timer.Due;
        }

        _timers.Remove(timer);
        if (timer.Period > TimeSpan.Zero)
        {
            timer.Due += timer.Period;
            timer.Sequence = ++_sequence;
            _timers.Add(timer);
        }
        else
        {
            timer.Armed = false;
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public bool IsDelay { get; } = state is Task;

        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public long Sequence { get; set; }

        public bool Armed { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Change(this, dueTime, period);

        public void Invoke() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
