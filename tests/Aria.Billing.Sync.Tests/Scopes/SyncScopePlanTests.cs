namespace Aria.Billing.Sync.Tests.Scopes;

// spec: billing-sync-reprocess.txt — reprocessing takes prerequisites first; the counts of every summary level.
public sealed class SyncScopePlanTests
{
    private static readonly ClientNumber Client = SyncFixture.Client;

    private static SyncOperation Operation(SyncScope scope, SyncOperationKind kind = SyncOperationKind.Reprocess) => new()
    {
        Id = Guid.NewGuid(), Client = Client, Domain = SyncDomain.Account, Kind = kind, Scope = scope, RequestedBy = "ops",
        RequestedAt = NodaTime.Instant.FromUtc(2025, 4, 27, 0, 0),
    };

    [Fact]
    public async Task UnitsAsync_ReprocessAll_PrerequisitesFirst_CreateBeforeOtherActions_UnlistedLast()
    {
        var f = new SyncFixture();
        foreach (var (objectName, action) in new[] { ("Zebra", "Create"), ("Plan Instance", "Create"), ("Account", "Update"), ("Account", "Create"), ("Usage Type", "Delete") })
        {
            await f.Add(objectName, action, "ACCOUNT_IS_NOT_FOUND");
        }

        var plan = new SyncScopePlan(f.Store, new SyncOptions());

        var reprocess = await plan.UnitsAsync(Operation(SyncScope.All()), CancellationToken.None);
        var discard = await plan.UnitsAsync(Operation(SyncScope.All(), SyncOperationKind.Discard), CancellationToken.None);

        Assert.Equal(
            [("Usage Type", "Delete"), ("Account", "Create"), ("Account", "Update"), ("Plan Instance", "Create"), ("Zebra", "Create")],
            reprocess.Select(u => (u.ObjectName!, u.ActionName!)));
        Assert.All(reprocess, u => Assert.Equal(SyncScopeLevel.Summary, u.Level));
        Assert.Equal(
            [("Account", "Create"), ("Account", "Update"), ("Plan Instance", "Create"), ("Usage Type", "Delete"), ("Zebra", "Create")],
            discard.Select(u => (u.ObjectName!, u.ActionName!)));
    }

    [Fact]
    public async Task UnitsAsync_NarrowScopes_AreOneUnit_AndASummaryRowKeepsItsAccount()
    {
        var f = new SyncFixture();
        await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", account: 7);
        await f.Add("Contact", "Update", "ACCOUNT_IS_NOT_FOUND", account: 7);
        var plan = new SyncScopePlan(f.Store, new SyncOptions());
        var errorRow = SyncScope.ErrorSummary("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", "ACCOUNT_IS_NOT_FOUND for Contact");

        Assert.Equal([errorRow], await plan.UnitsAsync(Operation(errorRow), CancellationToken.None));
        Assert.Equal([SyncScope.Record(1)], await plan.UnitsAsync(Operation(SyncScope.Record(1)), CancellationToken.None));
        Assert.Equal(
            [SyncScope.Summary("Contact", "Create", new AccountNumber(7))],
            await plan.UnitsAsync(Operation(SyncScope.Summary("Contact", "Create", new AccountNumber(7))), CancellationToken.None));
    }

    [Fact]
    public async Task CountAsync_CountsTheErrorRecordsOfEachLevel()
    {
        var f = new SyncFixture();
        await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", account: 1);
        await f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", account: 2);
        await f.Add("Contact", "Create", "SUBSCRIPTION_IS_NOT_FOUND", account: 1);
        await f.Add("Contact", "Update", "ACCOUNT_IS_NOT_FOUND", account: 1);
        await f.Add("Contact", "Create", account: 1); // COMPLETE
        var plan = new SyncScopePlan(f.Store, new SyncOptions());

        async Task<long> Count(SyncScope scope) => await plan.CountAsync(Operation(scope), CancellationToken.None);

        Assert.Equal(4L, await Count(SyncScope.All()));
        Assert.Equal(3L, await Count(SyncScope.All(new AccountNumber(1))));
        Assert.Equal(3L, await Count(SyncScope.Summary("Contact", "Create")));
        Assert.Equal(2L, await Count(SyncScope.ErrorSummary("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", "ACCOUNT_IS_NOT_FOUND for Contact")));
        Assert.Equal(1L, await Count(SyncScope.Record(1)));
    }

    [Fact]
    public void Rank_FollowsTheDependencyOrder_IgnoringCase()
    {
        var plan = new SyncScopePlan(new InMemorySyncRecordStore(), new SyncOptions { DependencyOrder = ["Account", "Plan"] });

        Assert.Equal(0, plan.Rank("account", "Create"));
        Assert.Equal(1, plan.Rank("Account", "Update"));
        Assert.Equal(2, plan.Rank("PLAN", "create plan"));
        Assert.Equal(4, plan.Rank("Contact", "Create"));
    }
}
