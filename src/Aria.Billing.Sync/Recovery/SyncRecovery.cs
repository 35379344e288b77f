using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aria.Billing.Sync;

/// <summary>
/// One pass of the Sync package's background duty: every bulk operation left running, on any client and domain, is resumed
/// (the reprocessor takes one over only once its runner's lease has expired, so a live node keeps its own); and, with a
/// log, every record a crash left PENDING for longer than <see cref="SyncOptions.PendingLease"/> is claimed and processed.
/// </summary>
internal sealed class SyncRecovery(ISyncOperationStore operations, SyncReprocessor reprocessor, SyncLog? log = null, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Processes the records left PENDING and resumes what is left running; returns the operations that ended in this pass.</summary>
    public async Task<IReadOnlyList<SyncOperation>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (log is not null)
        {
            var recovered = await log.RecoverPendingAsync(cancellationToken).ConfigureAwait(false);
            if (recovered.Count > 0)
            {
                SyncLogMessages.PendingRecovered(_logger, recovered.Count);
            }
        }

        var ended = new List<SyncOperation>();
        var running = await operations.ListAllRunningOperationsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (client, domain) in running.Select(o => (o.Client, o.Domain)).Distinct())
        {
            foreach (var operation in await reprocessor.ResumeAsync(client, domain, null, cancellationToken).ConfigureAwait(false))
            {
                if (operation.State != SyncOperationState.Running)
                {
                    SyncLogMessages.OperationRecovered(_logger, operation.Id, client.Value, operation.State, operation.Processed);
                    ended.Add(operation);
                }
            }
        }

        return ended;
    }
}
