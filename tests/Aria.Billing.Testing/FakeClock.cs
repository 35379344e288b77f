using NodaTime;

namespace Aria.Billing.Testing;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private Instant _now = now;

    /// <summary>A clock at midnight UTC of <paramref name="date"/>.</summary>
    public static FakeClock AtUtc(LocalDate date) => new(date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());

    /// <summary>The current instant.</summary>
    public Instant GetCurrentInstant() => _now;

    /// <summary>Moves the clock forward (or back).</summary>
    public void Advance(Duration duration) => _now += duration;

    /// <summary>Sets the clock.</summary>
    public void Set(Instant instant) => _now = instant;
}
