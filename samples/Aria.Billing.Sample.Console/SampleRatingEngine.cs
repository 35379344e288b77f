using System.Text.Json;
using Aria.Billing.Sync;

namespace Aria.Billing.Sample;

/// <summary>
/// Stands in for the rating engine in the sample: a message succeeds once what it requires exists; a message may also fail
/// once for a configuration reason the operator fixes before reprocessing; one kind stays broken.
/// </summary>
internal sealed class SampleRatingEngine(StopSwitch stop) : ISyncRecordHandler
{
    private readonly HashSet<string> _world = [];
    private readonly HashSet<string> _failedOnce = [];

    /// <summary>What the billing system already holds: the objects of records completed in an earlier run.</summary>
    public void Remember(SyncRecord completed)
    {
        using var payload = JsonDocument.Parse(completed.Payload);
        if (payload.RootElement.TryGetProperty("key", out var key) && key.GetString() is { } text)
        {
            _world.Add(text);
        }
    }

    public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default)
    {
        stop.Tick();
        using var payload = JsonDocument.Parse(record.Payload);
        var root = payload.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

        if (Text("broken") is { } broken)
        {
            return ValueTask.FromResult(SyncOutcome.Error(broken, "custom tier 3 has no upper bound in the price offer"));
        }

        if (Text("failFirst") is { } code && _failedOnce.Add(record.EventId))
        {
            return ValueTask.FromResult(SyncOutcome.Error(code, "status code 7 has no mapping"));
        }

        if (Text("requires") is { } requires && !_world.Contains(requires))
        {
            return ValueTask.FromResult(SyncOutcome.Error(Text("missing")!, $"{record.ObjectName} refers to an object that does not exist yet"));
        }

        if (Text("key") is { } key)
        {
            _world.Add(key);
        }

        return ValueTask.FromResult(SyncOutcome.Complete);
    }
}
