using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aria.Billing.Jobs;

/// <summary>The hosted service that runs a <see cref="ScheduleDriver"/> pass at start and then every interval, on the injected time.</summary>
internal sealed class ScheduleDriverService(ScheduleDriver driver, ScheduleDriverOptions options, TimeProvider time, ILogger<ScheduleDriverService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled && !options.RecoverRuns)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, time);
        do
        {
            try
            {
                await driver.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                JobsLogMessages.DriverFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
