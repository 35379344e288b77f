using NodaTime;
using Aria.Billing.Testing.Skipping;
using Xunit;
using Aria.Billing.Sync;

namespace Aria.Billing.Testing.Conformance;

/// <summary>The semantics every <see cref="ISyncOperationStore"/> shares, written once against the contract.</summary>
public abstract class SyncOperationStoreConformance
{
    private static readonly ClientNumber Client = new(1000);

    /// <summary>A new, empty store.</summary>
    protected abstract ISyncOperationStore CreateStore();

    /// <summary>Two running operations on overlapping scopes are refused; a finished one blocks nothing.</summary>
    [StoreFact]
    public async Task Operations_OverlappingScopesAreExclusive()
    {
        var store = CreateStore();
        var minute = 0;
        SyncOperation Op(SyncScope scope) => new()
        {
            Id = Guid.NewGuid(), Client = Client, Domain = SyncDomain.Account, Kind = SyncOperationKind.Reprocess, Scope = scope, RequestedBy = "ops",
            RequestedAt = Instant.FromUtc(2025, 4, 27, 0, 0).Plus(Duration.FromMinutes(minute++)),
        };

        var running = Op(SyncScope.Summary("Contact", "Create"));
        Assert.True(await store.TryStartOperationAsync(running));
        Assert.False(await store.TryStartOperationAsync(Op(SyncScope.All())));
        Assert.False(await store.TryStartOperationAsync(Op(SyncScope.ErrorSummary("Contact", "Create", "X", "X"))));
        Assert.True(await store.TryStartOperationAsync(Op(SyncScope.Summary("Account", "Create"))));

        Assert.Equal([running.Id], (await store.ListRunningOperationsAsync(Client, SyncDomain.Account)).Take(1).Select(o => o.Id));
        Assert.Equal(2, (await store.ListRunningOperationsAsync(Client, SyncDomain.Account)).Count);
        Assert.Empty(await store.ListRunningOperationsAsync(Client, SyncDomain.Catalog));
        var other = new ClientNumber(Client.Value + 1);
        Assert.True(await store.TryStartOperationAsync(Op(SyncScope.All()) with { Client = other, Domain = SyncDomain.Catalog }));
        var all = await store.ListAllRunningOperationsAsync();
        Assert.Equal(3, all.Count);
        Assert.Equal(all.OrderBy(o => o.RequestedAt).ThenBy(o => o.Id).Select(o => o.Id), all.Select(o => o.Id));
        Assert.Contains(all, o => o.Client == other && o.Domain == SyncDomain.Catalog);
        await store.SaveOperationAsync(all.Single(o => o.Client == other) with { State = SyncOperationState.Completed });
        await store.SaveOperationAsync(running with { State = SyncOperationState.Completed });
        Assert.Single(await store.ListRunningOperationsAsync(Client, SyncDomain.Account));
        Assert.True(await store.TryStartOperationAsync(Op(SyncScope.Summary("Contact", "Create"))));
        Assert.Equal(SyncOperationState.Completed, (await store.GetOperationAsync(Client, running.Id))!.State);
    }

    /// <summary>
    /// One runner at a time holds a running operation's lease: the holder renews it, another takes it only once it has
    /// expired, and nobody leases an operation that has ended or belongs to another client.
    /// </summary>
    [StoreFact]
    public async Task OperationLease_OneRunnerAtATime_UntilItExpires()
    {
        var store = CreateStore();
        var t0 = Instant.FromUtc(2025, 4, 27, 1, 0);
        var minute = Duration.FromMinutes(1);
        var operation = new SyncOperation
        {
            Id = Guid.NewGuid(), Client = Client, Domain = SyncDomain.Account, Kind = SyncOperationKind.Reprocess,
            Scope = SyncScope.All(), RequestedBy = "ops", RequestedAt = t0,
        };
        Assert.False(await store.TryLeaseOperationAsync(Client, operation.Id, "node-a", t0, t0 + minute)); // no such operation
        Assert.True(await store.TryStartOperationAsync(operation));

        Assert.True(await store.TryLeaseOperationAsync(Client, operation.Id, "node-a", t0, t0 + minute));
        Assert.False(await store.TryLeaseOperationAsync(Client, operation.Id, "node-b", t0 + Duration.FromSeconds(59), t0 + (minute * 2)));
        Assert.False(await store.TryLeaseOperationAsync(new ClientNumber(2000), operation.Id, "node-b", t0 + (minute * 5), t0 + (minute * 6)));
        Assert.True(await store.TryLeaseOperationAsync(Client, operation.Id, "node-a", t0 + Duration.FromSeconds(30), t0 + Duration.FromSeconds(90))); // renewed
        Assert.False(await store.TryLeaseOperationAsync(Client, operation.Id, "node-b", t0 + Duration.FromSeconds(80), t0 + minute * 3));
        Assert.True(await store.TryLeaseOperationAsync(Client, operation.Id, "node-b", t0 + Duration.FromSeconds(90), t0 + minute * 3)); // expired: taken over
        Assert.False(await store.TryLeaseOperationAsync(Client, operation.Id, "node-a", t0 + Duration.FromSeconds(91), t0 + minute * 3));

        await store.SaveOperationAsync(operation with { State = SyncOperationState.Completed, Processed = 3 });
        Assert.False(await store.TryLeaseOperationAsync(Client, operation.Id, "node-b", t0 + minute * 4, t0 + minute * 5));
        Assert.Equal(3L, (await store.GetOperationAsync(Client, operation.Id))!.Processed); // saving left the lease columns alone, and the lease left the counts
    }
}
