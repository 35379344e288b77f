using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aria.Billing.Sync;

/// <summary>
/// The hosted service that runs a <see cref="SyncRecovery"/> pass at start and then every interval, on the injected time.
/// Resuming needs the host's <see cref="ISyncRecordHandler"/>: without one the service says so once and does nothing.
/// </summary>
internal sealed class SyncRecoveryService(IServiceProvider services, SyncOptions options, TimeProvider time, ILogger<SyncRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RecoverOperations)
        {
            return;
        }

        if (services.GetService<ISyncRecordHandler>() is null)
        {
            SyncLogMessages.RecoveryUnavailable(logger);
            return;
        }

        var recovery = services.GetRequiredService<SyncRecovery>();
        using var timer = new PeriodicTimer(options.RecoveryInterval, time);
        do
        {
            try
            {
                await recovery.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                SyncLogMessages.RecoveryFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
