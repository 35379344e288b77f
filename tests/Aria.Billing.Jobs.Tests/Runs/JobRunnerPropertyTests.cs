using System.Collections.Concurrent;
using Aria.Billing.Jobs;

namespace Aria.Billing.Jobs.Tests.Runs;

/// <summary>
/// Under random worker crashes (items claimed and never completed: their leases expire) and concurrent workers on several
/// nodes, every work item completes exactly once and none is lost; the roll-up matches the items.
/// </summary>
public sealed class JobRunnerPropertyTests
{
    [Fact]
    public void Property_EveryItemCompletesExactlyOnce_UnderCrashesAndConcurrentWorkers()
    {
        var gen = from items in Gen.Choose(0, 60) from crashed in Gen.Choose(0, 20) from nodes in Gen.Choose(1, 4) from failing in Gen.Choose(0, 3) select (items, crashed, nodes, failing);
        Prop.ForAll(gen.ToArbitrary(), t => Run(t.items, t.crashed, t.nodes, t.failing).GetAwaiter().GetResult()).QuickCheckThrowOnFailure();
    }

    private static async Task<bool> Run(int itemCount, int crashedCount, int nodeCount, int failingCount)
    {
        var f = new RunFixture();
        f.Handler.Items[JobTypes.UsageRating] = itemCount;
        for (var i = 1; i <= failingCount; i++)
        {
            f.Handler.FailingKeys[$"usage-rating-{i}"] = true;
        }

        var store = new CountingStore(f.Store);
        var run = await new JobRunner(store, Handlers(f), f.Clock).CreateRunAsync(RunFixture.Daily, new LocalDate(2025, 4, 27));

        // Produce the items, then let crashed workers take some and vanish.
        await store.AddWorkItemsAsync(run.Id, 0, Enumerable.Range(1, itemCount).Select(i => $"usage-rating-{i}"));
        var now = f.Clock.GetCurrentInstant();
        await store.ClaimWorkItemsAsync(run.Id, 0, "crashed", now, now + Duration.FromMinutes(5), crashedCount);
        var current = (await store.GetRunAsync(RunFixture.Client, run.Id))!;
        await store.UpdateRunAsync(current with { Jobs = [current.Jobs[0] with { Status = BatchStatus.Running, Attempts = 1 }, .. current.Jobs.Skip(1)] }, current.Version);

        var nodes = Enumerable.Range(0, nodeCount)
            .Select(n => new JobRunner(store, Handlers(f), f.Clock, new JobRunnerOptions { WorkerId = $"node-{n}", Workers = 2, ClaimBatch = 3 }))
            .ToArray();
        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.ExecuteAsync(RunFixture.Client, run.Id))));
        f.Clock.Advance(Duration.FromMinutes(6));
        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.ExecuteAsync(RunFixture.Client, run.Id))));

        var items = await store.ListWorkItemsAsync(run.Id, 0);
        var final = (await store.GetRunAsync(RunFixture.Client, run.Id))!;
        var expected = StatusRollup.ForJob(items.Select(i => i.State));
        return items.Count == itemCount
            && items.All(i => i.State is WorkItemState.Completed or WorkItemState.Failed)
            && items.All(i => store.Completions.GetValueOrDefault(i.Id) == 1)
            && items.Count(i => i.State == WorkItemState.Failed) == Math.Min(failingCount, itemCount)
            && final.Jobs[0].Status == expected
            && final.Status == StatusRollup.ForSchedule(final.Jobs.Select(j => j.Status));
    }

    [Fact]
    public void Property_NodesExecutingOneRunTogether_RunEachJobInOrder_EachItemOnce_AndEndWhereTheItemsSay()
    {
        // A run triggered twice (a retried trigger) or picked up by several nodes is executed concurrently from New:
        // exactly one execution starts each job, no job starts before the one before it has ended, no item is
        // processed twice, and the stored statuses are never left behind the items (no run stuck in Running).
        var gen = from rating in Gen.Choose(0, 12) from billing in Gen.Choose(0, 12) from nodes in Gen.Choose(2, 4) select (rating, billing, nodes);
        Prop.ForAll(gen.ToArbitrary(), t => RunTogether(t.rating, t.billing, t.nodes).GetAwaiter().GetResult()).QuickCheckThrowOnFailure();
    }

    private static async Task<bool> RunTogether(int ratingItems, int billingItems, int nodeCount)
    {
        var f = new RunFixture();
        f.Handler.Yield = true;
        f.Handler.Items[JobTypes.UsageRating] = ratingItems;
        f.Handler.Items[JobTypes.Billing] = billingItems;
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, new LocalDate(2025, 4, 27));
        var nodes = Enumerable.Range(0, nodeCount)
            .Select(n => new JobRunner(f.Store, Handlers(f), f.Clock, new JobRunnerOptions { WorkerId = $"node-{n % 2}", Workers = 2, ClaimBatch = 2 }))
            .ToArray();

        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.ExecuteAsync(RunFixture.Client, run.Id))));

        var final = (await f.Store.GetRunAsync(RunFixture.Client, run.Id))!;
        var order = f.Handler.Order.ToArray();
        return final.Status == BatchStatus.Ok
            && final.Jobs.All(j => j.Status == BatchStatus.Ok && j.Attempts == 1)
            && f.Handler.Processed.Count == ratingItems + billingItems
            && f.Handler.Processed.Values.All(n => n == 1)
            && order.Zip(order.Skip(1)).All(p => p.First <= p.Second);
    }

    private static Dictionary<string, IJobHandler> Handlers(RunFixture f) => new()
    {
        [JobTypes.UsageRating] = f.Handler,
        [JobTypes.SyncTransactions] = f.Handler,
        [JobTypes.Billing] = f.Handler,
    };

    private sealed class CountingStore(IJobRunStore inner) : IJobRunStore
    {
        public ConcurrentDictionary<long, int> Completions { get; } = new();

        public Task<(ScheduleRun Run, bool Created)> CreateRunAsync(ScheduleRun run, CancellationToken cancellationToken = default) => inner.CreateRunAsync(run, cancellationToken);

        public Task<ScheduleRun?> GetRunAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) => inner.GetRunAsync(client, id, cancellationToken);

        public Task<ScheduleRun?> UpdateRunAsync(ScheduleRun run, long expectedVersion, CancellationToken cancellationToken = default) => inner.UpdateRunAsync(run, expectedVersion, cancellationToken);

        public Task<IReadOnlyList<ScheduleRun>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default) => inner.SearchRunsAsync(search, cancellationToken);

        public Task<IReadOnlyList<ScheduleRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default) => inner.ListUnfinishedRunsAsync(cancellationToken);

        public Task<int> AddWorkItemsAsync(Guid runId, int jobIndex, IEnumerable<string> keys, CancellationToken cancellationToken = default) => inner.AddWorkItemsAsync(runId, jobIndex, keys, cancellationToken);

        public Task<IReadOnlyList<WorkItem>> ClaimWorkItemsAsync(Guid runId, int jobIndex, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default) =>
            inner.ClaimWorkItemsAsync(runId, jobIndex, owner, now, leaseUntil, max, cancellationToken);

        public Task<IReadOnlyList<long>> HeartbeatAsync(IReadOnlyList<long> ids, string owner, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default) =>
            inner.HeartbeatAsync(ids, owner, now, leaseUntil, cancellationToken);

        public async Task<bool> CompleteWorkItemAsync(long id, string owner, Instant now, string? error, CancellationToken cancellationToken = default)
        {
            var done = await inner.CompleteWorkItemAsync(id, owner, now, error, cancellationToken);
            if (done)
            {
                Completions.AddOrUpdate(id, 1, (_, n) => n + 1);
            }

            return done;
        }

        public Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) => inner.ListWorkItemsAsync(runId, jobIndex, cancellationToken);

        public Task<int> RetryFailedWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) => inner.RetryFailedWorkItemsAsync(runId, jobIndex, cancellationToken);
    }
}
