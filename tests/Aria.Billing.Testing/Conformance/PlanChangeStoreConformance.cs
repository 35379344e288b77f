using NodaTime;
using Aria.Billing.Testing.Skipping;
using Xunit;
using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Testing.Conformance;

/// <summary>
/// The semantics every <see cref="IPlanChangeStore"/> shares, written once against the contract; each provider runs it by
/// deriving a class that creates its store.
/// </summary>
public abstract class PlanChangeStoreConformance
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly AccountNumber Account = new(42);
    private static readonly Instant Now = Instant.FromUtc(2025, 2, 1, 12, 0);

    /// <summary>A new, empty store.</summary>
    protected abstract IPlanChangeStore CreateStore();

    private static PlanChange Change(long instance, int day, int queuedMinute = 0, ClientNumber? client = null) => new()
    {
        Id = Guid.NewGuid(), Client = client ?? Client, Account = Account, Instance = new PlanInstanceNumber(instance),
        Kind = PlanChangeKind.Units, Timing = PlanChangeTiming.Dated, EffectiveDate = new LocalDate(2025, 2, day),
        QueuedAt = Now.Plus(Duration.FromMinutes(queuedMinute)), QueuedBy = "csr",
    };

    /// <summary>Adding is idempotent on the id.</summary>
    [StoreFact]
    public async Task Add_SameIdTwice_KeepsTheFirst()
    {
        var store = CreateStore();
        var change = Change(10, 5);

        Assert.True(await store.AddAsync(change));
        Assert.False(await store.AddAsync(change with { EffectiveDate = new LocalDate(2025, 3, 1) }));

        var stored = await store.GetAsync(Client, change.Id);
        Assert.Equal((new LocalDate(2025, 2, 5), 1L), (stored!.EffectiveDate, stored.Version));
        Assert.Null(await store.GetAsync(new ClientNumber(2000), change.Id));
    }

    /// <summary>Listing filters by instance and state and orders by date, then queue time.</summary>
    [StoreFact]
    public async Task List_FiltersAndOrders()
    {
        var store = CreateStore();
        var late = Change(10, 9);
        var early = Change(11, 3, queuedMinute: 5);
        var tie = Change(10, 3, queuedMinute: 1);
        foreach (var c in new[] { late, early, tie })
        {
            await store.AddAsync(c);
        }

        await store.UpdateAsync(late with { State = PlanChangeState.Executed }, 1);

        Assert.Equal([tie.Id, early.Id, late.Id], (await store.ListAsync(new PlanChangeQuery(Client, Account))).Select(c => c.Id));
        Assert.Equal([tie.Id, early.Id], (await store.ListAsync(new PlanChangeQuery(Client, Account, null, PlanChangeState.Queued))).Select(c => c.Id));
        Assert.Equal([tie.Id, late.Id], (await store.ListAsync(new PlanChangeQuery(Client, Account, new PlanInstanceNumber(10)))).Select(c => c.Id));
    }

    /// <summary>Updates are compare-and-swap on the version.</summary>
    [StoreFact]
    public async Task Update_StaleVersion_ChangesNothing()
    {
        var store = CreateStore();
        var change = Change(10, 5);
        await store.AddAsync(change);

        var first = await store.UpdateAsync(change with { Units = 3 }, 1);
        var stale = await store.UpdateAsync(change with { Units = 4 }, 1);

        Assert.Equal(2, first!.Version);
        Assert.Null(stale);
        Assert.Equal(3, (await store.GetAsync(Client, change.Id))!.Units);
    }

    /// <summary>Claims take due, queued, unleased changes, in order, at most max, and never the same change twice.</summary>
    [StoreFact]
    public async Task Claim_IsExclusiveUntilTheLeaseEnds()
    {
        var store = CreateStore();
        var due = Enumerable.Range(1, 6).Select(i => Change(100 + i, i)).ToArray();
        foreach (var c in due)
        {
            await store.AddAsync(c);
        }

        await store.AddAsync(Change(200, 20));
        var asOf = new LocalDate(2025, 2, 10);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => store.ClaimDueAsync(Client, asOf, $"node-{n}", Now, Now.Plus(Duration.FromMinutes(5)), 2)));
        var ids = claims.SelectMany(c => c.Select(x => x.Id)).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(due.Select(c => c.Id).Order(), ids.Order());
        Assert.Empty(await store.ClaimDueAsync(Client, asOf, "node-x", Now, Now.Plus(Duration.FromMinutes(5)), 10));

        var later = Now.Plus(Duration.FromMinutes(6));
        var reclaimed = await store.ClaimDueAsync(Client, asOf, "node-x", later, later.Plus(Duration.FromMinutes(5)), 10);
        Assert.Equal(due.Select(c => c.Id), reclaimed.Select(c => c.Id));
        Assert.All(reclaimed, c => Assert.Equal("node-x", c.ClaimedBy));
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "If multiple queue requests exist for one plan or plan instance, they are
    // processed chronologically by effective date." A claim takes only the first queued change of each instance, so a later
    // change waits while an earlier one is queued: leased by another node, failed (its lease kept), or not yet claimed.
    [StoreFact]
    public async Task Claim_TakesOnlyTheFirstQueuedChangeOfEachInstance_UntilItIsClosed()
    {
        var store = CreateStore();
        var first = Change(10, 3);
        var second = Change(10, 5);
        var third = Change(10, 6);
        var other = Change(11, 4);
        foreach (var c in new[] { third, second, other, first })
        {
            await store.AddAsync(c);
        }

        var asOf = new LocalDate(2025, 2, 10);
        var lease = Now.Plus(Duration.FromMinutes(5));

        var claimed = await store.ClaimDueAsync(Client, asOf, "node-a", Now, lease, 10);
        Assert.Equal([first.Id, other.Id], claimed.Select(c => c.Id));
        Assert.Empty(await store.ClaimDueAsync(Client, asOf, "node-b", Now, lease, 10)); // node-a holds the first of 10

        // A failed attempt keeps its lease: the later changes of its instance still wait, and after the lease the same
        // first change is taken again, not the next one.
        var held = claimed[0];
        held = (await store.UpdateAsync(held with { Attempts = 1, LastError = "billing system unavailable" }, held.Version))!;
        Assert.Empty(await store.ClaimDueAsync(Client, asOf, "node-b", Now, lease, 10));
        var later = Now.Plus(Duration.FromMinutes(6));
        var retried = await store.ClaimDueAsync(Client, asOf, "node-b", later, later.Plus(Duration.FromMinutes(5)), 10);
        Assert.Equal([first.Id, other.Id], retried.Select(c => c.Id));

        // Executed: the next change of the instance is the first now.
        held = retried[0];
        await store.UpdateAsync(held with { State = PlanChangeState.Executed, ClaimedBy = null, ClaimExpiresAt = null }, held.Version);
        var next = await store.ClaimDueAsync(Client, asOf, "node-c", later, later.Plus(Duration.FromMinutes(5)), 10);
        Assert.Equal([second.Id], next.Select(c => c.Id));

        // Deleted: likewise.
        await store.UpdateAsync(next[0] with { State = PlanChangeState.Deleted, Reason = "by hand", ClaimedBy = null, ClaimExpiresAt = null }, next[0].Version);
        Assert.Equal([third.Id], (await store.ClaimDueAsync(Client, asOf, "node-d", later, later.Plus(Duration.FromMinutes(5)), 10)).Select(c => c.Id));
    }

    /// <summary>The first queued change of an instance not yet due holds the instance back whole; max counts the changes claimed.</summary>
    [StoreFact]
    public async Task Claim_FirstChangeNotDue_ClaimsNothingOfItsInstance_AndMaxCountsChanges()
    {
        var store = CreateStore();
        await store.AddAsync(Change(10, 20));
        var heads = Enumerable.Range(1, 5).Select(i => Change(20 + i, i)).ToArray();
        foreach (var c in heads)
        {
            await store.AddAsync(c);
            await store.AddAsync(Change(c.Instance.Value, c.EffectiveDate.Day + 1, queuedMinute: 1));
        }

        var claimed = await store.ClaimDueAsync(Client, new LocalDate(2025, 2, 10), "node-a", Now, Now.Plus(Duration.FromMinutes(5)), 3);

        Assert.Equal(heads.Take(3).Select(c => c.Id), claimed.Select(c => c.Id));
    }

    /// <summary>Concurrent claims never hand two nodes changes of the same instance, however the changes interleave by date.</summary>
    [StoreFact]
    public async Task Claim_Concurrent_NeverHandsTwoNodesChangesOfOneInstance()
    {
        var store = CreateStore();
        var changes = Enumerable.Range(0, 60).Select(i => Change(100 + (i % 20), 1 + (i % 9), queuedMinute: i)).ToArray();
        foreach (var c in changes)
        {
            await store.AddAsync(c);
        }

        var asOf = new LocalDate(2025, 2, 10);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(() =>
            store.ClaimDueAsync(Client, asOf, $"node-{n}", Now, Now.Plus(Duration.FromMinutes(5)), 7))));

        var all = claims.SelectMany(c => c).ToArray();
        Assert.Equal(all.Length, all.Select(c => c.Instance).Distinct().Count());
        var firsts = changes.GroupBy(c => c.Instance).Select(g => g.OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt).First().Id);
        Assert.Equal(20, all.Length);
        Assert.Equal(firsts.Order(), all.Select(c => c.Id).Order());
    }
}
