using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The hosted service that runs a <see cref="DueChangeSweep"/> at start and then every interval, on the injected time. The
/// queue needs the host's <see cref="IPlanInstanceDirectory"/> and <see cref="IPlanChangeApplier"/>: without them the service
/// says so once and does nothing.
/// </summary>
internal sealed class DueChangeService(IServiceProvider services, PlanChangeQueueOptions options, TimeProvider time, ILogger<DueChangeService> logger)
    : PeriodicDuty(options.ProcessDueEvery, time)
{
    protected override bool CanRun()
    {
        if (!options.ProcessDueInBackground)
        {
            return false;
        }

        if (services.GetService<IPlanInstanceDirectory>() is null || services.GetService<IPlanChangeApplier>() is null)
        {
            PlansLogMessages.DueProcessingUnavailable(logger);
            return false;
        }

        return true;
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => services.GetRequiredService<DueChangeSweep>().RunOnceAsync(cancellationToken);

    protected override void Failed(Exception exception) => PlansLogMessages.DueProcessingFailed(logger, exception);
}
