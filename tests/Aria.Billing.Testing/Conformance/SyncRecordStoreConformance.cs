using NodaTime;
using Aria.Billing.Testing.Skipping;
using Xunit;
using Aria.Billing.Sync;

namespace Aria.Billing.Testing.Conformance;

/// <summary>The semantics every <see cref="ISyncRecordStore"/> shares, written once against the contract.</summary>
public abstract class SyncRecordStoreConformance
{
    private static readonly ClientNumber Client = new(1000);

    /// <summary>A new, empty store.</summary>
    protected abstract ISyncRecordStore CreateStore();

    private static SyncRecord Record(string eventId, string objectName, SyncStatus status = SyncStatus.Error, string? code = "ACCOUNT_IS_NOT_FOUND", long? account = null, SyncDomain domain = SyncDomain.Account) => new()
    {
        Client = Client, Domain = domain, EventId = eventId, EventTime = Instant.FromUtc(2025, 4, 27, 0, 0), ObjectName = objectName, ActionName = "Create",
        Status = status, ErrorCode = status == SyncStatus.Error ? code : null, ErrorMessage = status == SyncStatus.Error ? code : null,
        AccountNumber = account is { } a ? new AccountNumber(a) : null,
    };

    /// <summary>Adding is idempotent on (client, domain, event id); ids increase.</summary>
    [StoreFact]
    public async Task Add_IsIdempotentOnTheEventId()
    {
        var store = CreateStore();

        var (first, created) = await store.AddAsync(Record("E1", "Account"));
        var (again, createdAgain) = await store.AddAsync(Record("E1", "Contact"));
        var (other, _) = await store.AddAsync(Record("E1", "Account", domain: SyncDomain.Catalog));
        var (second, _) = await store.AddAsync(Record("E2", "Account"));

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal((first.Id, "Account"), (again.Id, again.ObjectName));
        Assert.NotEqual(first.Id, other.Id);
        Assert.True(second.Id > first.Id);
    }

    /// <summary>
    /// A batch is added at once: each new event id is created, an event id stored before or earlier in the batch is answered
    /// with the stored record, results come in the order given, and the summary counts the new ERROR records.
    /// </summary>
    [StoreFact]
    public async Task AddMany_IsIdempotentPerEventAndAnswersInOrder()
    {
        var store = CreateStore();
        var (before, _) = await store.AddAsync(Record("E1", "Account"));

        var results = await store.AddManyAsync([Record("E2", "Contact"), Record("E1", "Contact"), Record("E3", "Account", SyncStatus.Complete), Record("E2", "Plan")]);

        Assert.Equal([("E2", true), ("E1", false), ("E3", true), ("E2", false)], results.Select(r => (r.Record.EventId, r.Created)));
        Assert.Equal(before, results[1].Record);
        Assert.Equal(results[0].Record, results[3].Record);
        Assert.Equal("Contact", results[3].Record.ObjectName);
        Assert.Equal(1, results[0].Record.Version);
        Assert.Equal(3, results.Select(r => r.Record.Id).Distinct().Count());
        Assert.Equal([new SyncSummaryRow("Account", "Create", 1), new SyncSummaryRow("Contact", "Create", 1)], await store.SummarizeAsync(Client, SyncDomain.Account));
        Assert.Empty(await store.AddManyAsync([]));
    }

    /// <summary>
    /// A bulk add with processing hands only the new event keys to its processing step (ids assigned, version 1) and stores
    /// each as returned, once, at version 2: stored and repeated keys are answered with the stored record, results come in
    /// the order given, what it answers is what a read finds, and the summary counts the processed outcome, not the message.
    /// </summary>
    [StoreFact]
    public async Task AddManyProcessed_StoresEachNewRecordOnceAsProcessed_AndAnswersInOrder()
    {
        // spec: billing-sync-reprocess.txt (a message is logged once per event id, with the outcome of its processing)
        var store = CreateStore();
        var (before, _) = await store.AddAsync(Record("E1", "Account"));
        var given = new List<SyncRecord>();
        var at = Instant.FromUtc(2025, 4, 28, 1, 2, 3) + Duration.FromNanoseconds(150); // below a tick: the answer is still what a read finds

        var results = await store.AddManyAsync(
            [Record("E2", "Contact", SyncStatus.Pending), Record("E1", "Contact"), Record("E3", "Plan", SyncStatus.Pending), Record("E2", "Plan")],
            (records, _) =>
            {
                given.AddRange(records);
                return Task.FromResult<IReadOnlyList<SyncRecord>>([.. records.Select(r => r.EventId == "E2"
                    ? r with { Status = SyncStatus.Complete, ErrorCode = null, ErrorMessage = null, Attempts = [new SyncAttempt(at, "ingest", SyncStatus.Complete, null, null, "ingest")] }
                    : r with { Status = SyncStatus.Error, ErrorCode = "USAGE_TYPE_NOT_FOUND", ErrorMessage = "No such usage type.", PendingSince = at })]);
            });

        Assert.Equal(["E2", "E3"], given.Select(r => r.EventId).Order());
        Assert.All(given, r => Assert.Equal((SyncStatus.Pending, 1L), (r.Status, r.Version)));
        Assert.Equal(2, given.Select(r => r.Id).Where(id => id > before.Id).Distinct().Count());
        Assert.Equal([("E2", true), ("E1", false), ("E3", true), ("E2", false)], results.Select(r => (r.Record.EventId, r.Created)));
        Assert.Equal(before, results[1].Record);
        Assert.Same(results[0].Record, results[3].Record);
        Assert.Equal((SyncStatus.Complete, 2L, "Contact"), (results[0].Record.Status, results[0].Record.Version, results[0].Record.ObjectName));
        Assert.Equal("ingest", Assert.Single(results[0].Record.Attempts).Kind);
        Assert.Equal(SyncStatus.Error, results[2].Record.Status);
        foreach (var (record, _) in results)
        {
            var read = await store.GetAsync(Client, record.Id);
            Assert.Equal(record with { Attempts = [] }, read! with { Attempts = [] });
            Assert.Equal(record.Attempts, read.Attempts);
        }

        Assert.Equal([new SyncSummaryRow("Account", "Create", 1), new SyncSummaryRow("Plan", "Create", 1)], await store.SummarizeAsync(Client, SyncDomain.Account));
        Assert.Equal([("USAGE_TYPE_NOT_FOUND", 1L)], (await store.SummarizeErrorsAsync(Client, SyncDomain.Account, "Plan", "Create")).Select(r => (r.ErrorCode!, r.Count)));
        var none = 0;
        Assert.All(await store.AddManyAsync([Record("E3", "Plan")], (r, _) => { none++; return Task.FromResult(r); }), r => Assert.False(r.Created));
        Assert.Equal(0, none);
    }

    /// <summary>A bulk add with processing is all or nothing: a failing or misbehaving processing step stores none of the batch.</summary>
    [StoreFact]
    public async Task AddManyProcessed_AProcessingStepThatFailsOrMisbehaves_StoresNothing()
    {
        var store = CreateStore();
        await store.AddAsync(Record("E0", "Account"));

        await Assert.ThrowsAsync<TimeoutException>(() => store.AddManyAsync([Record("E1", "Account"), Record("E2", "Account")], (_, _) => throw new TimeoutException()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddManyAsync([Record("E1", "Account"), Record("E2", "Account")],
            (r, _) => Task.FromResult<IReadOnlyList<SyncRecord>>([r[0]])));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddManyAsync([Record("E1", "Account"), Record("E2", "Account")],
            (r, _) => Task.FromResult<IReadOnlyList<SyncRecord>>([r[0], r[1] with { EventId = "E9" }])));

        var all = await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account });
        Assert.Equal(["E0"], all.Items.Select(r => r.EventId));
        Assert.Equal([new SyncSummaryRow("Account", "Create", 1)], await store.SummarizeAsync(Client, SyncDomain.Account));
        Assert.True((await store.AddManyAsync([Record("E1", "Account")], (r, _) => Task.FromResult(r))).Single().Created);
    }

    /// <summary>
    /// The processing step of a bulk add may write to the store (a handler recording what it did on another record): the
    /// bulk add does not hold the store's writes while it processes (on SQLite it used to hold the one writer, and such a
    /// handler waited for itself for ever).
    /// </summary>
    [StoreFact]
    public async Task AddManyProcessed_TheProcessingStepMayWriteOtherRecords()
    {
        var store = CreateStore();
        var (other, _) = await store.AddAsync(Record("E0", "Account"));

        var adding = store.AddManyAsync([Record("E1", "Account"), Record("E2", "Account")], async (records, ct) =>
        {
            Assert.NotNull(await store.UpdateAsync(other with { ErrorMessage = "seen by the handler" }, other.Version, ct));
            return records;
        });
        var results = await adding.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal("seen by the handler", (await store.GetAsync(Client, other.Id))!.ErrorMessage);
    }

    /// <summary>
    /// Bulk adds with processing, plain bulk adds and single adds of overlapping event ids, all at once: each event id is
    /// created exactly once and, when a processing bulk add created it, processed exactly once — no add slips in while a
    /// batch is being processed (issue 19: the bulk ingest writes each message once without handling one twice).
    /// </summary>
    [StoreFact]
    public async Task AddManyProcessed_ConcurrentWithOtherAdds_EachEventCreatedOnceAndProcessedOnce()
    {
        var store = CreateStore();
        var processedCounts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var events = Enumerable.Range(0, 60).Select(i => $"C{i:D2}").ToArray();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = events.Where((_, i) => (i + w) % 3 != 0).OrderBy(e => (e[1] * 7 + e[2] * 13) * (w + 1) % 23).ToList();
            var created = new List<string>();
            if (w % 3 == 2)
            {
                foreach (var e in mine.Take(15))
                {
                    if ((await store.AddAsync(Record(e, "Account"))).Created)
                    {
                        created.Add(e);
                    }
                }

                return created;
            }

            foreach (var chunk in mine.Chunk(9))
            {
                var results = w % 3 == 0
                    ? await store.AddManyAsync([.. chunk.Select(e => Record(e, "Account"))], async (records, _) =>
                    {
                        await Task.Delay(2);
                        foreach (var r in records)
                        {
                            processedCounts.AddOrUpdate(r.EventId, 1, (_, n) => n + 1);
                        }

                        return [.. records.Select(r => r with { Status = SyncStatus.Complete, ErrorCode = null, ErrorMessage = null })];
                    })
                    : await store.AddManyAsync([.. chunk.Select(e => Record(e, "Account"))]);
                created.AddRange(results.Where(r => r.Created).Select(r => r.Record.EventId));
            }

            return created;
        })).ToList();

        var createdBy = (await Task.WhenAll(writers)).SelectMany(c => c).ToList();

        Assert.Equal(createdBy.Count, createdBy.Distinct().Count());
        Assert.All(processedCounts, p => Assert.Equal(1, p.Value));
        var all = new List<SyncRecord>();
        for (var page = await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.First(100).Value }); ; )
        {
            all.AddRange(page.Items);
            if (page.ContinuationToken is null)
            {
                break;
            }

            page = await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.After(page.ContinuationToken, 100).Value });
        }

        Assert.Equal(createdBy.Order(), all.Select(r => r.EventId).Order());
        Assert.Equal(processedCounts.Keys.Order(), all.Where(r => r.Status == SyncStatus.Complete).Select(r => r.EventId).Order());
        Assert.Equal(all.Count(r => r.Status == SyncStatus.Error), (await store.SummarizeAsync(Client, SyncDomain.Account)).Sum(r => r.Count));
    }

    /// <summary>Updates in bulk are compare-and-swap one by one: a moved version leaves that record alone, the others are written.</summary>
    [StoreFact]
    public async Task UpdateMany_ComparesEachVersion()
    {
        var store = CreateStore();
        var added = await store.AddManyAsync([Record("E1", "Account"), Record("E2", "Account"), Record("E3", "Account")]);
        var (a, b, c) = (added[0].Record, added[1].Record, added[2].Record);
        var moved = (await store.UpdateAsync(b with { ErrorMessage = "moved" }, b.Version))!;

        var results = await store.UpdateManyAsync([(c with { Status = SyncStatus.Complete, ErrorCode = null, ErrorMessage = null }, c.Version), (a with { ErrorCode = "OTHER" }, a.Version), (b with { Status = SyncStatus.Complete }, b.Version)]);

        Assert.Equal((SyncStatus.Complete, c.Version + 1), (results[0]!.Status, results[0]!.Version));
        Assert.Equal("OTHER", results[1]!.ErrorCode);
        Assert.Null(results[2]);
        Assert.Equal(moved, await store.GetAsync(Client, b.Id));
        Assert.Equal([("ACCOUNT_IS_NOT_FOUND", 1L), ("OTHER", 1L)], (await store.SummarizeErrorsAsync(Client, SyncDomain.Account, "Account", "Create")).Select(r => (r.ErrorCode!, r.Count)).Order());
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateManyAsync([(a, a.Version), (a, a.Version)]));
    }

    /// <summary>Search hides DISCARDED unless asked, treats partial names literally, and pages without gaps or repeats.</summary>
    [StoreFact]
    public async Task Search_FiltersSortsAndPages()
    {
        var store = CreateStore();
        for (var i = 0; i < 12; i++)
        {
            await store.AddAsync(Record($"E{i}", i % 2 == 0 ? "Plan 50%_off" : "Plan Instance", i % 3 == 0 ? SyncStatus.Complete : SyncStatus.Error));
        }

        var (discard, _) = await store.AddAsync(Record("D", "Plan Instance"));
        await store.UpdateAsync(discard with { Status = SyncStatus.Discarded }, discard.Version);

        var all = new List<SyncRecord>();
        for (var page = await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.First(5).Value }); ;)
        {
            all.AddRange(page.Items);
            if (page.ContinuationToken is null)
            {
                break;
            }

            page = await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.After(page.ContinuationToken, 5).Value });
        }

        Assert.Equal(12, all.Count);
        Assert.Equal(all.Select(r => r.Id).OrderDescending(), all.Select(r => r.Id));
        Assert.Single((await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, Status = SyncStatus.Discarded })).Items);
        Assert.Equal(6, (await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, ObjectNameContains = "0%_O" })).Items.Count);
        Assert.Empty((await store.SearchAsync(new SyncSearch { Client = Client, Domain = SyncDomain.Account, ObjectNameContains = "0_%" })).Items);
    }

    /// <summary>Summaries count ERROR records only, narrowed by account at every level.</summary>
    [StoreFact]
    public async Task Summaries_CountErrorsOnly()
    {
        var store = CreateStore();
        await store.AddAsync(Record("E1", "Contact", account: 1));
        await store.AddAsync(Record("E2", "Contact", account: 2));
        await store.AddAsync(Record("E3", "Contact", code: "SUBSCRIPTION_IS_NOT_FOUND", account: 1));
        await store.AddAsync(Record("E4", "Contact", SyncStatus.Complete, account: 1));

        Assert.Equal([new SyncSummaryRow("Contact", "Create", 3)], await store.SummarizeAsync(Client, SyncDomain.Account));
        Assert.Equal([new SyncSummaryRow("Contact", "Create", 2)], await store.SummarizeAsync(Client, SyncDomain.Account, new AccountNumber(1)));
        var errors = await store.SummarizeErrorsAsync(Client, SyncDomain.Account, "Contact", "Create");
        Assert.Equal([("ACCOUNT_IS_NOT_FOUND", 2L), ("SUBSCRIPTION_IS_NOT_FOUND", 1L)], errors.Select(e => (e.ErrorCode!, e.Count)));
        Assert.Empty(await store.SummarizeAsync(Client, SyncDomain.Catalog));
    }

    /// <summary>
    /// Errors over time: ERROR records only, of the domain and client, by (object, action, period) with each period's start
    /// inclusive and its end exclusive; outside the boundaries nothing is counted; unequal periods (a 23-hour day) are kept.
    /// </summary>
    [StoreFact]
    public async Task CountErrorsByPeriod_CountsErrorRecordsPerObjectActionAndPeriod()
    {
        // spec: billing-sync-reprocess.txt (only ERROR records count)
        var store = CreateStore();
        var b = new[] { Instant.FromUtc(2025, 3, 29, 23, 0), Instant.FromUtc(2025, 3, 30, 22, 0), Instant.FromUtc(2025, 3, 31, 22, 0) }; // Paris days, one of 23 hours
        async Task Add(string id, Instant at, string objectName = "Contact", SyncStatus status = SyncStatus.Error, SyncDomain domain = SyncDomain.Account) =>
            await store.AddAsync(Record(id, objectName, status, domain: domain) with { EventTime = at });
        await Add("P0a", b[0]);                                    // first period, its start
        await Add("P0b", b[1] - Duration.FromTicks(1));            // first period, its last tick
        await Add("P1a", b[1]);                                    // second period, its start
        await Add("P1b", b[1] + Duration.FromHours(3), "Plan");
        await Add("P1c", b[1] + Duration.FromHours(4), status: SyncStatus.Complete);
        await Add("P1d", b[1] + Duration.FromHours(5), domain: SyncDomain.Catalog);
        await Add("Out1", b[0] - Duration.FromTicks(1));
        await Add("Out2", b[2]);

        var rows = await store.CountErrorsByPeriodAsync(Client, SyncDomain.Account, b);

        Assert.Equal([new SyncErrorPeriodRow("Contact", "Create", 0, 2), new SyncErrorPeriodRow("Contact", "Create", 1, 1), new SyncErrorPeriodRow("Plan", "Create", 1, 1)], rows);
        Assert.Equal([new SyncErrorPeriodRow("Contact", "Create", 0, 2)], await store.CountErrorsByPeriodAsync(Client, SyncDomain.Account, [b[0], b[1]]));
        Assert.Empty(await store.CountErrorsByPeriodAsync(new ClientNumber(2000), SyncDomain.Account, b));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CountErrorsByPeriodAsync(Client, SyncDomain.Account, [b[1], b[0]]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CountErrorsByPeriodAsync(Client, SyncDomain.Account, [b[0]]));
    }

    /// <summary>Error listing is keyset-paged by id within a scope; updates are compare-and-swap.</summary>
    [StoreFact]
    public async Task ListErrors_AndUpdate()
    {
        var store = CreateStore();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await store.AddAsync(Record($"E{i}", i < 5 ? "Contact" : "Account"))).Record.Id);
        }

        var first = await store.ListErrorsAsync(Client, SyncDomain.Account, SyncScope.Summary("Contact", "Create"), 0, 3);
        var next = await store.ListErrorsAsync(Client, SyncDomain.Account, SyncScope.Summary("Contact", "Create"), first[^1].Id, 3);
        Assert.Equal(ids.Take(5), first.Concat(next).Select(r => r.Id));

        var record = first[0];
        Assert.NotNull(await store.UpdateAsync(record with { Status = SyncStatus.Complete }, record.Version));
        Assert.Null(await store.UpdateAsync(record with { Status = SyncStatus.Discarded }, record.Version));
        Assert.Equal(4, (await store.ListErrorsAsync(Client, SyncDomain.Account, SyncScope.Summary("Contact", "Create"), 0, 100)).Count);
    }

    /// <summary>
    /// At every scope level, error listing takes exactly the ERROR records of the client and domain that the scope contains
    /// (<see cref="SyncScope.Contains"/>), by id, and pages on after an id: the SQL listing and the C# plan agree.
    /// </summary>
    [StoreFact]
    public async Task ListErrors_EveryScopeLevel_TakesWhatTheScopeContains()
    {
        var store = CreateStore();
        var batch = Instant.FromUtc(2025, 4, 27, 10, 0);
        var other = batch.Plus(Duration.FromHours(1));
        var stored = new List<SyncRecord>();
        var n = 0;
        async Task Add(SyncRecord record) => stored.Add((await store.AddAsync(record with { EventId = $"E{n++}" })).Record);
        foreach (var objectName in new[] { "Contact", "Account" })
        {
            foreach (var code in new[] { "ACCOUNT_IS_NOT_FOUND", "SUBSCRIPTION_IS_NOT_FOUND", null })
            {
                foreach (long? account in new long?[] { 1, 2, null })
                {
                    await Add(Record("", objectName, code: code, account: account));
                    await Add(Record("", objectName, code: code, account: account) with { ActionName = "Update" });
                }
            }

            await Add(Record("", objectName, code: "SUBSCRIPTION_IS_NOT_FOUND") with { ErrorMessage = "Subscription is not found" });
            await Add(Record("", objectName, code: null, account: 1) with { ErrorMessage = "No code" });
            await Add(Record("", objectName, SyncStatus.Complete, account: 1));
            await Add(Record("", objectName, domain: SyncDomain.Catalog, account: 1));
            await Add(Record("", objectName, account: 1) with { Client = new ClientNumber(2000) });
        }

        foreach (var (start, code, status) in new[] { (batch, "A", SyncStatus.Error), (batch, (string?)null, SyncStatus.Error), (batch, "A", SyncStatus.Complete), (other, "A", SyncStatus.Error) })
        {
            await Add(Record("", "Usage", status, code, domain: SyncDomain.AggregatedUsage) with { BatchStart = start, BatchEnd = start.Plus(Duration.FromMinutes(15)) });
        }

        var error = stored.First(r => r.Status == SyncStatus.Error && r.Client == Client && r.Domain == SyncDomain.Account);
        var complete = stored.First(r => r.Status == SyncStatus.Complete);
        var scopes = new (SyncDomain Domain, SyncScope Scope)[]
        {
            (SyncDomain.Account, SyncScope.All()),
            (SyncDomain.Account, SyncScope.All(new AccountNumber(1))),
            (SyncDomain.Account, SyncScope.Summary("Contact", "Create")),
            (SyncDomain.Account, SyncScope.Summary("Contact", "Update", new AccountNumber(2))),
            (SyncDomain.Account, SyncScope.ErrorSummary("Account", "Create", "SUBSCRIPTION_IS_NOT_FOUND", "SUBSCRIPTION_IS_NOT_FOUND")),
            (SyncDomain.Account, SyncScope.ErrorSummary("Account", "Create", null, null, new AccountNumber(1))),
            (SyncDomain.Account, SyncScope.Record(error.Id)),
            (SyncDomain.Account, SyncScope.Record(complete.Id)),
            (SyncDomain.Catalog, SyncScope.Record(error.Id)),
            (SyncDomain.AggregatedUsage, SyncScope.Batch(batch)),
            (SyncDomain.AggregatedUsage, SyncScope.BatchErrorSummary(batch, "A")),
            (SyncDomain.AggregatedUsage, SyncScope.BatchErrorSummary(batch, null)),
        };

        foreach (var (domain, scope) in scopes)
        {
            var expected = stored.Where(r => r.Client == Client && r.Domain == domain && r.Status == SyncStatus.Error && scope.Contains(r)).Select(r => r.Id).ToArray();

            var listed = await store.ListErrorsAsync(Client, domain, scope, 0, 100);
            var rest = expected.Length == 0 ? [] : await store.ListErrorsAsync(Client, domain, scope, expected[0], 100);

            Assert.Equal(expected, listed.Select(r => r.Id));
            Assert.Equal(expected.Skip(1), rest.Select(r => r.Id));
        }
    }

    /// <summary>Discard takes only ERROR records of the client and domain that no reprocess holds, once, keeping the history.</summary>
    [StoreFact]
    public async Task Discard_TakesOnlyFreeErrorRecords()
    {
        var store = CreateStore();
        var error = (await store.AddAsync(Record("E1", "Contact"))).Record;
        var complete = (await store.AddAsync(Record("E2", "Contact", SyncStatus.Complete))).Record;
        var held = (await store.AddAsync(Record("E3", "Contact"))).Record;
        var catalog = (await store.AddAsync(Record("E4", "Contact", domain: SyncDomain.Catalog))).Record;
        await store.UpdateAsync(held with { InFlightOperation = Guid.NewGuid() }, held.Version);
        var attempt = new SyncAttempt(Instant.FromUtc(2025, 4, 28, 0, 0), "discard", SyncStatus.Discarded, null, null, "ops");

        var discarded = await store.DiscardAsync(Client, SyncDomain.Account, [error.Id, complete.Id, held.Id, catalog.Id, 999_999], attempt);

        Assert.Equal([error.Id], discarded);
        var stored = await store.GetAsync(Client, error.Id);
        Assert.Equal((SyncStatus.Discarded, error.Version + 1), (stored!.Status, stored.Version));
        Assert.Equal([attempt], stored.Attempts);
        Assert.Equal(SyncStatus.Complete, (await store.GetAsync(Client, complete.Id))!.Status);
        Assert.Equal(SyncStatus.Error, (await store.GetAsync(Client, catalog.Id))!.Status);
        Assert.Empty(await store.DiscardAsync(Client, SyncDomain.Account, [error.Id], attempt));
        Assert.DoesNotContain(error.Id, (await store.ListErrorsAsync(Client, SyncDomain.Account, SyncScope.All(), 0, 100)).Select(r => r.Id));
        Assert.Equal([new SyncSummaryRow("Contact", "Create", 1)], await store.SummarizeAsync(Client, SyncDomain.Account));
    }

    /// <summary>
    /// Marking in flight takes only ERROR records of the client and domain held by the named holder, once, and returns them
    /// as stored; releasing (operation null) frees them for a discard.
    /// </summary>
    [StoreFact]
    public async Task MarkInFlight_TakesOnlyErrorRecordsOfTheHolder_AndReleases()
    {
        var store = CreateStore();
        var free = (await store.AddAsync(Record("E1", "Contact"))).Record;
        var complete = (await store.AddAsync(Record("E2", "Contact", SyncStatus.Complete))).Record;
        var held = (await store.AddAsync(Record("E3", "Contact"))).Record;
        var catalog = (await store.AddAsync(Record("E4", "Contact", domain: SyncDomain.Catalog))).Record;
        var free2 = (await store.AddAsync(Record("E5", "Account"))).Record;
        var other = Guid.NewGuid();
        var mine = Guid.NewGuid();
        await store.UpdateAsync(held with { InFlightOperation = other }, held.Version);

        var marked = await store.MarkInFlightAsync(Client, SyncDomain.Account, [free2.Id, free.Id, complete.Id, held.Id, catalog.Id, 999_999], null, mine);

        Assert.Equal([(free.Id, free.Version + 1, mine), (free2.Id, free2.Version + 1, mine)], marked.Select(r => (r.Id, r.Version, r.InFlightOperation!.Value)));
        Assert.Equal("E1", marked[0].EventId);
        Assert.Equal(mine, (await store.GetAsync(Client, free.Id))!.InFlightOperation);
        Assert.Empty(await store.MarkInFlightAsync(Client, SyncDomain.Account, [free.Id], null, Guid.NewGuid())); // held now
        Assert.Null((await store.GetAsync(Client, catalog.Id))!.InFlightOperation);
        Assert.Empty(await store.DiscardAsync(Client, SyncDomain.Account, [free.Id], new SyncAttempt(Instant.FromUtc(2025, 4, 28, 0, 0), "discard", SyncStatus.Discarded, null, null, "ops")));

        var taken = await store.MarkInFlightAsync(Client, SyncDomain.Account, [held.Id], other, mine); // from a holder no longer running
        var released = await store.MarkInFlightAsync(Client, SyncDomain.Account, [free.Id, free2.Id, held.Id], mine, null);

        Assert.Equal([held.Id], taken.Select(r => r.Id));
        Assert.Equal([free.Id, held.Id, free2.Id], released.Select(r => r.Id));
        Assert.All(released, r => Assert.Null(r.InFlightOperation));
        Assert.Equal(3, (await store.DiscardAsync(Client, SyncDomain.Account, [free.Id, free2.Id, held.Id], new SyncAttempt(Instant.FromUtc(2025, 4, 28, 0, 0), "discard", SyncStatus.Discarded, null, null, "ops"))).Count);
    }

    /// <summary>Sorted by name or status, pages follow one order without gaps or repeats; a token that is not one is refused.</summary>
    [StoreFact]
    public async Task Search_SortedPagesAreContiguous()
    {
        var store = CreateStore();
        string[] names = ["beta", "Alpha", "gamma", "alpha", "Beta", "delta"];
        SyncStatus[] statuses = [SyncStatus.Error, SyncStatus.Complete, SyncStatus.Pending, SyncStatus.Ignored, SyncStatus.Error];
        for (var i = 0; i < 23; i++)
        {
            await store.AddAsync(Record($"E{i}", names[i % names.Length], statuses[i % statuses.Length]));
        }

        foreach (var (sort, descending) in new[] { (SyncSortField.ObjectName, false), (SyncSortField.ObjectName, true), (SyncSortField.Status, false), (SyncSortField.Id, false) })
        {
            var search = new SyncSearch { Client = Client, Domain = SyncDomain.Account, SortBy = sort, Descending = descending };
            var whole = (await store.SearchAsync(search with { Page = PageRequest.First(100).Value })).Items;
            var paged = new List<SyncRecord>();
            for (var page = await store.SearchAsync(search with { Page = PageRequest.First(4).Value }); ; )
            {
                paged.AddRange(page.Items);
                if (page.ContinuationToken is not { } token)
                {
                    break;
                }

                page = await store.SearchAsync(search with { Page = PageRequest.After(token, 4).Value });
            }

            Assert.Equal(23, whole.Count);
            Assert.Equal(whole.Select(r => r.Id), paged.Select(r => r.Id));
            var keys = whole.Select(r => sort switch
            {
                SyncSortField.ObjectName => r.ObjectName.ToUpperInvariant(),
                SyncSortField.Status => r.Status.ToString(),
                _ => r.Id.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
            }).ToArray();
            Assert.Equal(descending ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal), keys);
        }

        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(
            new SyncSearch { Client = Client, Domain = SyncDomain.Account, Page = PageRequest.After("not a token", 4).Value }));
    }

    /// <summary>Usage batches: only incomplete ones, oldest first, with counts and the error/pending breakdown.</summary>
    [StoreFact]
    public async Task SummarizeBatches_CountsIncompleteBatches()
    {
        var store = CreateStore();
        var first = Instant.FromUtc(2025, 4, 27, 10, 0);
        var second = first.Plus(Duration.FromHours(1));
        var third = first.Plus(Duration.FromDays(2));
        SyncRecord Usage(string id, Instant batch, SyncStatus status, string? code = null) => Record(id, "Usage", status, code, domain: SyncDomain.AggregatedUsage) with
        {
            BatchStart = batch, BatchEnd = batch.Plus(Duration.FromMinutes(15)),
        };

        await store.AddAsync(Usage("U1", first, SyncStatus.Complete));
        await store.AddAsync(Usage("U2", first, SyncStatus.Error, "PLAN_RATE_SCHEDULE_NOT_FOUND"));
        await store.AddAsync(Usage("U3", first, SyncStatus.Error, "PLAN_RATE_SCHEDULE_NOT_FOUND"));
        await store.AddAsync(Usage("U4", first, SyncStatus.Pending));
        await store.AddAsync(Usage("U5", second, SyncStatus.Complete));
        await store.AddAsync(Usage("U6", third, SyncStatus.Error, "BILLABLE_SERVICE_NOT_FOUND"));
        await store.AddAsync(Usage("U7", first, SyncStatus.Discarded, "PLAN_RATE_SCHEDULE_NOT_FOUND")); // counts nowhere, as in UsageBatcher

        var batches = await store.SummarizeBatchesAsync(new UsageBatchFilter(Client));

        Assert.Equal([first, third], batches.Select(b => b.Start));
        var batch = batches[0];
        Assert.Equal((first.Plus(Duration.FromMinutes(15)), 4, 1, 2, 1), (batch.End, batch.Total, batch.Completed, batch.Errored, batch.Pending));
        Assert.Equal(
            [new UsageBatchDetail("PLAN_RATE_SCHEDULE_NOT_FOUND", "PLAN_RATE_SCHEDULE_NOT_FOUND", SyncStatus.Error, 2), new UsageBatchDetail(null, null, SyncStatus.Pending, 1)],
            batch.Details);
        Assert.Equal([third], (await store.SummarizeBatchesAsync(new UsageBatchFilter(Client, StartDate: new LocalDate(2025, 4, 28)))).Select(b => b.Start));
        Assert.Equal([first], (await store.SummarizeBatchesAsync(new UsageBatchFilter(Client, Status: SyncStatus.Pending))).Select(b => b.Start));
        // The dates are days of the client's zone: Apr 27 10:00 UTC is already Apr 28 at UTC+14.
        var kiritimati = DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"];
        Assert.Equal([first, third], (await store.SummarizeBatchesAsync(new UsageBatchFilter(Client, StartDate: new LocalDate(2025, 4, 28), Zone: kiritimati))).Select(b => b.Start));
    }

    /// <summary>
    /// The records search filters by aggregated usage batch (its start), together with error code and status, as the spec's
    /// drill-down finds the records of one error code and status of a batch.
    /// </summary>
    // spec: billing-sync-reprocess.txt, "View Incomplete Batch Details" (Aggregated batch, Error Code and Status filters)
    [StoreFact]
    public async Task Search_ByBatch_TakesOnlyThatBatchsRecords()
    {
        var store = CreateStore();
        var first = Instant.FromUtc(2025, 4, 27, 10, 0);
        var second = first.Plus(Duration.FromHours(1));
        SyncRecord Usage(string id, Instant batch, SyncStatus status, string? code = null) => Record(id, "Usage", status, code, domain: SyncDomain.AggregatedUsage) with
        {
            BatchStart = batch, BatchEnd = batch.Plus(Duration.FromHours(1)),
        };

        await store.AddAsync(Usage("B1", first, SyncStatus.Error, "PLAN_RATE_SCHEDULE_NOT_FOUND"));
        await store.AddAsync(Usage("B2", first, SyncStatus.Pending));
        await store.AddAsync(Usage("B3", first, SyncStatus.Error, "BILLABLE_SERVICE_NOT_FOUND"));
        await store.AddAsync(Usage("B4", second, SyncStatus.Error, "PLAN_RATE_SCHEDULE_NOT_FOUND"));
        await store.AddAsync(Record("B5", "Usage", SyncStatus.Error, "PLAN_RATE_SCHEDULE_NOT_FOUND", domain: SyncDomain.AggregatedUsage)); // no batch

        async Task<string[]> Find(SyncSearch search) =>
            [.. (await store.SearchAsync(search with { Page = PageRequest.First(50).Value })).Items.Select(r => r.EventId).Order(StringComparer.Ordinal)];
        var all = new SyncSearch { Client = Client, Domain = SyncDomain.AggregatedUsage };

        Assert.Equal(["B1", "B2", "B3"], await Find(all with { BatchStart = first }));
        Assert.Equal(["B4"], await Find(all with { BatchStart = second }));
        Assert.Equal(["B1"], await Find(all with { BatchStart = first, ErrorCode = "PLAN_RATE_SCHEDULE_NOT_FOUND", Status = SyncStatus.Error }));
        Assert.Equal(["B2"], await Find(all with { BatchStart = first, Status = SyncStatus.Pending }));
        Assert.Empty(await Find(all with { BatchStart = first.Plus(Duration.FromMinutes(1)) }));
        Assert.Equal(["B1", "B2", "B3", "B4", "B5"], await Find(all));
    }

    /// <summary>
    /// A claim takes the PENDING records, of any client and domain, whose time is older than the lease or unknown, lowest id
    /// first and at most <c>max</c>; it starts their lease again and moves their version, so neither a second claim nor an
    /// update with the version read before the claim takes them.
    /// </summary>
    [StoreFact]
    public async Task ClaimStalePending_TakesStaleRecordsOnce_UntilTheirLeasePassesAgain()
    {
        var store = CreateStore();
        var t0 = Instant.FromUtc(2025, 4, 27, 0, 0);
        var lease = Duration.FromMinutes(5);
        var (old, _) = await store.AddAsync(Record("P1", "Account", SyncStatus.Pending) with { PendingSince = t0 });
        var (legacy, _) = await store.AddAsync(Record("P2", "Account", SyncStatus.Pending)); // no time: stored before it was kept
        var (fresh, _) = await store.AddAsync(Record("P3", "Account", SyncStatus.Pending) with { PendingSince = t0 + Duration.FromMinutes(4) });
        await store.AddAsync(Record("C1", "Account", SyncStatus.Complete) with { PendingSince = t0 });
        await store.AddAsync(Record("X1", "Account", SyncStatus.Error) with { PendingSince = t0 });
        var (catalog, _) = await store.AddAsync(Record("P4", "Plan", SyncStatus.Pending, domain: SyncDomain.Catalog) with { PendingSince = t0 });
        var now = t0 + Duration.FromMinutes(8);

        var one = await store.ClaimStalePendingAsync(now - lease, now, 1);
        var rest = await store.ClaimStalePendingAsync(now - lease, now, 10);
        var none = await store.ClaimStalePendingAsync(now - lease, now, 10);

        Assert.Equal([old.Id], one.Select(r => r.Id));
        Assert.Equal([legacy.Id, catalog.Id], rest.Select(r => r.Id));
        Assert.Empty(none);
        Assert.All(one.Concat(rest), r => Assert.Equal((SyncStatus.Pending, now), (r.Status, r.PendingSince)));
        Assert.Equal(old.Version + 1, one[0].Version);
        Assert.Equal(now, (await store.GetAsync(Client, old.Id))!.PendingSince);
        Assert.Null(await store.UpdateAsync(old with { Status = SyncStatus.Complete }, old.Version));
        Assert.Equal(SyncStatus.Complete, (await store.UpdateAsync(one[0] with { Status = SyncStatus.Complete }, one[0].Version))!.Status);
        var later = now + Duration.FromMinutes(6);
        Assert.Equal([legacy.Id, fresh.Id, catalog.Id], (await store.ClaimStalePendingAsync(later - lease, later, 10)).Select(r => r.Id));
    }

    /// <summary>Claims running at the same time (several nodes) never take one record twice, and together take them all.</summary>
    [StoreFact]
    public async Task ClaimStalePending_Concurrently_NeverTakesARecordTwice()
    {
        var store = CreateStore();
        for (var i = 0; i < 40; i++)
        {
            await store.AddAsync(Record($"P{i}", "Account", SyncStatus.Pending));
        }

        var now = Instant.FromUtc(2025, 4, 27, 1, 0);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var ids = new List<long>();
            while (await store.ClaimStalePendingAsync(now, now, 3) is { Count: > 0 } claimed)
            {
                ids.AddRange(claimed.Select(r => r.Id));
            }

            return ids;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    /// <summary>
    /// Hostile error codes and messages from a handler (NUL, 10 KB, emoji, CJK, unpaired surrogates) are stored as the Sync
    /// package made them storable — NUL removed, unpaired surrogates as U+FFFD, cut to the documented UTF-8 maximum with the
    /// marker — and read back, summarized and kept in the history identically on every store.
    /// </summary>
    [StoreFact]
    public async Task HostileErrorTexts_RoundTripNormalisedAndBounded()
    {
        var store = CreateStore();
        const string marker = SyncOutcome.TruncationMarker;
        var cases = new (string Code, string Message, string StoredCode, string StoredMessage)[]
        {
            ("NUL\0CODE", "before\0after", "NULCODE", "beforeafter"),
            ("LONG_" + new string('X', 10_000), new string('m', 10_000), "LONG_" + new string('X', 200 - 14 - 5) + marker, new string('m', 2000 - 14) + marker),
            ("EMOJI", string.Concat(Enumerable.Repeat("\U0001F600", 2_500)), "EMOJI", string.Concat(Enumerable.Repeat("\U0001F600", (2000 - 14) / 4)) + marker),
            ("CJK", new string('\u6F22', 5_000), "CJK", new string('\u6F22', (2000 - 14) / 3) + marker),
            ("LONE\uD800", "high \uD800 low \uDC00 pair \U0001F600 end", "LONE\uFFFD", "high \uFFFD low \uFFFD pair \U0001F600 end"),
        };
        var log = new SyncLog(store, new FixedOutcomes(cases.Select(c => SyncOutcome.Error(c.Code, c.Message)).ToArray()), new Aria.Billing.Testing.FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)));

        for (var i = 0; i < cases.Length; i++)
        {
            var ingested = await log.IngestAsync(Record($"H{i}", "Account", SyncStatus.Pending, code: null));
            var stored = (await store.GetAsync(Client, ingested.Id))!;

            Assert.Equal((SyncStatus.Error, cases[i].StoredCode, cases[i].StoredMessage), (stored.Status, stored.ErrorCode, stored.ErrorMessage));
            Assert.Equal((cases[i].StoredCode, cases[i].StoredMessage), (stored.Attempts[^1].ErrorCode, stored.Attempts[^1].ErrorMessage));
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(stored.ErrorMessage!) <= SyncOutcome.ErrorMessageMaxBytes);
        }

        var rows = await store.SummarizeErrorsAsync(Client, SyncDomain.Account, "Account", "Create");
        Assert.Equal(cases.Select(c => (c.StoredCode, c.StoredMessage)).Order(), rows.Select(r => (r.ErrorCode!, r.ErrorMessage!)).Order());
    }

    private sealed class FixedOutcomes(IReadOnlyList<SyncOutcome> outcomes) : ISyncRecordHandler
    {
        private int _next;

        public ValueTask<SyncOutcome> HandleAsync(SyncRecord record, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(outcomes[_next++]);
    }
}
