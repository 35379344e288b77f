using Aria.Billing.ReferenceHost.Background;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>Degraded while the background queue is saturated: some client's queue, or the whole queue, refuses new work (issue #15 item 5).</summary>
public sealed class BackgroundQueueHealthCheck(BackgroundWork work) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = work.State();
        var data = new Dictionary<string, object>
        {
            ["waiting"] = state.Waiting, ["running"] = state.Running, ["full_clients"] = state.FullClients, ["full"] = state.Full,
        };
        return Task.FromResult(state.Saturated
            ? HealthCheckResult.Degraded(state.Full ? "The background queue is full." : $"{state.FullClients} client(s) have a full background queue.", data: data)
            : HealthCheckResult.Healthy($"{state.Waiting} waiting, {state.Running} running.", data));
    }
}
