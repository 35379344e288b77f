using NodaTime;

namespace Aria.Billing.Storage;

/// <summary>
/// Bulk sync operations in a relational database: started under a lock so that two nodes never run overlapping scopes at
/// once, leased to one runner at a time by a conditional UPDATE, saved with their counts by an upsert that leaves the lease
/// alone.
/// </summary>
internal sealed class SqlSyncOperationStore(SqlDatabase database) : ISyncOperationStore
{
    private static readonly string OperationValues = SqlCommands.ParameterList(SyncRecordRows.OperationColumns);

    private static readonly string OperationUpdates =
        string.Join(", ", SyncRecordRows.OperationColumns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));

    /// <summary>
    /// Records the operation unless a running one of the same client and domain overlaps its scope; the check and the
    /// insert run under a lock named after the client and domain, so two nodes cannot both pass the check.
    /// </summary>
    public Task<bool> TryStartOperationAsync(SyncOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return database.TransactionAsync(async (connection, transaction) =>
        {
            await database.LockAsync(connection, transaction, $"aria-sync-operation:{operation.Client}:{operation.Domain}", cancellationToken).ConfigureAwait(false);
            await using var running = connection.Command(
                $"SELECT {SyncRecordRows.OperationColumns} FROM sync_operation WHERE (client = @client AND domain = @domain AND state = {(int)SyncOperationState.Running}) OR id = @id", transaction)
                .With("client", operation.Client.Value).With("domain", (int)operation.Domain).With("id", operation.Id);
            var clash = await running.ListAsync(SyncRecordRows.ReadOperation, cancellationToken).ConfigureAwait(false);
            if (clash.Any(o => o.Id == operation.Id || o.Scope.Overlaps(operation.Scope)))
            {
                return false;
            }

            await using var insert = connection.Command(
                $"INSERT INTO sync_operation ({SyncRecordRows.OperationColumns}) VALUES ({OperationValues})", transaction)
                .WithOperation(operation);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SyncOperation?> GetOperationAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command($"SELECT {SyncRecordRows.OperationColumns} FROM sync_operation WHERE id = @id AND client = @client")
                .With("id", id).With("client", client.Value);
            return await command.FirstOrDefaultAsync(SyncRecordRows.ReadOperation, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncOperation>> ListAllRunningOperationsAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SyncOperation>>(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {SyncRecordRows.OperationColumns} FROM sync_operation WHERE state = {(int)SyncOperationState.Running} ORDER BY requested_at, id");
            return await command.ListAsync(SyncRecordRows.ReadOperation, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncOperation>> ListRunningOperationsAsync(ClientNumber client, SyncDomain domain, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SyncOperation>>(async connection =>
        {
            await using var command = connection.Command(
                $"SELECT {SyncRecordRows.OperationColumns} FROM sync_operation WHERE client = @client AND domain = @domain AND state = {(int)SyncOperationState.Running} ORDER BY requested_at, id")
                .With("client", client.Value).With("domain", (int)domain);
            return await command.ListAsync(SyncRecordRows.ReadOperation, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task SaveOperationAsync(SyncOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                $"INSERT INTO sync_operation ({SyncRecordRows.OperationColumns}) VALUES ({OperationValues}) " +
                $"ON CONFLICT (id) DO UPDATE SET {OperationUpdates}")
                .WithOperation(operation);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>One conditional UPDATE: the lease moves only when it is free, expired or already this runner's.</summary>
    public Task<bool> TryLeaseOperationAsync(ClientNumber client, Guid id, string runner, Instant now, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runner);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                "UPDATE sync_operation SET runner = @runner, lease_until = @until " +
                $"WHERE id = @id AND client = @client AND state = {(int)SyncOperationState.Running} AND (runner IS NULL OR runner = @runner OR lease_until <= @now)")
                .With("runner", runner).With("until", SqlCommands.Ticks(until)).With("id", id).With("client", client.Value).With("now", SqlCommands.Ticks(now));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }
}
