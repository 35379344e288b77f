namespace Aria.Billing.Jobs;

/// <summary>
/// The core billing system's side of a run (spec: "Core Aria Batch Job Interdependence"): it polls the run it triggered
/// and proceeds with its own batch jobs only after the run ended Ok.
/// </summary>
internal sealed class RunGate(IJobRunStore store, TimeProvider time)
{
    /// <summary>The run with this id, or error RunNotFound.</summary>
    public async Task<AriaResult<ScheduleRun>> PollAsync(ClientNumber client, Guid runId, CancellationToken cancellationToken) =>
        await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false) is { } run
            ? run
            : RunErrors.RunNotFound(client, runId);

    /// <summary>
    /// Polls the run every <paramref name="interval"/> until it ends or <paramref name="timeout"/> passes: Proceed only
    /// after Ok, NeedsHumanIntervention on any other ending or an unknown run, StillRunning when the time is up.
    /// Cancelling <paramref name="cancellationToken"/> throws; only the timeout answers StillRunning.
    /// </summary>
    public async Task<GateDecision> WaitForCompletionAsync(ClientNumber client, Guid runId, TimeSpan interval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            var run = await store.GetRunAsync(client, runId, cancellationToken).ConfigureAwait(false);
            switch (run?.Status)
            {
                case null:
                    return GateDecision.NeedsHumanIntervention;
                case BatchStatus.Ok:
                    return GateDecision.Proceed;
                case BatchStatus.New or BatchStatus.Running:
                    try
                    {
                        await Task.Delay(interval, time, limit.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return GateDecision.StillRunning;
                    }

                    break;
                default:
                    return GateDecision.NeedsHumanIntervention;
            }
        }
    }
}
