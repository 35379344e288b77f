namespace Aria.Billing.Jobs.Tests.Runs;

/// <summary>A run store that passes every call to another: a test's store overrides only the calls it watches or alters.</summary>
internal abstract class DelegatingRunStore(IJobRunStore inner) : IJobRunStore
{
    public virtual Task<(ScheduleRun Run, bool Created)> CreateRunAsync(ScheduleRun run, CancellationToken cancellationToken = default) => inner.CreateRunAsync(run, cancellationToken);

    public virtual Task<ScheduleRun?> GetRunAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default) => inner.GetRunAsync(client, id, cancellationToken);

    public virtual Task<ScheduleRun?> UpdateRunAsync(ScheduleRun run, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.UpdateRunAsync(run, expectedVersion, cancellationToken);

    public virtual Task<IReadOnlyList<ScheduleRun>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default) => inner.SearchRunsAsync(search, cancellationToken);

    public virtual Task<IReadOnlyList<ScheduleRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default) => inner.ListUnfinishedRunsAsync(cancellationToken);

    public virtual Task<int> AddWorkItemsAsync(Guid runId, int jobIndex, IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        inner.AddWorkItemsAsync(runId, jobIndex, keys, cancellationToken);

    public virtual Task<IReadOnlyList<WorkItem>> ClaimWorkItemsAsync(
        Guid runId, int jobIndex, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default) =>
        inner.ClaimWorkItemsAsync(runId, jobIndex, owner, now, leaseUntil, max, cancellationToken);

    public virtual Task<IReadOnlyList<long>> HeartbeatAsync(IReadOnlyList<long> ids, string owner, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default) =>
        inner.HeartbeatAsync(ids, owner, now, leaseUntil, cancellationToken);

    public virtual Task<bool> CompleteWorkItemAsync(long id, string owner, Instant now, string? error, CancellationToken cancellationToken = default) =>
        inner.CompleteWorkItemAsync(id, owner, now, error, cancellationToken);

    public virtual Task<long> CountWorkItemsBeforeAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        inner.CountWorkItemsBeforeAsync(runId, jobIndex, cancellationToken);

    public virtual Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        inner.ListWorkItemsAsync(runId, jobIndex, cancellationToken);

    public virtual Task<int> RetryFailedWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default) =>
        inner.RetryFailedWorkItemsAsync(runId, jobIndex, cancellationToken);
}
