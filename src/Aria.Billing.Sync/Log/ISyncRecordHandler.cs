namespace Aria.Billing.Sync;

/// <summary>The host's processing of a sync message (applying a catalog or account change, sending a usage batch).</summary>
public interface ISyncRecordHandler
{
    /// <summary>Processes <paramref name="record"/> and says how it went; an exception counts as an ERROR outcome.</summary>
    ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default);
}
