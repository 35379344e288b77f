using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// Where schedule runs and their work items live. Every implementation has the same semantics: one run per client, schedule
/// and date; one work item per run, job and key; claims are exclusive under a lease and an expired lease can be re-claimed;
/// a work item completes at most once (only under the lease that claimed it).
/// </summary>
public interface IJobRunStore
{
    /// <summary>Creates the run, or returns the existing run of the same client, schedule and date.</summary>
    Task<(ScheduleRun Run, bool Created)> CreateRunAsync(ScheduleRun run, CancellationToken cancellationToken = default);

    /// <summary>The run with this id.</summary>
    Task<ScheduleRun?> GetRunAsync(ClientNumber client, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the run if its stored version is <paramref name="expectedVersion"/>.</summary>
    Task<ScheduleRun?> UpdateRunAsync(ScheduleRun run, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The runs matching <paramref name="search"/>, newest run date first.</summary>
    Task<IReadOnlyList<ScheduleRun>> SearchRunsAsync(RunSearch search, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every run of every client that has not ended (New, Running, or Incomplete: interrupted by a cancellation or a shutdown),
    /// oldest run date first, whatever its date: what run recovery continues after a crash or a restart.
    /// </summary>
    Task<IReadOnlyList<ScheduleRun>> ListUnfinishedRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds work items to a job (an existing key is left as it is); returns how many were new.</summary>
    Task<int> AddWorkItemsAsync(Guid runId, int jobIndex, IEnumerable<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="max"/> pending items (or running ones whose lease expired) for <paramref name="owner"/>.</summary>
    Task<IReadOnlyList<WorkItem>> ClaimWorkItemsAsync(
        Guid runId, int jobIndex, string owner, Instant now, Instant leaseUntil, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets to <paramref name="leaseUntil"/> the live leases <paramref name="owner"/> holds on <paramref name="ids"/>; returns
    /// the ids still held. Usually it extends them; <paramref name="leaseUntil"/> = <paramref name="now"/> gives them back
    /// (an interrupted worker), so that any claim at or after <paramref name="now"/> takes the items at once.
    /// </summary>
    Task<IReadOnlyList<long>> HeartbeatAsync(IReadOnlyList<long> ids, string owner, Instant now, Instant leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Completes an item held by <paramref name="owner"/> under a live lease; <see langword="false"/> when it no longer holds it.</summary>
    Task<bool> CompleteWorkItemAsync(long id, string owner, Instant now, string? error, CancellationToken cancellationToken = default);

    /// <summary>The items of a job.</summary>
    Task<IReadOnlyList<WorkItem>> ListWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default);

    /// <summary>How many items the jobs of a run before <paramref name="jobIndex"/> hold (a count, not a list: for the run's work-item limit).</summary>
    Task<long> CountWorkItemsBeforeAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default);

    /// <summary>Puts a job's failed items back to pending, keeping their errors in their history; returns how many.</summary>
    Task<int> RetryFailedWorkItemsAsync(Guid runId, int jobIndex, CancellationToken cancellationToken = default);
}
