namespace Aria.Billing.ReferenceHost.Background;

/// <summary>
/// Runs the queued <see cref="BackgroundWork"/>: <see cref="BackgroundWorkOptions.Concurrency"/> workers taking the clients'
/// work round-robin; a failure is logged and does not stop the others. Every piece gets the host's stopping token, so a
/// SIGTERM interrupts it (a job is left Incomplete, an operation resumable) within the host's shutdown timeout.
/// </summary>
public sealed partial class BackgroundWorker(BackgroundWork work, IServiceProvider services, ILogger<BackgroundWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, work.Options.Concurrency).Select(_ => Task.Run(() => DrainAsync(stoppingToken), CancellationToken.None)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!work.TryTake(out var client, out var item))
                {
                    await work.WaitAsync(stoppingToken);
                    continue;
                }

                try
                {
                    await item(services, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // stopping: the run or operation stays in the store to be resumed
                }
                catch (Exception ex)
                {
                    Failed(logger, client.Value, ex);
                }
                finally
                {
                    work.Completed(client);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what was not started stays to be resumed (runs and operations are in the store)
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work of client {Client} failed")]
    private static partial void Failed(ILogger logger, long client, Exception exception);
}
