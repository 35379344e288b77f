using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aria.Billing.Sync;

/// <summary>
/// The hosted service that runs a <see cref="SyncRecovery"/> pass at start and then every interval, on the injected time.
/// Resuming operations and processing the records a crash left PENDING need the host's <see cref="ISyncRecordHandler"/>:
/// without one the service says so once and does nothing.
/// </summary>
internal sealed class SyncRecoveryService(IServiceProvider services, SyncOptions options, TimeProvider time, ILogger<SyncRecoveryService> logger)
    : PeriodicDuty(options.RecoveryInterval, time)
{
    protected override bool CanRun()
    {
        if (!options.RecoverOperations)
        {
            return false;
        }

        if (services.GetService<ISyncRecordHandler>() is null)
        {
            SyncLogMessages.RecoveryUnavailable(logger);
            return false;
        }

        return true;
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => services.GetRequiredService<SyncRecovery>().RunOnceAsync(cancellationToken);

    protected override void Failed(Exception exception) => SyncLogMessages.RecoveryFailed(logger, exception);
}
