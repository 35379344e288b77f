using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// This process's workers on one job's work items: each claims items in batches under a lease owned by
/// <see cref="JobRunnerOptions.WorkerId"/>, renews the leases of the rest of its batch by heartbeat once half the lease has
/// passed, and completes each item with the handler's outcome (an item completes at most once: only under the lease that
/// claimed it). A worker stops when nothing is left to claim: every item has ended or is held by another live lease.
/// </summary>
/// <remarks>
/// On cancellation (an operator interrupting, a host shutting down) a worker finishes nothing new: an item whose handler has
/// returned is still recorded (the work is done; redoing it would bill twice), and the leases of the items it claimed and
/// did not finish — the one the cancellation caught in its handler and the rest of its batch — are given back (a heartbeat
/// that ends them now), so that the next execution, on this node or another, claims them at once. A worker that dies
/// without giving them back leaves them to the lease: they are claimed again once it has run out.
/// </remarks>
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
            var finished = 0;
            try
            {
                for (; finished < claimed.Count; finished++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var item = claimed[finished];
                    if (clock.GetCurrentInstant() >= renewAt)
                    {
                        // Heartbeat: keep the leases of the items still to do in this batch.
                        var at = clock.GetCurrentInstant();
                        await store.HeartbeatAsync(claimed.Skip(finished).Select(c => c.Id).ToArray(), options.WorkerId, at, at + Duration.FromTimeSpan(options.Lease), cancellationToken).ConfigureAwait(false);
                        renewAt = at + Duration.FromTimeSpan(options.Lease / 2);
                    }

                    string? error;
                    try
                    {
                        error = await handler.ProcessAsync(run, job, item, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        error = ex.Message; // a handler's own timeout fails the item; only this execution's cancellation interrupts
                    }

                    if (error is not null)
                    {
                        JobsLogMessages.WorkItemFailed(logger, item.Key, job.Name, error);
                    }

                    // The handler has returned: record its outcome even if the execution is being cancelled meanwhile.
                    if (await store.CompleteWorkItemAsync(item.Id, options.WorkerId, clock.GetCurrentInstant(), error, CancellationToken.None).ConfigureAwait(false))
                    {
                        (error is null ? JobsTelemetry.ItemsCompleted : JobsTelemetry.ItemsFailed).Add(1, new KeyValuePair<string, object?>("job_type", job.JobType));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                await GiveBackAsync(job, claimed.Skip(finished).Select(c => c.Id).ToArray()).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Ends this worker's leases on <paramref name="ids"/> now (a heartbeat to the current instant), so that any claim takes
    /// them at once. Best effort: an item this worker no longer holds is left alone, and a failure leaves the items to their
    /// lease.
    /// </summary>
    private async Task GiveBackAsync(JobRun job, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        try
        {
            var now = clock.GetCurrentInstant();
            await store.HeartbeatAsync(ids, options.WorkerId, now, now, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JobsLogMessages.LeasesNotGivenBack(logger, ids.Count, job.Name, ex.Message);
        }
    }
}
