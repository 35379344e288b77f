using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The hosted service that runs a <see cref="DueChangeSweep"/> at start and then every interval, on the injected time. The
/// queue needs the host's <see cref="IPlanInstanceDirectory"/> and <see cref="IPlanChangeApplier"/>: without them the service
/// says so once and does nothing.
/// </summary>
internal sealed class DueChangeService(IServiceProvider services, PlanChangeQueueOptions options, TimeProvider time, ILogger<DueChangeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ProcessDueInBackground)
        {
            return;
        }

        if (services.GetService<IPlanInstanceDirectory>() is null || services.GetService<IPlanChangeApplier>() is null)
        {
            PlansLogMessages.DueProcessingUnavailable(logger);
            return;
        }

        var sweep = services.GetRequiredService<DueChangeSweep>();
        using var timer = new PeriodicTimer(options.ProcessDueEvery, time);
        do
        {
            try
            {
                await sweep.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                PlansLogMessages.DueProcessingFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
