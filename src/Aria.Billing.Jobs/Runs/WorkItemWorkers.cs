using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// This process's workers on one job's work items: each claims items in batches under a lease owned by
/// <see cref="JobRunnerOptions.WorkerId"/>, renews the leases of the rest of its batch by heartbeat once half the lease has
/// passed, and completes each item with the handler's outcome (an item completes at most once: only under the lease that
/// claimed it). A worker stops when nothing is left to claim: every item has ended or is held by another live lease.
/// </summary>
internal sealed class WorkItemWorkers(IJobRunStore store, IClock clock, JobRunnerOptions options, ILogger logger)
{
    /// <summary>Runs <see cref="JobRunnerOptions.Workers"/> workers (at least one) until none finds an item to claim.</summary>
    /// <exception cref="OperationCanceledException">The execution was interrupted.</exception>
    public Task RunAsync(ScheduleRun run, JobRun job, IJobHandler handler, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => WorkAsync(run, job, handler, cancellationToken)));

    private async Task WorkAsync(ScheduleRun run, JobRun job, IJobHandler handler, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = clock.GetCurrentInstant();
            var claimed = await store.ClaimWorkItemsAsync(run.Id, job.Index, options.WorkerId, now, now + Duration.FromTimeSpan(options.Lease), options.ClaimBatch, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                return;
            }

            var renewAt = now + Duration.FromTimeSpan(options.Lease / 2);
            for (var i = 0; i < claimed.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = claimed[i];
                if (clock.GetCurrentInstant() >= renewAt)
                {
                    // Heartbeat: keep the leases of the items still to do in this batch.
                    var at = clock.GetCurrentInstant();
                    await store.HeartbeatAsync(claimed.Skip(i).Select(c => c.Id).ToArray(), options.WorkerId, at, at + Duration.FromTimeSpan(options.Lease), cancellationToken).ConfigureAwait(false);
                    renewAt = at + Duration.FromTimeSpan(options.Lease / 2);
                }

                string? error;
                try
                {
                    error = await handler.ProcessAsync(run, job, item, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = ex.Message;
                }

                if (error is not null)
                {
                    JobsLogMessages.WorkItemFailed(logger, item.Key, job.Name, error);
                }

                if (await store.CompleteWorkItemAsync(item.Id, options.WorkerId, clock.GetCurrentInstant(), error, cancellationToken).ConfigureAwait(false))
                {
                    (error is null ? JobsTelemetry.ItemsCompleted : JobsTelemetry.ItemsFailed).Add(1, new KeyValuePair<string, object?>("job_type", job.JobType));
                }
            }
        }
    }
}
