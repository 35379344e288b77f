using System.Collections.Concurrent;
using Aria.Billing.Jobs;

namespace Aria.Billing.Jobs.Tests.Runs;

/// <summary>
/// An in-memory run store that records what the runner's collaborators ask of it (updates, heartbeats) and can be told to
/// misbehave: refuse every update (a run that keeps changing), lose runs (a run deleted under the runner), or let another
/// writer change the run just before an update.
/// </summary>
internal sealed class RecordingRunStore(IJobRunStore inner) : IJobRunStore
{
    public RecordingRunStore()
        : this(new InMemoryJobRunStore())
    {
    }

    /// <summary>Every update asked for, with the number of items of each job at that moment.</summary>
    public ConcurrentQueue<(ScheduleRun Run, int[] ItemsPerJob)> Updates { get; } = new();

    /// <summary>Every heartbeat: the items renewed and the new end of their lease.</summary>
    public ConcurrentQueue<(long[] Ids, Instant LeaseUntil)> Heartbeats { get; } = new();

    /// <summary>Whether every update fails as if another writer had just changed the run.</summary>
    public bool RefuseUpdates { get; set; }

    /// <summary>Whether reading a run finds nothing.</summary>
    public bool LoseRuns { get; set; }

    /// <summary>What another writer does just before the next update is tried (it may change the run first).</summary>
    public Func<Task>? BeforeUpdate { get; set; }

    public Task<(ScheduleRun Run, bool Created)> CreateRunAsync(ScheduleRun run, CancellationToken cancellationToken = default) => inner.CreateRunAsync(run, cancellationToken);

    public async Task<ScheduleRun?> GetRunAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) =>
        LoseRuns ? null : await inner.GetRunAsync(client, id, cancellationToken);

    public async Task<ScheduleRun?> UpdateRunAsync(ScheduleRun run, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (BeforeUpdate is { } before)
        {
            await before();
        }

        var items = new int[run.Jobs.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (await inner.ListWorkItemsAsync(run.Id, i, cancellationToken)).Count;
        }

        Updates.Enqueue((run, items));
        return RefuseUpdates ? null : await inner.UpdateRunAsync(run, expectedVersion, cancellationToken);
    }

    public Task<IReadOnlyList<ScheduleRun>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default) => inner.SearchRunsAsync(search, cancellationToken);

    public Task<IReadOnlyList<ScheduleRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default) => inner.ListUnfinishedRunsAsync(cancellationToken);

    public Task<int> AddWorkItemsAsync(Guid runId, int jobIndex, IEnumerable<string> keys, CancellationToken cancellationToken = default) => inner.AddWorkItemsAsync(runId, jobIndex, keys, cancellationToken);

    public Task<IReadOnlyList<WorkItem>> ClaimWorkItemsAsync(Guid runId, int jobIndex, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default) =>
        inner.ClaimWorkItemsAsync(runId, jobIndex, owner, now, leaseUntil, max, cancellationToken);

    public Task<IReadOnlyList<long>> HeartbeatAsync(IReadOnlyList<long> ids, string owner, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default)
    {
        Heartbeats.Enqueue((ids.ToArray(), leaseUntil));
        return inner.HeartbeatAsync(ids, owner, now, leaseUntil, cancellationToken);
    }

    public Task<bool> CompleteWorkItemAsync(long id, string owner, Instant now, string? error, CancellationToken cancellationToken = default) =>
        inner.CompleteWorkItemAsync(id, owner, now, error, cancellationToken);

    public Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) => inner.ListWorkItemsAsync(runId, jobIndex, cancellationToken);

    public Task<long> CountWorkItemsBeforeAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) => inner.CountWorkItemsBeforeAsync(runId, jobIndex, cancellationToken);

    public Task<int> RetryFailedWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) => inner.RetryFailedWorkItemsAsync(runId, jobIndex, cancellationToken);
}
