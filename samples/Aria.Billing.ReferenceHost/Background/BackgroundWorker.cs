namespace Aria.Billing.ReferenceHost.Background;

/// <summary>Runs the queued <see cref="BackgroundWork"/>, two at a time; a failure is logged and does not stop the others.</summary>
public sealed partial class BackgroundWorker(BackgroundWork work, IServiceProvider services, ILogger<BackgroundWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => DrainAsync(stoppingToken), stoppingToken)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in work.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await item(services, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Failed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what was not started stays to be resumed (runs and operations are in the store)
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
