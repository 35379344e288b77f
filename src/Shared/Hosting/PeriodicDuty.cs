using Microsoft.Extensions.Hosting;

namespace Aria.Billing;

/// <summary>
/// A package's recurring background duty (a shared source file compiled into the feature packages): when
/// <see cref="CanRun"/> allows, one pass at start and then one every <paramref name="interval"/> on the injected
/// <paramref name="time"/>; a failed pass is reported and tried again at the next tick, never ending the host.
/// </summary>
internal abstract class PeriodicDuty(TimeSpan interval, TimeProvider time) : BackgroundService
{
    /// <summary>Whether the duty runs on this node (switched on, and what it needs is registered); says why not itself.</summary>
    protected abstract bool CanRun();

    /// <summary>One pass.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Reports a failed pass.</summary>
    protected abstract void Failed(Exception exception);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!CanRun())
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
