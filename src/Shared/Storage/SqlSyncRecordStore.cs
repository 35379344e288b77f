using System.Data.Common;
using System.Globalization;
using System.Text;
using NodaTime;

namespace Aria.Billing.Storage;

/// <summary>
/// The sync activity log in a relational database: searches, sorts and keyset paging served by indexes, the summary levels
/// and batch counts read from the counters that triggers keep in the transaction of every change (<see cref="SyncCounterSchema"/>;
/// an account's summary, a narrower question, groups that account's ERROR rows), compare-and-swap updates, and set-based discards and in-flight marks (the operations acting on the
/// records are in <see cref="SqlSyncOperationStore"/>).
/// </summary>
internal sealed partial class SqlSyncRecordStore(SqlDatabase database) : ISyncRecordStore
{
    /// <summary>The ordinal of the <c>sort_key</c> column a sorted search adds after the record's columns.</summary>
    private const int SortKeyOrdinal = (int)SyncRecordColumn.Version + 1;

    private static readonly int Pending = (int)SyncStatus.Pending;
    private static readonly int Complete = (int)SyncStatus.Complete;
    private static readonly int Error = (int)SyncStatus.Error;
    private static readonly int Discarded = (int)SyncStatus.Discarded;

    /// <summary>Statuses in the order of their names, as the activity log sorts them.</summary>
    private static readonly string StatusRank =
        "CASE status " + string.Concat(Enum.GetValues<SyncStatus>().OrderBy(s => s.ToString(), StringComparer.Ordinal)
            .Select((s, rank) => $"WHEN {(int)s} THEN {rank} ")) + "END";

    /// <summary>Writes the outcomes (compare-and-swap, processing fields only) in one transaction, in id order (PostgreSQL: one statement).</summary>
    public Task<IReadOnlyList<SyncRecord?>> UpdateManyAsync(IReadOnlyList<(SyncRecord Updated, long ExpectedVersion)> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Select(u => u.Updated.Id).Distinct().Count() != updates.Count)
        {
            throw new ArgumentException("Each record may be updated once per call.", nameof(updates));
        }

        if (updates.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SyncRecord?>>([]);
        }

        var ordered = updates.OrderBy(u => u.Updated.Id).ToList();
        return database.TransactionAsync<IReadOnlyList<SyncRecord?>>(async (connection, transaction) =>
        {
            var updated = (await database.UpdateSyncRecordsAsync(connection, transaction, ordered, cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Id);
            return [.. updates.Select(u => updated.GetValueOrDefault(u.Updated.Id))];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SyncRecord?> UpdateAsync(SyncRecord updated, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return database.WriteAsync(async connection =>
        {
            await using var command = connection.Command(
                $"UPDATE sync_record SET {SyncRecordRows.Assignments}, version = version + 1 " +
                $"WHERE id = @id AND version = @expected AND client = @client AND domain = @domain AND event_id = @event_id RETURNING {SyncRecordRows.Columns}")
                .With("id", updated.Id).With("expected", expectedVersion).With("client", updated.Client.Value).With("domain", (int)updated.Domain)
                .With("event_id", updated.EventId).WithFields(updated);
            return await command.FirstOrDefaultAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Claims in one UPDATE: the lowest ids among the stale PENDING records, chosen once in a CTE (a LIMIT subquery in the
    /// WHERE clause may run again per row), locked and skipping rows another node holds (PostgreSQL), the condition checked
    /// again on each row as it is updated.
    /// </summary>
    public Task<IReadOnlyList<SyncRecord>> ClaimStalePendingAsync(Instant staleBefore, Instant claimedAt, int max, CancellationToken cancellationToken = default)
    {
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<SyncRecord>>([]);
        }

        return database.WriteAsync<IReadOnlyList<SyncRecord>>(async connection =>
        {
            var stale = $"status = {Pending} AND in_flight IS NULL AND (pending_since IS NULL OR pending_since < @stale)";
            await using var command = connection.Command(
                $"WITH target AS (SELECT id FROM sync_record WHERE {stale} ORDER BY id LIMIT @max{database.SkipLocked}) " +
                $"UPDATE sync_record SET pending_since = @claimed, version = version + 1 WHERE id IN (SELECT id FROM target) AND {stale} RETURNING {SyncRecordRows.Columns}")
                .With("stale", SqlCommands.Ticks(staleBefore)).With("claimed", SqlCommands.Ticks(claimedAt)).With("max", max);
            var claimed = await command.ListAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false);
            claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
            return claimed;
        }, cancellationToken);
    }

    /// <summary>
    /// Discards the batch in one UPDATE, its rows locked in id order; the attempt is appended to each record's history by the
    /// database.
    /// </summary>
    public Task<IReadOnlyList<long>> DiscardAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<long> ids, SyncAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(attempt);
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<long>>([]);
        }

        return database.WriteAsync<IReadOnlyList<long>>(async connection =>
        {
            var discardable = $"client = @client AND domain = @domain AND status = {Error} AND in_flight IS NULL";
            await using var command = connection.Command(
                database.LockedInOrder("sync_record", $"id IN ({database.ListOf("@ids")}) AND {discardable}") +
                $"UPDATE sync_record SET status = {Discarded}, attempts = {database.AppendToJsonArray("attempts", "@attempt", valueIsJson: true)}, version = version + 1 " +
                $"WHERE id IN (SELECT id FROM target) AND {discardable} RETURNING id")
                .With("attempt", StorageJson.Attempt(attempt)).With("client", client.Value).With("domain", (int)domain);
            database.AddList(command, "ids", ids);
            var discarded = await command.ListAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
            discarded.Sort();
            return discarded;
        }, cancellationToken);
    }

    /// <summary>Marks the batch in one UPDATE, its rows locked in id order, returning the marked rows.</summary>
    public Task<IReadOnlyList<SyncRecord>> MarkInFlightAsync(
        ClientNumber client, SyncDomain domain, IReadOnlyList<long> ids, Guid? holder, Guid? operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SyncRecord>>([]);
        }

        return database.WriteAsync<IReadOnlyList<SyncRecord>>(async connection =>
        {
            var markable = $"client = @client AND domain = @domain AND status = {Error} AND {(holder is null ? "in_flight IS NULL" : "in_flight = @holder")}";
            await using var command = connection.Command(
                database.LockedInOrder("sync_record", $"id IN ({database.ListOf("@ids")}) AND {markable}") +
                $"UPDATE sync_record SET in_flight = @operation, version = version + 1 WHERE id IN (SELECT id FROM target) AND {markable} " +
                $"RETURNING {SyncRecordRows.Columns}")
                .With("operation", operation).With("client", client.Value).With("domain", (int)domain);
            if (holder is { } held)
            {
                command.With("holder", held);
            }

            database.AddList(command, "ids", ids);
            var marked = await command.ListAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false);
            marked.Sort((a, b) => a.Id.CompareTo(b.Id));
            return marked;
        }, cancellationToken);
    }
}
