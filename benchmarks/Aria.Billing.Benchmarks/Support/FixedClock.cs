using NodaTime;

namespace Aria.Billing.Benchmarks.Support;

/// <summary>A clock that always reads one instant (2025-04-27 01:00 UTC unless told), so runs are repeatable.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    /// <summary>The benchmarks' clock.</summary>
    public static readonly FixedClock Default = new(Instant.FromUtc(2025, 4, 27, 1, 0));

    /// <inheritdoc />
    public Instant GetCurrentInstant() => now;
}
