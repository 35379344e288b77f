using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>The boundaries of a <see cref="ISyncRecordStore.CountErrorsByPeriodAsync"/> count: checked, and searched.</summary>
internal static class SyncPeriods
{
    /// <summary>Throws unless 2 to <see cref="ISyncRecordStore.MaxPeriodBoundaries"/> boundaries ascend strictly.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<Instant> boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        if (boundaries.Count is < 2 or > ISyncRecordStore.MaxPeriodBoundaries)
        {
            throw new ArgumentOutOfRangeException(nameof(boundaries), boundaries.Count, $"Value should be in range [2-{ISyncRecordStore.MaxPeriodBoundaries}] boundaries.");
        }

        for (var i = 1; i < boundaries.Count; i++)
        {
            if (boundaries[i] <= boundaries[i - 1])
            {
                throw new ArgumentException($"Boundaries should ascend strictly; boundary {i} ({boundaries[i]}) is not after {boundaries[i - 1]}.", nameof(boundaries));
            }
        }
    }

    /// <summary>The period holding <paramref name="instant"/> (between the first and the last boundary).</summary>
    public static int IndexOf(IReadOnlyList<Instant> boundaries, Instant instant)
    {
        var period = 0;
        while (period + 2 < boundaries.Count && instant >= boundaries[period + 1])
        {
            period++;
        }

        return period;
    }
}
