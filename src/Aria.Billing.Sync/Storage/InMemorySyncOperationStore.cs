using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// The in-memory <see cref="ISyncOperationStore"/>. One lock makes each operation atomic, so the overlap check and the
/// insert of <see cref="TryStartOperationAsync"/> happen together; leases are kept beside the operations, apart from their
/// counts.
/// </summary>
public sealed class InMemorySyncOperationStore : ISyncOperationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, SyncOperation> _operations = [];
    private readonly Dictionary<Guid, (string Runner, Instant Until)> _leases = [];

    /// <inheritdoc />
    public Task<bool> TryStartOperationAsync(SyncOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        lock (_gate)
        {
            var clash = _operations.Values.Any(o => o.State == SyncOperationState.Running && o.Client == operation.Client
                && o.Domain == operation.Domain && o.Scope.Overlaps(operation.Scope));
            if (clash || _operations.ContainsKey(operation.Id))
            {
                return Task.FromResult(false);
            }

            _operations[operation.Id] = operation;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryLeaseOperationAsync(ClientNumber client, Guid id, string runner, Instant now, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runner);
        lock (_gate)
        {
            if (!_operations.TryGetValue(id, out var operation) || operation.Client != client || operation.State != SyncOperationState.Running
                || (_leases.TryGetValue(id, out var lease) && lease.Runner != runner && lease.Until > now))
            {
                return Task.FromResult(false);
            }

            _leases[id] = (runner, until);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<SyncOperation?> GetOperationAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_operations.TryGetValue(id, out var operation) && operation.Client == client ? operation : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncOperation>> ListAllRunningOperationsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SyncOperation> running = _operations.Values
                .Where(o => o.State == SyncOperationState.Running)
                .OrderBy(o => o.RequestedAt).ThenBy(o => o.Id)
                .ToArray();
            return Task.FromResult(running);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncOperation>> ListRunningOperationsAsync(ClientNumber client, SyncDomain domain, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SyncOperation> running = _operations.Values
                .Where(o => o.Client == client && o.Domain == domain && o.State == SyncOperationState.Running)
                .OrderBy(o => o.RequestedAt).ThenBy(o => o.Id)
                .ToArray();
            return Task.FromResult(running);
        }
    }

    /// <inheritdoc />
    public Task SaveOperationAsync(SyncOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        lock (_gate)
        {
            _operations[operation.Id] = operation;
            return Task.CompletedTask;
        }
    }
}
