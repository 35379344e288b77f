namespace Aria.Billing.Sync.Tests.Recovery;

// spec: billing-sync-reprocess.txt, "Reprocess" — a bulk reprocess a crash left running is finished by the background
// recovery, on whichever node looks once the crashed runner's lease has expired.
public sealed class SyncRecoveryTests
{
    private readonly SyncFixture _f = new(new SyncOptions { BatchSize = 2, RunnerId = "node-b" });

    [Fact]
    public async Task RunOnce_OperationLeftRunning_IsResumedAfterItsLease_AndEnds()
    {
        await _f.Add("Account", "Create", "ACCOUNT_IS_NOT_FOUND");
        await _f.Add("Account", "Create", "ACCOUNT_IS_NOT_FOUND");
        await _f.Add("Contact", "Create", "ACCOUNT_IS_NOT_FOUND", domain: SyncDomain.Catalog);
        _f.Handler.FirstOutcome.Clear(); // the cause is fixed: a reprocess now succeeds
        var account = (await _f.Reprocessor.StartAsync(SyncFixture.Client, SyncDomain.Account, SyncOperationKind.Reprocess, SyncScope.All(), "ops")).Value;
        var catalog = (await _f.Reprocessor.StartAsync(SyncFixture.Client, SyncDomain.Catalog, SyncOperationKind.Reprocess, SyncScope.All(), "ops")).Value;
        Assert.True(await _f.Operations.TryLeaseOperationAsync(SyncFixture.Client, account.Id, "crashed-node", _f.Clock.GetCurrentInstant(),
            _f.Clock.GetCurrentInstant() + Duration.FromMinutes(1)));
        var recovery = new SyncRecovery(_f.Operations, _f.Reprocessor);

        var whileLeased = await recovery.RunOnceAsync(default);
        _f.Clock.Advance(Duration.FromMinutes(2));
        var afterExpiry = await recovery.RunOnceAsync(default);

        Assert.Equal([catalog.Id], whileLeased.Select(o => o.Id)); // the crashed node's lease still holds the account operation
        Assert.Equal([account.Id], afterExpiry.Select(o => o.Id));
        Assert.All(whileLeased.Concat(afterExpiry), o => Assert.Equal(SyncOperationState.Completed, o.State));
        Assert.Empty(await _f.Operations.ListAllRunningOperationsAsync());
        Assert.Empty(await recovery.RunOnceAsync(default));
    }
}
