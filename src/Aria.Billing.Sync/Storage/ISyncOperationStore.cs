using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// Where bulk reprocess and discard operations live: recorded before their work starts, leased to one runner at a time,
/// saved with their counts. Every implementation has the same semantics (one conformance suite runs against all): two
/// running operations of one client and log on the same or an overlapping scope are refused, and the records the
/// operations act on stay in the <see cref="ISyncRecordStore"/>.
/// </summary>
public interface ISyncOperationStore
{
    /// <summary>Records a new operation unless a running one of the same client and log overlaps its scope.</summary>
    Task<bool> TryStartOperationAsync(SyncOperation operation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes, or renews, the right to run an operation until <paramref name="until"/>: granted when the operation is running and
    /// no other runner holds a lease on it that is still live at <paramref name="now"/>. So however many nodes resume an
    /// operation together, one runs it.
    /// </summary>
    /// <returns>Whether <paramref name="runner"/> holds the lease now.</returns>
    Task<bool> TryLeaseOperationAsync(ClientNumber client, Guid id, string runner, Instant now, Instant until, CancellationToken cancellationToken = default);

    /// <summary>The operation with this id.</summary>
    Task<SyncOperation?> GetOperationAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default);

    /// <summary>The operations of the client and domain still marked running (after a crash, the ones to resume), oldest first.</summary>
    Task<IReadOnlyList<SyncOperation>> ListRunningOperationsAsync(ClientNumber client, SyncDomain domain, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every running operation of every client and domain, oldest request first: what a recovery sweep resumes (each is
    /// taken over only once its runner's lease has expired).
    /// </summary>
    Task<IReadOnlyList<SyncOperation>> ListAllRunningOperationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves an operation's counts and state.</summary>
    Task SaveOperationAsync(SyncOperation operation, CancellationToken cancellationToken = default);
}
