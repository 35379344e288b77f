namespace Aria.Billing.Sync.Tests.Log;

// spec: billing-sync-reprocess.txt — activity log, status values, filters, sorts, reprocess summary.
public sealed class SyncLogTests
{
    private static SyncSearch Search(SyncDomain domain = SyncDomain.Account) => new() { Client = SyncFixture.Client, Domain = domain };

    private static async Task<IReadOnlyList<SyncRecord>> Find(SyncFixture f, SyncSearch search) => (await f.Log.SearchAsync(search)).Value.Items;

    [Fact]
    public async Task Ingest_SameEventTwice_IsOneRecordProcessedOnce()
    {
        var f = new SyncFixture();
        var first = await f.Add("Account", "Create", "ACCOUNT_IS_NOT_FOUND", account: 7);

        var again = await f.Log.IngestAsync(first with { Id = 0, Status = SyncStatus.Pending });

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(SyncStatus.Error, again.Status);
        Assert.Single(f.Handler.Calls);
        Assert.Equal("ACCOUNT_IS_NOT_FOUND", Assert.Single(again.Attempts).ErrorCode);
        Assert.Equal("ingest", again.Attempts[0].Kind);
    }

    [Fact]
    public async Task Search_DefaultIsNewestFirst_AndHidesDiscardedUnlessAskedFor()
    {
        var f = new SyncFixture();
        var a = await f.Add("Account", "Create");
        var b = await f.Add("Account", "Update", "ACCOUNT_IS_NOT_FOUND");
        var c = await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND");
        await f.Reprocessor.DiscardAsync(SyncFixture.Client, SyncDomain.Account, SyncScope.Record(c.Id), "ops");

        Assert.Equal([b.Id, a.Id], (await Find(f, Search())).Select(r => r.Id));
        Assert.Equal([c.Id], (await Find(f, Search() with { Status = SyncStatus.Discarded })).Select(r => r.Id));
    }

    [Fact]
    public async Task Search_EveryExactFilter()
    {
        var f = new SyncFixture();
        var target = await f.Add("Plan Instance", "Create", "ACCOUNT_IS_NOT_FOUND", account: 42, objectType: 40, action: "create_plan_instance");
        await f.Add("Plan Instance", "Create", "SUBSCRIPTION_IS_NOT_FOUND", account: 43, objectType: 40);
        await f.Add("Account", "Create", account: 42, objectType: 10);

        Assert.Equal([target.Id], (await Find(f, Search() with { AriaSyncId = target.AriaSyncId })).Select(r => r.Id));
        Assert.Equal([target.Id], (await Find(f, Search() with { EventId = target.EventId })).Select(r => r.Id));
        Assert.Equal([target.Id], (await Find(f, Search() with { Action = "create_plan_instance" })).Select(r => r.Id));
        Assert.Equal([target.Id], (await Find(f, Search() with { ErrorCode = "ACCOUNT_IS_NOT_FOUND" })).Select(r => r.Id));
        Assert.Equal(2, (await Find(f, Search() with { ObjectType = 40 })).Count);
        Assert.Equal(2, (await Find(f, Search() with { AccountNumber = new AccountNumber(42) })).Count);
        Assert.Equal(2, (await Find(f, Search() with { Status = SyncStatus.Error })).Count);
        Assert.Single(await Find(f, Search() with { Status = SyncStatus.Complete }));
        Assert.Empty(await Find(f, Search() with { ErrorCode = "account_is_not_found" })); // exact, not partial or case-folded
        Assert.Empty(await Find(f, Search(SyncDomain.Catalog)));
    }

    [Theory]
    [InlineData("plan inst", 2)]
    [InlineData("PLAN", 3)]
    [InlineData("50%", 1)]
    [InlineData("%", 1)]
    [InlineData("_", 1)]
    [InlineData("\\", 1)]
    [InlineData("a_c", 0)]
    public async Task Search_PartialObjectName_IsCaseInsensitiveAndTakesWildcardsLiterally(string part, int expected)
    {
        var f = new SyncFixture();
        await f.Add("Plan Instance", "Create");
        await f.Add("Plan Instance", "Update");
        await f.Add("Plan 50% off_promo\\x", "Create");
        await f.Add("Account", "Create");

        Assert.Equal(expected, (await Find(f, Search() with { ObjectNameContains = part })).Count);
    }

    [Fact]
    public async Task Search_PartialActionName_IsCaseInsensitive()
    {
        var f = new SyncFixture();
        await f.Add("Account", "Create");
        await f.Add("Account", "Update");

        Assert.Single(await Find(f, Search() with { ActionNameContains = "UPD" }));
    }

    [Theory]
    [InlineData(SyncSortField.Id, false, new[] { "Contact", "Account", "Plan" })]
    [InlineData(SyncSortField.Id, true, new[] { "Plan", "Account", "Contact" })]
    [InlineData(SyncSortField.ObjectName, false, new[] { "Account", "Contact", "Plan" })]
    [InlineData(SyncSortField.ObjectName, true, new[] { "Plan", "Contact", "Account" })]
    [InlineData(SyncSortField.ActionName, false, new[] { "Account", "Plan", "Contact" })]
    [InlineData(SyncSortField.ActionName, true, new[] { "Contact", "Plan", "Account" })]
    [InlineData(SyncSortField.Status, false, new[] { "Account", "Plan", "Contact" })]
    [InlineData(SyncSortField.Status, true, new[] { "Contact", "Plan", "Account" })]
    public async Task Search_EverySortInBothDirections(SyncSortField sort, bool descending, string[] objects)
    {
        var f = new SyncFixture();
        await f.Add("Contact", "Update", "ACCOUNT_IS_NOT_FOUND"); // Error
        await f.Add("Account", "Create");                          // Complete
        await f.Add("Plan", "Delete");                             // Complete

        var found = await Find(f, Search() with { SortBy = sort, Descending = descending });

        Assert.Equal(objects, found.Select(r => r.ObjectName));
    }

    [Fact]
    public async Task Search_PagesWithContinuation()
    {
        var f = new SyncFixture();
        for (var i = 0; i < 7; i++)
        {
            await f.Add("Account", "Create");
        }

        var first = (await f.Log.SearchAsync(Search() with { Page = PageRequest.First(3).Value })).Value;
        var second = (await f.Log.SearchAsync(Search() with { Page = PageRequest.After(first.ContinuationToken!, 3).Value })).Value;
        var third = (await f.Log.SearchAsync(Search() with { Page = PageRequest.After(second.ContinuationToken!, 3).Value })).Value;

        Assert.Equal(7, first.TotalCount);
        Assert.Equal([7L, 6, 5, 4, 3, 2, 1], first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.Id));
        Assert.False(third.HasMore);
        Assert.True((await f.Log.SearchAsync(Search() with { Page = PageRequest.After("garbage").Value })).IsFailure);
    }

    [Fact]
    public async Task Summary_ThreeLevels_CountOnlyErrors_AndTheAccountFilterNarrowsEachLevel()
    {
        var f = new SyncFixture();
        await f.Add("Plan Instance", "Create", "ACCOUNT_IS_NOT_FOUND", account: 1);
        await f.Add("Plan Instance", "Create", "ACCOUNT_IS_NOT_FOUND", account: 2);
        await f.Add("Plan Instance", "Create", "SUBSCRIPTION_IS_NOT_FOUND", account: 1);
        await f.Add("Plan Instance", "Create", account: 1);            // complete: not counted
        await f.Add("Contact", "Update", "ACCOUNT_IS_NOT_FOUND", account: 2);

        var summary = await f.Log.SummaryAsync(SyncFixture.Client, SyncDomain.Account);
        Assert.Equal([new SyncSummaryRow("Contact", "Update", 1), new SyncSummaryRow("Plan Instance", "Create", 3)], summary);

        var errors = await f.Log.ErrorSummaryAsync(SyncFixture.Client, SyncDomain.Account, "Plan Instance", "Create");
        Assert.Equal(
            [
                new SyncErrorSummaryRow("Plan Instance", "Create", "ACCOUNT_IS_NOT_FOUND", "ACCOUNT_IS_NOT_FOUND for Plan Instance", 2),
                new SyncErrorSummaryRow("Plan Instance", "Create", "SUBSCRIPTION_IS_NOT_FOUND", "SUBSCRIPTION_IS_NOT_FOUND for Plan Instance", 1),
            ],
            errors);
        Assert.Equal(2, (await f.Log.ErrorRecordsAsync(SyncFixture.Client, SyncDomain.Account, errors[0])).Count);

        var one = new AccountNumber(1);
        Assert.Equal([new SyncSummaryRow("Plan Instance", "Create", 2)], await f.Log.SummaryAsync(SyncFixture.Client, SyncDomain.Account, one));
        var narrowed = await f.Log.ErrorSummaryAsync(SyncFixture.Client, SyncDomain.Account, "Plan Instance", "Create", one);
        Assert.All(narrowed, r => Assert.Equal(1, r.Count));
        Assert.Single(await f.Log.ErrorRecordsAsync(SyncFixture.Client, SyncDomain.Account, errors[0], one));
    }

    [Fact]
    public async Task Get_UnknownId_IsSyncEventIsNotFound()
    {
        var f = new SyncFixture();

        Assert.True((await f.Log.GetAsync(SyncFixture.Client, 99)).HasError(AriaErrorCode.Symbolic("SYNC_EVENT_IS_NOT_FOUND")));
    }

    [Fact]
    public async Task Ingest_UnmappedObjectType_FailsWithProcessNotDefined()
    {
        var f = new SyncFixture();
        var log = new SyncLog(f.Store, new SyncHandlerMap(), f.Clock);

        var record = await log.IngestAsync(new SyncRecord
        {
            Client = SyncFixture.Client, Domain = SyncDomain.Catalog, EventId = "X1", EventTime = f.Clock.GetCurrentInstant(), ObjectType = 77, ObjectName = "Widget", ActionName = "Create",
        });

        Assert.Equal(SyncErrorCodes.ProcessNotDefinedForGatewayObjectType.Value, record.ErrorCode);
        Assert.NotNull(SyncErrorCatalog.Find(record.ErrorCode));
    }
}
