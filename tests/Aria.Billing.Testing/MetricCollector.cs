using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Aria.Billing.Testing;

/// <summary>Collects the measurements of a meter's long counters while it lives.</summary>
public sealed class MetricCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    /// <summary>Listens to every instrument of the meter named <paramref name="meterName"/>.</summary>
    public MetricCollector(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>The sum of an instrument's measurements, optionally only those with a tag value.</summary>
    public long Sum(string instrument, string? tag = null, object? value = null) =>
        _measurements.Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)))).Sum(m => m.Value);

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
