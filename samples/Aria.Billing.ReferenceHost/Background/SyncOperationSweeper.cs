using Aria.Billing.ReferenceHost.Security;
using Aria.Billing.Sync;
using Microsoft.Extensions.Options;

namespace Aria.Billing.ReferenceHost.Background;

/// <summary>
/// Finishes the bulk operations a crash or a stop left running, at start and then every <c>AriaHost:Sync:SweepEvery</c>
/// (default 30 s): for each configured client and log, <see cref="SyncReprocessor.ResumeAsync"/>. An operation another
/// node is running is left to it (its lease); one whose node died is taken over once that lease has expired. Without this,
/// a crashed operation would stay "running" and refuse every later reprocess of an overlapping scope.
/// </summary>
public sealed partial class SyncOperationSweeper(
    SyncReprocessor reprocessor, IOptions<HostSecurityOptions> clients, IConfiguration configuration, ILogger<SyncOperationSweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("AriaHost:Sync:SweepEvery", TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(every);
        do
        {
            foreach (var client in clients.Value.Clients)
            {
                foreach (var domain in Enum.GetValues<SyncDomain>())
                {
                    try
                    {
                        foreach (var ended in await reprocessor.ResumeAsync(new ClientNumber(client.ClientNo), domain, null, stoppingToken))
                        {
                            if (ended.State != SyncOperationState.Running)
                            {
                                Finished(logger, ended.Id, ended.State, ended.Processed);
                            }
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Failed(logger, client.ClientNo, domain, ex);
                    }
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished sync operation {OperationId} left running: {State}, {Processed} processed")]
    private static partial void Finished(ILogger logger, Guid operationId, SyncOperationState state, long processed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping the sync operations of client {ClientNo} ({Domain}) failed")]
    private static partial void Failed(ILogger logger, long clientNo, SyncDomain domain, Exception exception);
}
