using Aria.Billing.Jobs;
using Aria.Billing.ReferenceHost.Security;
using Aria.Billing.Sync;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Aria.Billing.ReferenceHost.Background;

/// <summary>
/// Finishes what a crash or a stop left running, at start and then every <c>AriaHost:SweepEvery</c> (default 30 s), for
/// each configured client: the bulk sync operations still marked running (<see cref="SyncReprocessor.ResumeAsync"/>: one
/// another node is running is left to it, one whose node died is taken over once its lease has expired), and the schedule
/// runs dated within the last <c>AriaHost:SweepDays</c> days (default 35) with a job still New or Running, or Incomplete
/// (an execution interrupted by a stop: <see cref="JobRunner.ExecuteAsync"/> resumes it before any later job; safe beside
/// another execution of the same run). Without it, a crashed operation would refuse every later reprocess of its scope,
/// and a crashed or stopped run would wait for someone to trigger it again.
/// </summary>
public sealed partial class LeftRunningSweeper(
    SyncReprocessor reprocessor, JobRunner runner, IJobRunStore runs, IClock clock, IOptions<HostSecurityOptions> clients, IConfiguration configuration,
    ILogger<LeftRunningSweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = configuration.GetValue("AriaHost:SweepDays", 35);
        using var timer = new PeriodicTimer(configuration.GetValue("AriaHost:SweepEvery", TimeSpan.FromSeconds(30)));
        do
        {
            foreach (var client in clients.Value.Clients.Select(c => new ClientNumber(c.ClientNo)))
            {
                try
                {
                    await SweepAsync(client, days, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Failed(logger, client.Value, ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(ClientNumber client, int days, CancellationToken stoppingToken)
    {
        foreach (var domain in Enum.GetValues<SyncDomain>())
        {
            foreach (var ended in await reprocessor.ResumeAsync(client, domain, null, stoppingToken))
            {
                if (ended.State != SyncOperationState.Running)
                {
                    OperationFinished(logger, ended.Id, ended.State, ended.Processed);
                }
            }
        }

        var today = clock.GetCurrentInstant().InUtc().Date;
        var window = await runs.SearchRunsAsync(new RunSearch(client, today.PlusDays(-days), today.PlusDays(1)), stoppingToken);
        foreach (var run in window.Where(r => r.Jobs.Any(j => j.Status is BatchStatus.New or BatchStatus.Running or BatchStatus.Incomplete)))
        {
            var executed = await runner.ExecuteAsync(client, run.Id, stoppingToken);
            if (executed.IsSuccess && executed.Value.Status is not (BatchStatus.New or BatchStatus.Running))
            {
                RunFinished(logger, run.Id, run.Schedule, executed.Value.Status);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished sync operation {OperationId} left running: {State}, {Processed} processed")]
    private static partial void OperationFinished(ILogger logger, Guid operationId, SyncOperationState state, long processed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished run {RunId} of schedule {Schedule} left running: {Status}")]
    private static partial void RunFinished(ILogger logger, Guid runId, string schedule, BatchStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping what client {ClientNo} left running failed")]
    private static partial void Failed(ILogger logger, long clientNo, Exception exception);
}
