using Aria.Billing.Testing;
using Microsoft.Data.Sqlite;
using Aria.Billing.Jobs;
using Aria.Billing.Sync;

namespace Aria.Billing.Storage.Sqlite.Tests;

public sealed class SqliteStorageTests : IDisposable
{
    private static readonly ClientNumber Client = new(1000);
    private readonly TempDatabase _files = new();

    private static SyncRecord Record(string eventId) => new()
    {
        Client = Client, Domain = SyncDomain.Account, EventId = eventId, EventTime = Instant.FromUtc(2025, 4, 27, 0, 0),
        ObjectName = "Account", ActionName = "Create", Status = SyncStatus.Error, ErrorCode = "ACCOUNT_IS_NOT_FOUND", ErrorMessage = "Account is not found",
    };

    /// <summary>A new file migrates through every step once; migrating again changes nothing.</summary>
    [Fact]
    public async Task MigrateAsync_NewFile_AppliesEveryStepOnce()
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { Path = _files.NewPath(), MigrateOnStart = false }, new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)));

        Assert.Equal(0, await storage.GetSchemaVersionAsync());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], await storage.MigrateAsync());
        Assert.Empty(await storage.MigrateAsync());
        Assert.Equal(SqliteStorage.LatestSchemaVersion, await storage.GetSchemaVersionAsync());
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

    /// <summary>A database left at version 1 by an older package migrates forward with its data, gaining the later steps.</summary>
    [Fact]
    public async Task MigrateAsync_FromVersionOne_KeepsTheDataAndAddsTheNewIndexes()
    {
        var path = _files.NewPath();
        var old = new SqliteStorage(new SqliteStorageOptions { Path = path, MigrateOnStart = false }, new FakeClock(Instant.FromUtc(2024, 1, 1, 0, 0)));
        Assert.Equal([1], await old.Database.MigrateAsync(1, CancellationToken.None));
        var writtenId = await InsertVersionOneRecord(old.Database, "E1");
        var running = Guid.NewGuid();
        Assert.True(await old.SyncOperations.TryStartOperationAsync(new SyncOperation
        {
            Id = running, Client = Client, Domain = SyncDomain.Account, Kind = SyncOperationKind.Reprocess, Scope = SyncScope.All(),
            RequestedBy = "ops", RequestedAt = Instant.FromUtc(2024, 1, 1, 0, 0),
        }));
        SqliteConnection.ClearAllPools();

        var current = _files.NewStorage(path);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], await current.MigrateAsync());

        // Step 9 builds the summary counters from the rows already stored.
        Assert.Equal([new SyncSummaryRow("Account", "Create", 1)], await current.SyncRecords.SummarizeAsync(Client, SyncDomain.Account));
        Assert.Equal([("ACCOUNT_IS_NOT_FOUND", "Account is not found", 1L)],
            (await current.SyncRecords.SummarizeErrorsAsync(Client, SyncDomain.Account, "Account", "Create")).Select(r => (r.ErrorCode, r.ErrorMessage, r.Count)));
        var read = (await current.SyncRecords.GetAsync(Client, writtenId))!;
        Assert.Equal(("E1", SyncStatus.Error, "Account is not found", (Instant?)null), (read.EventId, read.Status, read.ErrorMessage, read.PendingSince));
        Assert.Equal(["ix_sync_record_action_sort", "ix_sync_record_object_sort"], await Scalars<string>(path, "SELECT name FROM sqlite_master WHERE name LIKE 'ix_sync_record_%_sort' ORDER BY name"));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L], await Scalars<long>(path, "SELECT version FROM aria_schema_history ORDER BY version"));
        Assert.True(await current.SyncOperations.TryLeaseOperationAsync(Client, running, "node-a", Instant.FromUtc(2024, 1, 1, 0, 1), Instant.FromUtc(2024, 1, 1, 0, 2))); // an operation an older version left running can be resumed
    }

    /// <summary>
    /// Another process holds the file's write lock longer than the connection waits (Microsoft.Data.Sqlite retries a busy
    /// statement until the command timeout, here 1 s): the store's write meets SQLITE_BUSY, tries again after a short pause,
    /// and succeeds once the lock is released; the caller never sees the error.
    /// </summary>
    [Fact]
    public async Task Write_FileBusyPastTheTimeout_IsRetried()
    {
        var path = _files.NewPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var storage = new SqliteStorage(
            new SqliteStorageOptions { ConnectionString = $"Data Source={path};Default Timeout=1", BusyTimeout = TimeSpan.FromMilliseconds(50) }, new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)));
        await storage.SyncRecords.AddAsync(Record("E0")); // the schema exists before the other process takes the lock

        await using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await other.OpenAsync();
            await using var transaction = other.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock
            var write = Task.Run(() => storage.SyncRecords.AddAsync(Record("E1")));
            await Task.Delay(1_500);
            Assert.False(write.IsCompleted);
            await transaction.CommitAsync();
            var (record, created) = await write;
            Assert.True(created);
            Assert.Equal("E1", record.EventId);
        }
    }

    /// <summary>By default the schema is brought up on first use, and the journal is WAL.</summary>
    [Fact]
    public async Task FirstUse_MigratesAndUsesWal()
    {
        var path = _files.NewPath();
        var storage = _files.NewStorage(path);

        await storage.SyncRecords.AddAsync(Record("E1"));

        Assert.Equal(SqliteStorage.LatestSchemaVersion, await storage.GetSchemaVersionAsync());
        Assert.Equal(["wal"], await Scalars<string>(path, "PRAGMA journal_mode"));
    }

    /// <summary>What one process wrote, the next one reads: nothing is lost across a restart.</summary>
    [Fact]
    public async Task Restart_ReadsWhatTheLastProcessWrote()
    {
        var path = _files.NewPath();
        var first = _files.NewStorage(path);
        var ids = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add((await first.SyncRecords.AddAsync(Record($"E{i}"))).Record.Id);
        }

        var (run, _) = await first.JobRuns.CreateRunAsync(new ScheduleRun
        {
            Id = Guid.NewGuid(), Client = Client, Schedule = "daily", RunDate = new LocalDate(2025, 4, 27), CreatedAt = Instant.FromUtc(2025, 4, 27, 0, 0),
            Jobs = [new JobRun { Index = 0, Name = "Billing", JobType = "billing", Status = BatchStatus.Running }],
        });
        SqliteConnection.ClearAllPools();

        var second = _files.NewStorage(path);
        var page = await second.SyncRecords.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.First(100).Value });
        Assert.Equal(ids.OrderDescending(), page.Items.Select(r => r.Id));
        var reread = await second.JobRuns.GetRunAsync(Client, run.Id);
        Assert.Equal(run.Jobs, reread!.Jobs);
        Assert.Equal(run with { Jobs = [] }, reread with { Jobs = [] });
        Assert.False((await second.SyncRecords.AddAsync(Record("E7"))).Created);
    }

    /// <summary>Options that cannot work are refused with a message naming the setting.</summary>
    [Fact]
    public void Constructor_BadOptions_NamesTheSetting()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0));

        var timeout = Assert.Throws<ArgumentException>(() => new SqliteStorage(new SqliteStorageOptions { BusyTimeout = TimeSpan.FromSeconds(-1) }, clock));
        var path = Assert.Throws<ArgumentException>(() => new SqliteStorage(new SqliteStorageOptions { Path = " " }, clock));

        Assert.Contains("AriaBilling:Sqlite:BusyTimeout", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("AriaBilling:Sqlite:Path", path.Message, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("Aria.Billing", "aria-billing.db"), SqliteStorageOptions.DefaultPath, StringComparison.Ordinal);
    }

    /// <summary>Many writers of one process at once: every write lands, none fails on a lock.</summary>
    [Fact]
    public async Task ConcurrentWriters_AllLand()
    {
        var storage = _files.NewStorage();

        var added = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => storage.SyncRecords.AddAsync(Record($"E{i % 200}")))));

        Assert.Equal(200, added.Count(a => a.Created));
        Assert.Equal(200, added.Select(a => a.Record.Id).Distinct().Count());
        Assert.Equal([new SyncSummaryRow("Account", "Create", 200)], await storage.SyncRecords.SummarizeAsync(Client, SyncDomain.Account));
    }

    /// <inheritdoc />
    public void Dispose() => _files.Dispose();

    private static async Task<List<T>> Scalars<T>(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
