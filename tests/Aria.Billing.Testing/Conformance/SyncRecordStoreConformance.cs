using NodaTime;
using Aria.Billing.Testing.Skipping;
using Xunit;

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

    /// <summary>Two running operations on overlapping scopes are refused; a finished one blocks nothing.</summary>
    [StoreFact]
    public async Task Operations_OverlappingScopesAreExclusive()
    {
        var store = CreateStore();
        SyncOperation Op(SyncScope scope) => new()
        {
            Id = Guid.NewGuid(), Client = Client, Domain = SyncDomain.Account, Kind = SyncOperationKind.Reprocess, Scope = scope, RequestedBy = "ops",
            RequestedAt = Instant.FromUtc(2025, 4, 27, 0, 0),
        };

        var running = Op(SyncScope.Summary("Contact", "Create"));
        Assert.True(await store.TryStartOperationAsync(running));
        Assert.False(await store.TryStartOperationAsync(Op(SyncScope.All())));
        Assert.False(await store.TryStartOperationAsync(Op(SyncScope.ErrorSummary("Contact", "Create", "X", "X"))));
        Assert.True(await store.TryStartOperationAsync(Op(SyncScope.Summary("Account", "Create"))));

        await store.SaveOperationAsync(running with { State = SyncOperationState.Completed });
        Assert.True(await store.TryStartOperationAsync(Op(SyncScope.Summary("Contact", "Create"))));
        Assert.Equal(SyncOperationState.Completed, (await store.GetOperationAsync(Client, running.Id))!.State);
    }
}
