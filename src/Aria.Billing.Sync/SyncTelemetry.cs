using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Aria.Billing.Sync;

/// <summary>
/// The package's <see cref="Meter"/> and <see cref="ActivitySource"/>, both named <c>Aria.Billing.Sync</c>, so that
/// OpenTelemetry picks them up with <c>AddMeter("Aria.Billing.Sync")</c> / <c>AddSource("Aria.Billing.Sync")</c>.
/// </summary>
public static class SyncTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Aria.Billing.Sync";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Records taken by reprocess operations, tagged <c>outcome</c> = complete | error | interrupted.</summary>
    internal static readonly Counter<long> Reprocessed = Meter.CreateCounter<long>("aria.billing.sync.records_reprocessed", "{record}", "Sync records taken by reprocess operations.");

    /// <summary>Records discarded.</summary>
    internal static readonly Counter<long> Discarded = Meter.CreateCounter<long>("aria.billing.sync.records_discarded", "{record}", "Sync records discarded.");
}
