using System.Collections.Concurrent;
using Aria.Billing.Jobs;
using Aria.Billing.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aria.Billing.Jobs.Tests.Runs;

// One process's workers on a job's items: claims under a lease, heartbeats, each item completed once with its outcome.
public sealed class WorkItemWorkersTests
{
    private static readonly LocalDate Day = new(2025, 4, 27);
    private readonly FakeClock _clock = FakeClock.AtUtc(Day);
    private readonly RecordingRunStore _store = new();

    [Fact]
    public async Task RunAsync_ABatchOutlastingHalfTheLease_RenewsTheLeasesOfTheItemsStillToDo()
    {
        var run = await CreateRunWithItemsAsync("a", "b", "c");
        var items = await _store.ListWorkItemsAsync(run.Id, 0);
        var handler = new Handler(_ =>
        {
            _clock.Advance(Duration.FromMinutes(3)); // the lease is 5 minutes: renew once 2.5 have passed
            return null;
        });

        await Workers(workers: 1, claimBatch: 3).RunAsync(run, run.Jobs[0], handler, default);

        var start = FakeClock.AtUtc(Day).GetCurrentInstant();
        var heartbeats = _store.Heartbeats.ToArray();
        Assert.Equal(2, heartbeats.Length);
        Assert.Equal([items[1].Id, items[2].Id], heartbeats[0].Ids); // at 3 minutes, for b and c
        Assert.Equal(start + Duration.FromMinutes(8), heartbeats[0].LeaseUntil);
        Assert.Equal([items[2].Id], heartbeats[1].Ids); // at 6 minutes, for c
        Assert.Equal(start + Duration.FromMinutes(11), heartbeats[1].LeaseUntil);
        Assert.All(await _store.ListWorkItemsAsync(run.Id, 0), i => Assert.Equal((WorkItemState.Completed, 1), (i.State, i.Attempts)));
    }

    [Fact]
    public async Task RunAsync_QuickItems_SendNoHeartbeat()
    {
        var run = await CreateRunWithItemsAsync("a", "b", "c");

        await Workers(workers: 1, claimBatch: 3).RunAsync(run, run.Jobs[0], new Handler(_ => null), default);

        Assert.Empty(_store.Heartbeats);
    }

    [Fact]
    public async Task RunAsync_AnItemUnderAnotherLiveLease_IsLeftToItsHolder()
    {
        var run = await CreateRunWithItemsAsync("a", "b", "c");
        var now = _clock.GetCurrentInstant();
        var held = (await _store.ClaimWorkItemsAsync(run.Id, 0, "node-b", now, now + Duration.FromMinutes(5), 1)).Single();
        var handler = new Handler(_ => null);

        await Workers(workers: 2, claimBatch: 1).RunAsync(run, run.Jobs[0], handler, default);

        Assert.DoesNotContain(held.Key, handler.Processed.Keys);
        Assert.Equal(2, handler.Processed.Count);
        var stillHeld = (await _store.ListWorkItemsAsync(run.Id, 0)).Single(i => i.Id == held.Id);
        Assert.Equal((WorkItemState.Running, "node-b"), (stillHeld.State, stillHeld.LeaseOwner));
    }

    [Fact]
    public async Task RunAsync_AHandlerThatThrows_FailsOnlyThatItem_WithTheExceptionMessage()
    {
        var run = await CreateRunWithItemsAsync("a", "b", "c");
        var handler = new Handler(item => item.Key == "b" ? throw new InvalidOperationException("the tax service timed out") : null);

        await Workers(workers: 1, claimBatch: 2).RunAsync(run, run.Jobs[0], handler, default);

        var items = (await _store.ListWorkItemsAsync(run.Id, 0)).ToDictionary(i => i.Key);
        Assert.Equal((WorkItemState.Failed, "the tax service timed out"), (items["b"].State, items["b"].Error));
        Assert.Equal([WorkItemState.Completed, WorkItemState.Completed], new[] { items["a"].State, items["c"].State });
    }

    [Fact]
    public async Task RunAsync_NoWorkersConfigured_StillRunsOne()
    {
        var run = await CreateRunWithItemsAsync("a", "b");
        var handler = new Handler(_ => null);

        await Workers(workers: 0, claimBatch: 1).RunAsync(run, run.Jobs[0], handler, default);

        Assert.Equal(2, handler.Processed.Count);
    }

    [Fact]
    public async Task RunAsync_Interrupted_ThrowsWithoutProcessing()
    {
        var run = await CreateRunWithItemsAsync("a", "b");
        var handler = new Handler(_ => null);
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Workers(workers: 2, claimBatch: 1).RunAsync(run, run.Jobs[0], handler, interrupt.Token));

        Assert.Empty(handler.Processed);
    }

    [Fact]
    public async Task RunAsync_InterruptedInAHandler_GivesBackTheLeasesOfTheItemsNotFinished_AndKeepsTheFinishedOnes()
    {
        var run = await CreateRunWithItemsAsync("a", "b", "c", "d");
        using var interrupt = new CancellationTokenSource();
        var handler = new Handler(item =>
        {
            if (item.Key == "b")
            {
                interrupt.Cancel(); // the host stops while b is being processed
                throw new OperationCanceledException(interrupt.Token);
            }

            return null;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Workers(workers: 1, claimBatch: 4).RunAsync(run, run.Jobs[0], handler, interrupt.Token));

        var now = _clock.GetCurrentInstant();
        var items = (await _store.ListWorkItemsAsync(run.Id, 0)).ToDictionary(i => i.Key);
        Assert.Equal(WorkItemState.Completed, items["a"].State);
        Assert.All(new[] { items["b"], items["c"], items["d"] }, i => Assert.Equal((WorkItemState.Running, (Instant?)now), (i.State, i.LeaseExpiresAt)));
        var retaken = await _store.ClaimWorkItemsAsync(run.Id, 0, "node-b", now, now + Duration.FromMinutes(5), 10); // at once, not after 5 minutes
        Assert.Equal(["b", "c", "d"], retaken.Select(i => i.Key).Order());
        Assert.All(retaken, i => Assert.Equal(2, i.Attempts));
    }

    [Fact]
    public async Task RunAsync_CancelledWhileAHandlerFinishesItsItem_RecordsThatItem()
    {
        var run = await CreateRunWithItemsAsync("a", "b");
        using var interrupt = new CancellationTokenSource();
        var handler = new Handler(item =>
        {
            interrupt.Cancel(); // the item is done: the cancellation only stops what comes after it
            return null;
        });
        var completions = new CompletionCountingStore(_store);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new WorkItemWorkers(completions, _clock, new JobRunnerOptions { WorkerId = "node-a", Workers = 1, ClaimBatch = 2 }, NullLogger.Instance)
                .RunAsync(run, run.Jobs[0], handler, interrupt.Token));

        var items = (await _store.ListWorkItemsAsync(run.Id, 0)).ToDictionary(i => i.Key);
        Assert.Equal([WorkItemState.Completed, WorkItemState.Running], new[] { items["a"].State, items["b"].State });
        Assert.Equal(["a"], handler.Processed.Keys);
        Assert.Equal([CancellationToken.None], completions.Tokens); // recorded whatever the execution's token says
    }

    [Fact]
    public async Task RunAsync_AHandlersOwnCancellation_FailsOnlyThatItem_WithoutInterrupting()
    {
        var run = await CreateRunWithItemsAsync("a", "b", "c");
        var handler = new Handler(item => item.Key == "b" ? throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.") : null);

        await Workers(workers: 1, claimBatch: 2).RunAsync(run, run.Jobs[0], handler, default);

        var items = (await _store.ListWorkItemsAsync(run.Id, 0)).ToDictionary(i => i.Key);
        Assert.Equal(WorkItemState.Failed, items["b"].State);
        Assert.Contains("HttpClient.Timeout", items["b"].Error, StringComparison.Ordinal);
        Assert.Equal([WorkItemState.Completed, WorkItemState.Completed], new[] { items["a"].State, items["c"].State });
    }

    private WorkItemWorkers Workers(int workers, int claimBatch) =>
        new(_store, _clock, new JobRunnerOptions { WorkerId = "node-a", Workers = workers, ClaimBatch = claimBatch }, NullLogger.Instance);

    private async Task<ScheduleRun> CreateRunWithItemsAsync(params string[] keys)
    {
        var run = await new RunCreator(_store, _clock).CreateRunAsync(RunFixture.Daily, Day, "manual", default);
        await _store.AddWorkItemsAsync(run.Id, 0, keys);
        return run;
    }

    /// <summary>Records the token each completion was asked with.</summary>
    private sealed class CompletionCountingStore(RecordingRunStore inner) : DelegatingRunStore(inner)
    {
        public ConcurrentQueue<CancellationToken> Tokens { get; } = new();

        public override Task<bool> CompleteWorkItemAsync(long id, string owner, Instant now, string? error, CancellationToken cancellationToken = default)
        {
            Tokens.Enqueue(cancellationToken);
            return base.CompleteWorkItemAsync(id, owner, now, error, cancellationToken);
        }
    }

    private sealed class Handler(Func<WorkItem, string?> process) : IJobHandler
    {
        public ConcurrentDictionary<string, int> Processed { get; } = new();

        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>([]);

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            Processed.AddOrUpdate(item.Key, 1, (_, n) => n + 1);
            return ValueTask.FromResult(process(item));
        }
    }
}
