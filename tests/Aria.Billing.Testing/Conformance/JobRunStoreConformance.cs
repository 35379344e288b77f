using NodaTime;
using Aria.Billing.Testing.Skipping;
using Xunit;
using Aria.Billing.Jobs;

namespace Aria.Billing.Testing.Conformance;

/// <summary>The semantics every <see cref="IJobRunStore"/> shares, written once against the contract.</summary>
public abstract class JobRunStoreConformance
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly Instant Now = Instant.FromUtc(2025, 4, 27, 1, 0);

    /// <summary>A new, empty store.</summary>
    protected abstract IJobRunStore CreateStore();

    private static ScheduleRun Run(LocalDate date, string schedule = "daily") => new()
    {
        Id = Guid.NewGuid(), Client = Client, Schedule = schedule, RunDate = date, CreatedAt = Now,
        Jobs = [new JobRun { Index = 0, Name = "Billing", JobType = "billing" }],
    };

    /// <summary>One run per client, schedule and date.</summary>
    [StoreFact]
    public async Task CreateRun_IsIdempotentPerScheduleAndDate()
    {
        var store = CreateStore();
        var day = new LocalDate(2025, 4, 27);

        var (first, created) = await store.CreateRunAsync(Run(day));
        var (again, createdAgain) = await store.CreateRunAsync(Run(day));
        var (other, _) = await store.CreateRunAsync(Run(day, "month-end"));

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Null(await store.UpdateRunAsync(first with { Status = BatchStatus.Ok }, 99));
        Assert.Equal(BatchStatus.Ok, (await store.UpdateRunAsync(first with { Status = BatchStatus.Ok }, first.Version))!.Status);
    }

    /// <summary>Items are idempotent on their key; claims are exclusive under a lease; completion needs the live lease.</summary>
    [StoreFact]
    public async Task WorkItems_ClaimLeaseComplete()
    {
        var store = CreateStore();
        var (run, _) = await store.CreateRunAsync(Run(new LocalDate(2025, 4, 27)));
        Assert.Equal(4, await store.AddWorkItemsAsync(run.Id, 0, ["a", "b", "c", "d"]));
        Assert.Equal(1, await store.AddWorkItemsAsync(run.Id, 0, ["a", "e"]));

        var lease = Now.Plus(Duration.FromMinutes(5));
        var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(n => store.ClaimWorkItemsAsync(run.Id, 0, $"w{n}", Now, lease, 2)));
        var taken = claims.SelectMany(c => c).ToArray();
        Assert.Equal(5, taken.Length);
        Assert.Equal(5, taken.Select(i => i.Id).Distinct().Count());

        var item = claims.First(c => c.Count > 0)[0];
        Assert.False(await store.CompleteWorkItemAsync(item.Id, "someone-else", Now, null));
        Assert.True(await store.CompleteWorkItemAsync(item.Id, item.LeaseOwner!, Now, null));
        Assert.False(await store.CompleteWorkItemAsync(item.Id, item.LeaseOwner!, Now, null));

        var expired = Now.Plus(Duration.FromMinutes(6));
        var reclaimed = await store.ClaimWorkItemsAsync(run.Id, 0, "w9", expired, expired.Plus(Duration.FromMinutes(5)), 10);
        Assert.Equal(4, reclaimed.Count);
        Assert.All(reclaimed, i => Assert.Equal(2, i.Attempts));
        Assert.False(await store.CompleteWorkItemAsync(reclaimed[0].Id, "w0", expired, null)); // the old lease no longer counts
    }

    /// <summary>The items of a run's earlier jobs are counted per run: later jobs and other runs do not count.</summary>
    [StoreFact]
    public async Task CountWorkItemsBefore_CountsOnlyTheRunsEarlierJobs()
    {
        var store = CreateStore();
        var (run, _) = await store.CreateRunAsync(Run(new LocalDate(2025, 4, 27)));
        var (other, _) = await store.CreateRunAsync(Run(new LocalDate(2025, 4, 28)));
        await store.AddWorkItemsAsync(run.Id, 0, ["a", "b", "c"]);
        await store.AddWorkItemsAsync(run.Id, 1, ["d", "e"]);
        await store.AddWorkItemsAsync(run.Id, 2, ["f"]);
        await store.AddWorkItemsAsync(other.Id, 0, ["a", "b", "c", "d"]);

        var counts = new List<long>();
        foreach (var job in new[] { 0, 1, 2, 3, 9 })
        {
            counts.Add(await store.CountWorkItemsBeforeAsync(run.Id, job));
        }

        Assert.Equal([0L, 3L, 5L, 6L, 6L], counts);
        Assert.Equal(0L, await store.CountWorkItemsBeforeAsync(Guid.NewGuid(), 5));
    }

    /// <summary>Heartbeats extend only the caller's live leases; failed items go back to pending with their error kept.</summary>
    [StoreFact]
    public async Task Heartbeat_AndRetryFailed()
    {
        var store = CreateStore();
        var (run, _) = await store.CreateRunAsync(Run(new LocalDate(2025, 4, 27)));
        await store.AddWorkItemsAsync(run.Id, 0, ["a", "b"]);
        var claimed = await store.ClaimWorkItemsAsync(run.Id, 0, "w1", Now, Now.Plus(Duration.FromMinutes(5)), 2);

        var held = await store.HeartbeatAsync(claimed.Select(i => i.Id).ToArray(), "w1", Now.Plus(Duration.FromMinutes(4)), Now.Plus(Duration.FromMinutes(9)));
        Assert.Equal(2, held.Count);
        Assert.Empty(await store.HeartbeatAsync(claimed.Select(i => i.Id).ToArray(), "w2", Now, Now.Plus(Duration.FromMinutes(9))));
        Assert.Empty(await store.ClaimWorkItemsAsync(run.Id, 0, "w2", Now.Plus(Duration.FromMinutes(7)), Now.Plus(Duration.FromMinutes(12)), 2));

        Assert.True(await store.CompleteWorkItemAsync(claimed[0].Id, "w1", Now.Plus(Duration.FromMinutes(8)), "no contact"));
        Assert.Equal(1, await store.RetryFailedWorkItemsAsync(run.Id, 0));
        var retried = (await store.ListWorkItemsAsync(run.Id, 0)).Single(i => i.Id == claimed[0].Id);
        Assert.Equal((WorkItemState.Pending, (string?)null), (retried.State, retried.Error));
        Assert.Equal(["no contact"], retried.History);
    }

    /// <summary>
    /// A heartbeat that ends the caller's leases now gives the items back (an interrupted worker): any claim from that
    /// instant takes them, counting the attempt; it does not touch another owner's lease.
    /// </summary>
    [StoreFact]
    public async Task Heartbeat_ToNow_GivesTheItemsBack()
    {
        var store = CreateStore();
        var (run, _) = await store.CreateRunAsync(Run(new LocalDate(2025, 4, 27)));
        await store.AddWorkItemsAsync(run.Id, 0, ["a", "b", "c"]);
        var claimed = await store.ClaimWorkItemsAsync(run.Id, 0, "w1", Now, Now.Plus(Duration.FromMinutes(5)), 2);
        var other = await store.ClaimWorkItemsAsync(run.Id, 0, "w2", Now, Now.Plus(Duration.FromMinutes(5)), 1);
        var at = Now.Plus(Duration.FromMinutes(1));

        var given = await store.HeartbeatAsync([.. claimed.Select(i => i.Id), other[0].Id], "w1", at, at);

        Assert.Equal(claimed.Select(i => i.Id), given);
        Assert.False(await store.CompleteWorkItemAsync(claimed[0].Id, "w1", at, null)); // no longer held
        var retaken = await store.ClaimWorkItemsAsync(run.Id, 0, "w3", at, at.Plus(Duration.FromMinutes(5)), 10);
        Assert.Equal(claimed.Select(i => i.Id).Order(), retaken.Select(i => i.Id).Order());
        Assert.All(retaken, i => Assert.Equal((2, "w3"), (i.Attempts, i.LeaseOwner)));
        Assert.True(await store.CompleteWorkItemAsync(other[0].Id, "w2", at, null));
    }

    /// <summary>Run search by date range, status and process name, newest first.</summary>
    [StoreFact]
    public async Task SearchRuns_Filters()
    {
        var store = CreateStore();
        for (var d = 1; d <= 5; d++)
        {
            var (run, _) = await store.CreateRunAsync(Run(new LocalDate(2025, 4, d)));
            await store.UpdateRunAsync(run with { Status = d % 2 == 0 ? BatchStatus.Partial : BatchStatus.Ok, Jobs = [run.Jobs[0] with { Status = d % 2 == 0 ? BatchStatus.Partial : BatchStatus.Ok }] }, run.Version);
        }

        var found = await store.SearchRunsAsync(new RunSearch(Client, new LocalDate(2025, 4, 2), new LocalDate(2025, 4, 4)));
        Assert.Equal([4, 3, 2], found.Select(r => r.RunDate.Day));
        Assert.Equal([4, 2], (await store.SearchRunsAsync(new RunSearch(Client, new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 5), BatchStatus.Partial))).Select(r => r.RunDate.Day));
        Assert.Equal(5, (await store.SearchRunsAsync(new RunSearch(Client, new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 5), ProcessName: "BILLING"))).Count);
    }

    /// <summary>
    /// Runs not ended (New or Running) of every client are listed oldest date first, whatever their date; a run keeps when the
    /// driver meant it to start and whether it was caught up.
    /// </summary>
    [StoreFact]
    public async Task ListUnfinishedRuns_EveryClientAnyDate_OldestFirst_AndTheScheduleTimesRoundTrip()
    {
        var store = CreateStore();
        var old = (await store.CreateRunAsync(Run(new LocalDate(2019, 1, 31)) with { ScheduledAt = Now.Minus(Duration.FromDays(2000)), CaughtUp = true })).Run;
        var running = (await store.CreateRunAsync(Run(new LocalDate(2025, 4, 27)))).Run;
        running = (await store.UpdateRunAsync(running with { Status = BatchStatus.Running }, running.Version))!;
        var ended = (await store.CreateRunAsync(Run(new LocalDate(2025, 4, 26)))).Run;
        await store.UpdateRunAsync(ended with { Status = BatchStatus.Ok }, ended.Version);
        var otherClient = (await store.CreateRunAsync(Run(new LocalDate(2025, 4, 28)) with { Client = new ClientNumber(2000) })).Run;
        var interrupted = (await store.CreateRunAsync(Run(new LocalDate(2025, 4, 29)))).Run;
        await store.UpdateRunAsync(interrupted with { Status = BatchStatus.Incomplete }, interrupted.Version);
        var failed = (await store.CreateRunAsync(Run(new LocalDate(2025, 4, 30)))).Run;
        await store.UpdateRunAsync(failed with { Status = BatchStatus.Error }, failed.Version);

        var unfinished = await store.ListUnfinishedRunsAsync();

        Assert.Equal([old.Id, running.Id, otherClient.Id, interrupted.Id], unfinished.Select(r => r.Id));
        Assert.Equal((Now.Minus(Duration.FromDays(2000)), true), (unfinished[0].ScheduledAt, unfinished[0].CaughtUp));
        Assert.Equal(((Instant?)null, false), (unfinished[1].ScheduledAt, unfinished[1].CaughtUp));
    }
}
