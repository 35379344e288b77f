using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// How often rated usage is aggregated into a batch for the billing system (the client's aggregation frequency setting):
/// consecutive windows of <see cref="Length"/> from an origin instant.
/// </summary>
public readonly record struct AggregationFrequency
{
    private AggregationFrequency(Duration length, Instant origin)
    {
        Length = length;
        Origin = origin;
    }

    /// <summary>The length of one batch window.</summary>
    public Duration Length { get; }

    /// <summary>The instant windows are counted from (a window starts here).</summary>
    public Instant Origin { get; }

    /// <summary>Hourly windows on the hour (UTC).</summary>
    public static AggregationFrequency Hourly => new(Duration.FromHours(1), Instant.FromUnixTimeSeconds(0));

    /// <summary>Daily windows from midnight UTC.</summary>
    public static AggregationFrequency Daily => new(Duration.FromDays(1), Instant.FromUnixTimeSeconds(0));

    /// <summary>Windows of <paramref name="length"/> from <paramref name="origin"/> (default the Unix epoch).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is under one second or over 31 days.</exception>
    public static AggregationFrequency Every(Duration length, Instant? origin = null)
    {
        if (length < Duration.FromSeconds(1) || length > Duration.FromDays(31))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "Value should be in range [1 second-31 days]");
        }

        return new AggregationFrequency(length, origin ?? Instant.FromUnixTimeSeconds(0));
    }

    /// <summary>The window that contains <paramref name="instant"/>: start inclusive, end exclusive.</summary>
    public (Instant Start, Instant End) WindowOf(Instant instant)
    {
        if (Length == Duration.Zero)
        {
            throw new InvalidOperationException("This AggregationFrequency is the default value; use Hourly, Daily or Every.");
        }

        var offset = (instant - Origin).BclCompatibleTicks;
        var length = Length.BclCompatibleTicks;
        var index = (offset / length) - (offset % length < 0 ? 1 : 0);
        var start = Origin + Duration.FromTicks(index * length);
        if (start > instant)
        {
            start -= Length;
        }
        else if (start + Length <= instant)
        {
            start += Length;
        }

        return (start, start + Length);
    }
}
