using Aria.Billing.Sync;
using Aria.Billing.Testing.Skipping;
using Npgsql;

namespace Aria.Billing.Storage.PostgreSql.Tests;

/// <summary>
/// Set-based updates that can overlap lock their rows in one order (by id), so two nodes never wait on each other; and a
/// deadlock or serialization failure that happens all the same is retried inside the store, never handed to the caller.
/// </summary>
[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class LockOrderTests : IDisposable
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly Instant Now = Instant.FromUtc(2025, 4, 27, 1, 0);
    private readonly PostgresSchemas _schemas = new();

    /// <summary>
    /// Four nodes mark, release and discard overlapping sets of records given in shuffled order, with the store's retry turned
    /// off: were rows locked in the order each statement met them, PostgreSQL would report 40P01 (it did, intermittently,
    /// out of a bulk reprocess). Locked by id, no statement ever waits on one that waits on it.
    /// </summary>
    [StoreFact]
    public async Task OverlappingMarksAndDiscards_InShuffledOrder_NeverDeadlock()
    {
        const int Records = 600;
        var schema = _schemas.NewSchema();
        var nodes = Enumerable.Range(0, 4).Select(_ => _schemas.NewStorage(schema)).ToArray();
        foreach (var node in nodes)
        {
            node.Database.TransientRetries = 0;
        }

        var ids = new List<long>();
        for (var n = 0; n < Records; n++)
        {
            ids.Add((await nodes[0].SyncRecords.AddAsync(ErrorRecord(n))).Record.Id);
        }

        var attempt = new SyncAttempt(Now, "discard", SyncStatus.Discarded, null, null, "ops");
        await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            for (var round = 0; round < 60; round++)
            {
                var subset = ids.Where(_ => random.Next(2) == 0).OrderBy(_ => random.Next()).ToArray();
                var operation = Guid.NewGuid();
                var marked = await node.SyncRecords.MarkInFlightAsync(Client, SyncDomain.Account, subset, null, operation);
                var release = marked.Select(r => r.Id).OrderByDescending(id => id).ToArray();
                await node.SyncRecords.MarkInFlightAsync(Client, SyncDomain.Account, release, operation, null);
                if (round % 20 == 19)
                {
                    await node.SyncRecords.DiscardAsync(Client, SyncDomain.Account, subset.Take(10).ToArray(), attempt);
                }
            }
        })));

        await using var connection = new NpgsqlConnection(schema);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand("SELECT COUNT(*) FILTER (WHERE in_flight IS NOT NULL) FROM sync_record", connection);
        Assert.Equal(0L, (long)(await check.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// Another session holds one of the records and then waits for one the store's statement has locked: PostgreSQL breaks the
    /// deadlock by failing the side that checks first (the store's: the other session waits 20 s before it checks). The store
    /// tries again and succeeds once the other session commits; the caller sees the result, not 40P01.
    /// </summary>
    [StoreFact]
    public async Task DeadlockWithAnotherSession_IsRetried_CallerSeesTheResult()
    {
        var schema = _schemas.NewSchema();
        var store = _schemas.NewStorage(schema);
        var first = (await store.SyncRecords.AddAsync(ErrorRecord(1))).Record.Id;
        var last = (await store.SyncRecords.AddAsync(ErrorRecord(2))).Record.Id;

        await using var other = new NpgsqlConnection(schema);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await Execute(other, transaction, $"SET LOCAL deadlock_timeout = '20s'; SELECT id FROM sync_record WHERE id = {last} FOR UPDATE");

        // The store locks `first`, then waits for `last`; the other session then waits for `first`: a cycle.
        var marking = Task.Run(() => store.SyncRecords.MarkInFlightAsync(Client, SyncDomain.Account, [first, last], null, Guid.NewGuid()));
        await WaitUntilBlockedAsync(schema);
        var otherSide = Task.Run(async () =>
        {
            await Execute(other, transaction, $"UPDATE sync_record SET error_message = 'held' WHERE id = {first}");
            await transaction.CommitAsync();
        });

        await otherSide; // its UPDATE goes through once the store's statement has given way
        var marked = await marking;
        Assert.Equal([first, last], marked.Select(r => r.Id));
        Assert.Equal("held", marked[0].ErrorMessage); // marked after the other session committed
    }

    /// <inheritdoc />
    public void Dispose() => _schemas.Dispose();

    private static SyncRecord ErrorRecord(int n) => new()
    {
        Client = Client, Domain = SyncDomain.Account, EventId = $"E{n}", EventTime = Now, ObjectName = "Account", ActionName = "Create",
        Status = SyncStatus.Error, ErrorCode = "ACCOUNT_IS_NOT_FOUND", ErrorMessage = "Account is not found",
    };

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until some session of the server waits for a row lock.</summary>
    private static async Task WaitUntilBlockedAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(schema);
        await connection.OpenAsync();
        for (var i = 0; i < 500; i++)
        {
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE NOT granted", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the store's statement never waited for the row the other session holds");
    }
}
