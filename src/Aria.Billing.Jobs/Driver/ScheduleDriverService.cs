using Microsoft.Extensions.Logging;

namespace Aria.Billing.Jobs;

/// <summary>The hosted service that runs a <see cref="ScheduleDriver"/> pass at start and then every interval, on the injected time.</summary>
internal sealed class ScheduleDriverService(ScheduleDriver driver, ScheduleDriverOptions options, TimeProvider time, ILogger<ScheduleDriverService> logger)
    : PeriodicDuty(options.Interval, time)
{
    protected override bool CanRun() => options.Enabled || options.RecoverRuns;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => driver.RunOnceAsync(cancellationToken);

    protected override void Failed(Exception exception) => JobsLogMessages.DriverFailed(logger, exception);
}
