using Aria.Billing.Sync;

namespace Aria.Billing.Benchmarks.Support;

/// <summary>A sync handler that does nothing and succeeds, so a reprocess benchmark measures the reprocessor and its store.</summary>
internal sealed class NoOpSyncHandler : ISyncRecordHandler
{
    /// <summary>The one instance.</summary>
    public static readonly NoOpSyncHandler Instance = new();

    /// <inheritdoc />
    public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default) => ValueTask.FromResult(SyncOutcome.Complete);
}
