using Aria.Billing.Testing;
using Aria.Billing.Testing.Skipping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Aria.Billing.Invoicing;
using Aria.Billing.Jobs;
using Aria.Billing.Sync;

namespace Aria.Billing.Storage.PostgreSql.Tests;

[RequiresEnvironment(PostgresSchemas.Variable)]
public sealed class PostgreSqlStorageTests : IDisposable
{
    private static readonly ClientNumber Client = new(1000);
    private readonly PostgresSchemas _schemas = new();

    private static SyncRecord Record(string eventId, string objectName = "Account") => new()
    {
        Client = Client, Domain = SyncDomain.Account, EventId = eventId, EventTime = Instant.FromUtc(2025, 4, 27, 0, 0),
        ObjectName = objectName, ActionName = "Create", Status = SyncStatus.Error, ErrorCode = "ACCOUNT_IS_NOT_FOUND", ErrorMessage = "Account is not found",
    };

    /// <summary>Four nodes starting at once migrate the database once (an advisory lock serialises them).</summary>
    [StoreFact]
    public async Task MigrateAsync_FourNodesAtOnce_MigrateOnce()
    {
        var schema = _schemas.NewSchema();
        var nodes = Enumerable.Range(0, 4).Select(_ => new PostgreSqlStorage(
            new PostgreSqlStorageOptions { ConnectionString = schema, MigrateOnStart = false }, new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)))).ToArray();

        var applied = await Task.WhenAll(nodes.Select(n => n.MigrateAsync()));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], applied.SelectMany(a => a).Order());
        Assert.Equal(PostgreSqlStorage.LatestSchemaVersion, await nodes[3].GetSchemaVersionAsync());
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>On a real server, a statement the stores repeat is prepared once on the connection and then reused.</summary>
    [StoreFact]
    public async Task RepeatedStatements_ArePreparedOnTheServer()
    {
        var schema = new NpgsqlConnectionStringBuilder(_schemas.NewSchema()) { MaxPoolSize = 1 }.ConnectionString;
        await using var storage = new PostgreSqlStorage(new PostgreSqlStorageOptions { ConnectionString = schema }, new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)));
        await storage.MigrateAsync();
        for (var i = 0; i < 10; i++)
        {
            await storage.SyncRecords.GetAsync(new ClientNumber(1000), i + 1);
        }

        await using var connection = await storage.Database.DataSource.OpenConnectionAsync(); // the pool's one connection
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM sync_record WHERE id = %'", connection);

        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>A record as an older package wrote it at schema version 1 (the store of today writes later columns too).</summary>
    private static Task<long> InsertVersionOneRecord(SqlDatabase database, string eventId) => database.WriteAsync(async connection =>
    {
        await using var command = connection.Command(
            "INSERT INTO sync_record (client, domain, event_id, event_time, object_type, object_name, object_name_key, action_name, action_name_key, " +
            "status, error_code, error_message, payload, attempts, version) VALUES (@client, @domain, @event_id, @event_time, 0, 'Account', 'account', " +
            "'Create', 'create', @status, 'ACCOUNT_IS_NOT_FOUND', 'Account is not found', '{}', '[]', 1) RETURNING id")
            .With("client", Client.Value).With("domain", (int)SyncDomain.Account).With("event_id", eventId)
            .With("event_time", Instant.FromUtc(2025, 4, 27, 0, 0).ToUnixTimeTicks()).With("status", (int)SyncStatus.Error);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }, CancellationToken.None);

    /// <summary>A database left at version 1 migrates forward with its data.</summary>
    [StoreFact]
    public async Task MigrateAsync_FromVersionOne_KeepsTheData()
    {
        var schema = _schemas.NewSchema();
        var running = Guid.NewGuid();
        await using (var old = new PostgreSqlStorage(new PostgreSqlStorageOptions { ConnectionString = schema, MigrateOnStart = false }, new FakeClock(Instant.FromUtc(2024, 1, 1, 0, 0))))
        {
            Assert.Equal([1], await old.Database.MigrateAsync(1, CancellationToken.None));
            await InsertVersionOneRecord(old.Database, "E1");
            Assert.True(await old.SyncOperations.TryStartOperationAsync(new SyncOperation
            {
                Id = running, Client = Client, Domain = SyncDomain.Account, Kind = SyncOperationKind.Reprocess, Scope = SyncScope.All(),
                RequestedBy = "ops", RequestedAt = Instant.FromUtc(2024, 1, 1, 0, 0),
            }));
        }

        var current = _schemas.NewStorage(schema);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], await current.MigrateAsync());
        // Step 9 builds the summary counters from the rows already stored.
        Assert.Equal([new SyncSummaryRow("Account", "Create", 1)], await current.SyncRecords.SummarizeAsync(Client, SyncDomain.Account));
        Assert.Equal([("ACCOUNT_IS_NOT_FOUND", "Account is not found", 1L)],
            (await current.SyncRecords.SummarizeErrorsAsync(Client, SyncDomain.Account, "Account", "Create")).Select(r => (r.ErrorCode, r.ErrorMessage, r.Count)));
        var page = await current.SyncRecords.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, SortBy = SyncSortField.ObjectName });
        Assert.Equal(["E1"], page.Items.Select(r => r.EventId));
        Assert.True(await current.SyncOperations.TryLeaseOperationAsync(Client, running, "node-a", Instant.FromUtc(2024, 1, 1, 0, 1), Instant.FromUtc(2024, 1, 1, 0, 2))); // an operation an older version left running can be resumed
    }

    /// <summary>PostgreSQL text cannot hold U+0000: a filter containing it matches nothing; storing it is refused as the caller's error.</summary>
    [StoreFact]
    public async Task Search_TextWithNul_MatchesNothing()
    {
        var store = _schemas.NewStorage().SyncRecords;
        await store.AddAsync(Record("E1"));

        var page = await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, ObjectNameContains = "Acc\0" });

        Assert.Empty(page.Items);
        Assert.Empty(await store.SummarizeErrorsAsync(Client, SyncDomain.Account, "Account\0", "Create"));
        Assert.Single((await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, ObjectNameContains = "ccou" })).Items);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(Record("E2") with { Payload = "{\"a\":\"\0\"}" }));
        Assert.Contains("U+0000", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A bulk add is all or nothing (issue 19 item 2): one message the database refuses (a NUL in its payload) leaves none of
    /// the batch stored and no counter moved.
    /// </summary>
    [StoreFact]
    public async Task AddMany_OneMessageRefused_StoresNoneOfTheBatch()
    {
        var store = _schemas.NewStorage().SyncRecords;

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddManyAsync([Record("E1"), Record("E2") with { Payload = "{\"a\":\"\0\"}" }, Record("E3")]));

        Assert.Empty((await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account })).Items);
        Assert.Empty(await store.SummarizeAsync(Client, SyncDomain.Account));
        Assert.Equal(3, (await store.AddManyAsync([Record("E1"), Record("E2"), Record("E3")])).Count(r => r.Created));
    }

    /// <summary>UsePostgreSql puts the three stores in the database and migrates it when the host starts.</summary>
    [StoreFact]
    public async Task UsePostgreSql_RegistersTheStoresAndMigratesAtStart()
    {
        var schema = _schemas.NewSchema();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAriaBilling().AddSync().AddInvoicing().UsePostgreSql(schema);
        using var host = builder.Build();

        await host.StartAsync();
        var storage = host.Services.GetRequiredService<PostgreSqlStorage>();

        Assert.Equal(PostgreSqlStorage.LatestSchemaVersion, await storage.GetSchemaVersionAsync());
        Assert.Same(storage.SyncRecords, host.Services.GetRequiredService<ISyncRecordStore>());
        Assert.Same(storage.SyncOperations, host.Services.GetRequiredService<ISyncOperationStore>());
        Assert.Same(storage.JobRuns, host.Services.GetRequiredService<IJobRunStore>());
        Assert.Same(storage.InvoiceLedger, host.Services.GetRequiredService<IInvoiceLedgerStore>()); // replacing the in-memory ledger AddInvoicing registered first
        await host.StopAsync();
    }

    /// <summary>A missing or malformed connection string is refused with the setting named.</summary>
    [Fact]
    public void Constructor_BadConnectionString_NamesTheSetting()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0));

        var missing = Assert.Throws<ArgumentException>(() => new PostgreSqlStorage(new PostgreSqlStorageOptions(), clock));
        var malformed = Assert.Throws<ArgumentException>(() => new PostgreSqlStorage(new PostgreSqlStorageOptions { ConnectionString = "Hoast=x;;=" }, clock));

        Assert.Contains("AriaBilling:PostgreSql:ConnectionString", missing.Message, StringComparison.Ordinal);
        Assert.Contains("AriaBilling:PostgreSql:ConnectionString", malformed.Message, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => _schemas.Dispose();
}
