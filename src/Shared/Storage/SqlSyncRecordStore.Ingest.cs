namespace Aria.Billing.Storage;

/// <summary>The adds of the sync log: one message, a batch stored as given, and a batch processed before it is written.</summary>
internal sealed partial class SqlSyncRecordStore
{
    private const string InsertColumns = SyncRecordBulk.InsertColumns;

    private const string InsertValues = SyncRecordBulk.InsertValues;

    /// <summary>
    /// Inserts the record unless its event key is stored — holding the ingest gate of its client and domain (PostgreSQL:
    /// shared, taken within the statement), so it waits for a bulk ingest of theirs to end — else reads the stored record.
    /// </summary>
    public async Task<(SyncRecord Record, bool Created)> AddAsync(SyncRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var gate = await database.EnterIngestGatesAsync([(record.Client, record.Domain)], cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(async connection =>
        {
            var (idColumn, idValue) = database.NewSyncRecordId;
            await using var insert = connection.Command(
                $"INSERT INTO sync_record ({idColumn}{InsertColumns}, version) VALUES ({idValue}{InsertValues}, {database.GatedVersionOne}) " +
                $"ON CONFLICT (client, domain, event_id) DO NOTHING RETURNING {SyncRecordRows.Columns}")
                .With("client", record.Client.Value).With("domain", (int)record.Domain)
                .With("event_id", record.EventId).With("account_no", record.AccountNumber?.Value).WithFields(record);
            if (database.GatesInTransaction)
            {
                insert.With("gate", SqlDatabase.IngestGate(record.Client, record.Domain));
            }

            if (database.ReservedSyncRecordIds is { } reserved)
            {
                insert.With("reserved_ids", reserved);
            }

            if (await insert.FirstOrDefaultAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false) is { } created)
            {
                return (created, true);
            }

            return ((await ReadStoredAsync(connection, null, [record], cancellationToken).ConfigureAwait(false))[EventKey(record)], false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the batch in one transaction, holding the ingest gates of its clients and domains: the first message of
    /// each event key is inserted — in the order of those keys, so two batches that share event ids meet them in one order —
    /// unless it is stored already; the others are answered with the stored record.
    /// </summary>
    public async Task<IReadOnlyList<(SyncRecord Record, bool Created)>> AddManyAsync(IReadOnlyList<SyncRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return [];
        }

        var firsts = Firsts(records);
        using var gates = await database.EnterIngestGatesAsync(Gates(firsts), cancellationToken).ConfigureAwait(false);
        return await database.TransactionAsync<IReadOnlyList<(SyncRecord, bool)>>(async (connection, transaction) =>
        {
            await database.HoldIngestGatesAsync(connection, transaction, Gates(firsts), exclusive: false, cancellationToken).ConfigureAwait(false);
            var created = await database.InsertSyncRecordsAsync(connection, transaction, firsts, cancellationToken).ConfigureAwait(false);
            var fresh = created.Select(EventKey).ToHashSet();
            var stored = await ReadStoredAsync(connection, transaction, firsts.Where(r => !fresh.Contains(EventKey(r))), cancellationToken).ConfigureAwait(false);
            return Answer(records, stored, created);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bulk ingest, each new record written once: where the gates are held in the database (PostgreSQL), one write
    /// transaction holds the batch's clients and domains exclusively (advisory locks that single adds share), reads the
    /// stored event keys, takes ids, runs <paramref name="process"/> and writes the processed records (binary COPY); a
    /// transient error retries the transaction without running <paramref name="process"/> again on a record it processed.
    /// Elsewhere (SQLite) the gates are held in this process instead (<see cref="AddProcessedInProcessAsync"/>).
    /// </summary>
    public Task<IReadOnlyList<(SyncRecord Record, bool Created)>> AddManyAsync(
        IReadOnlyList<SyncRecord> records, Func<IReadOnlyList<SyncRecord>, CancellationToken, Task<IReadOnlyList<SyncRecord>>> process, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(process);
        if (records.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<(SyncRecord, bool)>>([]);
        }

        var firsts = Firsts(records);
        if (!database.GatesInTransaction)
        {
            return AddProcessedInProcessAsync(records, firsts, process, cancellationToken);
        }

        var processed = new Dictionary<(ClientNumber, SyncDomain, string), SyncRecord>();
        return database.TransactionAsync<IReadOnlyList<(SyncRecord, bool)>>(async (connection, transaction) =>
        {
            await database.HoldIngestGatesAsync(connection, transaction, Gates(firsts), exclusive: true, cancellationToken).ConfigureAwait(false);
            var stored = await ReadStoredAsync(connection, transaction, firsts, cancellationToken).ConfigureAwait(false);
            var fresh = firsts.Where(r => !stored.ContainsKey(EventKey(r))).ToList();
            var ids = await database.NextSyncRecordIdsAsync(connection, transaction, fresh.Count, cancellationToken).ConfigureAwait(false);
            var created = fresh.Select((r, i) => r with { Id = ids[i], Version = 1 }).ToList();
            var toProcess = created.Where(r => !processed.ContainsKey(EventKey(r))).ToList();
            if (toProcess.Count > 0)
            {
                foreach (var record in await ProcessAsync(process, toProcess, cancellationToken).ConfigureAwait(false))
                {
                    processed[EventKey(record)] = record;
                }
            }

            var final = created.Select(r => SyncRecordRows.AsStored(processed[EventKey(r)] with { Id = r.Id, Version = 2 })).ToList();
            await database.WriteNewSyncRecordsAsync(connection, transaction, final, cancellationToken).ConfigureAwait(false);
            return Answer(records, stored, final);
        }, cancellationToken);
    }

    /// <summary>
    /// The bulk ingest where one process writes the database (SQLite): the ingest gates of the batch's clients and domains
    /// held in this process — not the writer, so the handlers may write to the database — the stored event keys read, ids
    /// handed out ahead, <paramref name="process"/> run, and the processed records written once in one transaction.
    /// </summary>
    private async Task<IReadOnlyList<(SyncRecord, bool)>> AddProcessedInProcessAsync(
        IReadOnlyList<SyncRecord> records, List<SyncRecord> firsts, Func<IReadOnlyList<SyncRecord>, CancellationToken, Task<IReadOnlyList<SyncRecord>>> process, CancellationToken cancellationToken)
    {
        using var gates = await database.EnterIngestGatesAsync(Gates(firsts), cancellationToken).ConfigureAwait(false);
        var stored = await database.ReadAsync(connection => ReadStoredAsync(connection, null, firsts, cancellationToken), cancellationToken).ConfigureAwait(false);
        var fresh = firsts.Where(r => !stored.ContainsKey(EventKey(r))).ToList();
        if (fresh.Count == 0)
        {
            return Answer(records, stored, []);
        }

        var ids = await database.NextSyncRecordIdsAsync(null, null, fresh.Count, cancellationToken).ConfigureAwait(false);
        var created = fresh.Select((r, i) => r with { Id = ids[i], Version = 1 }).ToList();
        var final = (await ProcessAsync(process, created, cancellationToken).ConfigureAwait(false)).Select(r => SyncRecordRows.AsStored(r with { Version = 2 })).ToList();
        await database.TransactionAsync(async (connection, transaction) =>
        {
            await database.WriteNewSyncRecordsAsync(connection, transaction, final, cancellationToken).ConfigureAwait(false);
            return final.Count;
        }, cancellationToken).ConfigureAwait(false);
        return Answer(records, stored, final);
    }

    /// <summary>Runs the processing step and checks it returned each record it was given, in order, with its id and event key.</summary>
    private static async Task<IReadOnlyList<SyncRecord>> ProcessAsync(
        Func<IReadOnlyList<SyncRecord>, CancellationToken, Task<IReadOnlyList<SyncRecord>>> process, List<SyncRecord> given, CancellationToken cancellationToken)
    {
        var back = await process(given, cancellationToken).ConfigureAwait(false);
        return back is not null && back.Count == given.Count && !back.Where((r, i) => r is null || r.Id != given[i].Id || EventKey(r) != EventKey(given[i])).Any()
            ? back
            : throw new InvalidOperationException("The processing step of a bulk add must return each record it was given, in order, with its id and event key.");
    }

    /// <summary>The stored records of these event keys, by key.</summary>
    private async Task<Dictionary<(ClientNumber, SyncDomain, string), SyncRecord>> ReadStoredAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, IEnumerable<SyncRecord> records, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(ClientNumber, SyncDomain, string), SyncRecord>();
        foreach (var group in records.GroupBy(r => (r.Client, r.Domain)))
        {
            await using var existing = connection.Command(database.StoredEventsQuery, transaction).With("client", group.Key.Client.Value).With("domain", (int)group.Key.Domain);
            database.AddList<string>(existing, "events", group.Select(r => r.EventId).ToArray());
            foreach (var record in await existing.ListAsync(SyncRecordRows.Read, cancellationToken).ConfigureAwait(false))
            {
                stored[EventKey(record)] = record;
            }
        }

        return stored;
    }

    /// <summary>The first message of each event key, in the order of the keys.</summary>
    private static List<SyncRecord> Firsts(IReadOnlyList<SyncRecord> records) =>
        records.DistinctBy(EventKey).OrderBy(r => r.Client.Value).ThenBy(r => r.Domain).ThenBy(r => r.EventId, StringComparer.Ordinal).ToList();

    private static (ClientNumber, SyncDomain)[] Gates(List<SyncRecord> firsts) => [.. firsts.Select(r => (r.Client, r.Domain)).Distinct()];

    /// <summary>
    /// A result per message, in order: the record of its key — one <paramref name="created"/> now, else the one
    /// <paramref name="stored"/> before — and whether this call created it (for the first message of a key it created).
    /// </summary>
    private static IReadOnlyList<(SyncRecord, bool)> Answer(
        IReadOnlyList<SyncRecord> records, Dictionary<(ClientNumber, SyncDomain, string), SyncRecord> stored, IReadOnlyList<SyncRecord> created)
    {
        foreach (var record in created)
        {
            stored[EventKey(record)] = record;
        }

        var fresh = created.Select(EventKey).ToHashSet();
        return [.. records.Select(r => (stored[EventKey(r)], fresh.Remove(EventKey(r))))];
    }

    private static (ClientNumber, SyncDomain, string) EventKey(SyncRecord r) => (r.Client, r.Domain, r.EventId);
}
