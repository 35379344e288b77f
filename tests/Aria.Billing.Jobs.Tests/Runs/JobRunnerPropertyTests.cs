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

    [Fact]
    public void Property_InterruptedAndExecutedAgain_NoJobStartsBeforeEveryEarlierOneEndedOkOrPartial_EachItemOnce()
    {
        // DESIGN §4: "Jobs of a run execute strictly in order: a job that is not Ok or Partial holds back the later ones";
        // spec batch-process-audit-log.txt: 3 Incomplete (interrupted), 5 Partial (some records failed) lets the next run.
        // Executions are interrupted at random handler calls (inside a producer, inside an item's handler, or just after an
        // item's handler returned), on random nodes, with or without the leases running out in between; then the run is
        // executed until it ends. Every item of a job is processed only while every earlier job has ended Ok or Partial, and
        // every item is processed (its handler returned) and completed exactly once.
        var cut = from at in Gen.Choose(1, 30) from how in Gen.Elements(Cut.InHandler, Cut.AfterHandler) from node in Gen.Choose(0, 2) from expire in Gen.Elements(true, false)
                  select (at, how, node, expire);
        var gen = from rating in Gen.Choose(0, 10) from sync in Gen.Choose(0, 4) from billing in Gen.Choose(0, 10) from failing in Gen.Choose(0, 2)
                  from workers in Gen.Choose(1, 2) from cuts in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(cut, n))
                  select (rating, sync, billing, failing, workers, cuts);
        Prop.ForAll(gen.ToArbitrary(), t => Interrupted(t.rating, t.sync, t.billing, t.failing, t.workers, t.cuts).GetAwaiter().GetResult()).QuickCheckThrowOnFailure();
    }

    private enum Cut
    {
        InHandler,
        AfterHandler,
    }

    private static async Task<bool> Interrupted(int rating, int sync, int billing, int failing, int workers, (int At, Cut How, int Node, bool Expire)[] cuts)
    {
        var f = new RunFixture();
        var store = new CountingStore(f.Store);
        var handler = new InterruptibleHandler(store);
        handler.Items[JobTypes.UsageRating] = rating;
        handler.Items[JobTypes.SyncTransactions] = sync;
        handler.Items[JobTypes.Billing] = billing;
        for (var i = 1; i <= failing; i++)
        {
            handler.FailingKeys.Add($"{JobTypes.UsageRating}-{i}"); // rating ends Partial: the later jobs still run
        }

        var handlers = new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = handler, [JobTypes.SyncTransactions] = handler, [JobTypes.Billing] = handler };
        JobRunner Node(int n) => new(store, handlers, f.Clock, new JobRunnerOptions { WorkerId = $"node-{n}", Workers = workers, ClaimBatch = 3 });
        var run = await Node(0).CreateRunAsync(RunFixture.Daily, new LocalDate(2025, 4, 27));

        foreach (var (at, how, node, expire) in cuts)
        {
            using var interrupt = new CancellationTokenSource();
            handler.Arm(at, how, interrupt);
            try
            {
                await Node(node).ExecuteAsync(RunFixture.Client, run.Id, interrupt.Token);
            }
            catch (OperationCanceledException)
            {
                // interrupted while producing a job's items: that job is still New
            }

            handler.Disarm();
            if (expire)
            {
                f.Clock.Advance(Duration.FromMinutes(6));
            }
        }

        var final = (await Node(1).ExecuteAsync(RunFixture.Client, run.Id)).Value;
        var total = rating + sync + billing;
        var items = new List<WorkItem>();
        for (var job = 0; job < 3; job++)
        {
            items.AddRange(await store.ListWorkItemsAsync(run.Id, job));
        }

        return final.Jobs.All(j => j.Status is BatchStatus.Ok or BatchStatus.Partial)
            && final.Status == (failing > 0 && rating > 0 ? BatchStatus.Partial : BatchStatus.Ok)
            && handler.OutOfOrder.IsEmpty
            && handler.Processed.Count == total && handler.Processed.Values.All(n => n == 1)
            && items.Count == total && items.All(i => store.Completions.GetValueOrDefault(i.Id) == 1)
            && items.Count(i => i.State == WorkItemState.Failed) == Math.Min(failing, rating);
    }

    /// <summary>
    /// Scripted items per job type; interrupts the execution it is armed for at its n-th handler call (produce or process);
    /// records every item processed while an earlier job had not ended Ok or Partial.
    /// </summary>
    private sealed class InterruptibleHandler(IJobRunStore store) : IJobHandler
    {
        private readonly Lock _gate = new();
        private int _calls;
        private (int At, Cut How, CancellationTokenSource Interrupt)? _armed;

        public ConcurrentDictionary<string, int> Items { get; } = new();

        public HashSet<string> FailingKeys { get; } = [];

        public ConcurrentDictionary<string, int> Processed { get; } = new();

        public ConcurrentQueue<string> OutOfOrder { get; } = new();

        public void Arm(int at, Cut how, CancellationTokenSource interrupt)
        {
            lock (_gate)
            {
                _calls = 0;
                _armed = (at, how, interrupt);
            }
        }

        public void Disarm()
        {
            lock (_gate)
            {
                _armed = null;
            }
        }

        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default)
        {
            if (Call() is { } armed)
            {
                armed.Interrupt.Cancel(); // inside a producer: the job stays New
                throw new OperationCanceledException(armed.Interrupt.Token);
            }

            return ValueTask.FromResult<IReadOnlyList<string>>([.. Enumerable.Range(1, Items[job.JobType]).Select(i => $"{job.JobType}-{i}")]);
        }

        public async ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            var stored = (await store.GetRunAsync(run.Client, run.Id, CancellationToken.None))!;
            if (stored.Jobs.Take(job.Index).Any(j => j.Status is not (BatchStatus.Ok or BatchStatus.Partial)))
            {
                OutOfOrder.Enqueue($"{item.Key} while {string.Join(", ", stored.Jobs.Select(j => j.Status))}");
            }

            await Task.Yield();
            var armed = Call();
            if (armed is { How: Cut.InHandler })
            {
                armed.Value.Interrupt.Cancel(); // caught inside the handler: the item is not done
                throw new OperationCanceledException(armed.Value.Interrupt.Token);
            }

            Processed.AddOrUpdate(item.Key, 1, (_, n) => n + 1);
            armed?.Interrupt.Cancel(); // after the handler's work: the item is done, what comes after it is interrupted
            return FailingKeys.Contains(item.Key) ? $"usage {item.Key} has no rate" : null;
        }

        private (CancellationTokenSource Interrupt, Cut How)? Call()
        {
            lock (_gate)
            {
                return ++_calls == _armed?.At ? (_armed.Value.Interrupt, _armed.Value.How) : null;
            }
        }
    }

    private static Dictionary<string, IJobHandler> Handlers(RunFixture f) => new()
    {
        [JobTypes.UsageRating] = f.Handler,
        [JobTypes.SyncTransactions] = f.Handler,
        [JobTypes.Billing] = f.Handler,
    };

    private sealed class CountingStore(IJobRunStore inner) : DelegatingRunStore(inner)
    {
        public ConcurrentDictionary<long, int> Completions { get; } = new();

        public override async Task<bool> CompleteWorkItemAsync(long id, string owner, Instant now, string? error, CancellationToken cancellationToken = default)
        {
            var done = await base.CompleteWorkItemAsync(id, owner, now, error, cancellationToken);
            if (done)
            {
                Completions.AddOrUpdate(id, 1, (_, n) => n + 1);
            }

            return done;
        }
    }
}
