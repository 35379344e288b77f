using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// One run's hold on its operation's lease in the store, under <see cref="SyncOptions.RunnerId"/>: taken when the run
/// starts, renewed once half of <see cref="SyncOptions.OperationLease"/> has passed, and lost when another runner holds it
/// (this one's having expired). However many nodes run an operation together, one holds it.
/// </summary>
internal sealed class SyncOperationLease(ISyncOperationStore operations, IClock clock, SyncOptions options, SyncOperation operation)
{
    private Instant _renewAt = Instant.MinValue;

    /// <summary>Whether the last attempt to take or renew the lease found another runner holding it.</summary>
    internal bool Lost { get; private set; }

    /// <summary>Takes or renews the lease when half of it has passed; false when another node holds it.</summary>
    internal async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (now < _renewAt)
        {
            return true;
        }

        var lease = Duration.FromTimeSpan(options.OperationLease);
        if (!await operations.TryLeaseOperationAsync(operation.Client, operation.Id, options.RunnerId, now, now + lease, cancellationToken).ConfigureAwait(false))
        {
            Lost = true;
            return false;
        }

        _renewAt = now + (lease / 2);
        return true;
    }
}
