using Microsoft.Extensions.Diagnostics.HealthChecks;
using Aria.Billing.Sync;

namespace Aria.Billing.ReferenceHost.Api;

/// <summary>Healthy when the store answers a query.</summary>
public sealed class StorageHealthCheck(ISyncRecordStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.SummarizeAsync(new ClientNumber(1), SyncDomain.Catalog, cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store did not answer.", ex);
        }
    }
}
