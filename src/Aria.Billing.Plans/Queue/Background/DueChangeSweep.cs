using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// One pass of the Plans package's background duty: every client with queued changes due is processed as of today in its
/// own time zone (<see cref="ClientTimeZones"/>); the queue's claims keep each change applied once across nodes.
/// </summary>
internal sealed class DueChangeSweep(IPlanChangeStore store, PlanChangeQueue queue, ClientTimeZones zones, IClock clock, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Processes what is due; returns each client's report.</summary>
    public async Task<IReadOnlyList<(ClientNumber Client, ProcessDueReport Report)>> RunOnceAsync(CancellationToken cancellationToken)
    {
        // No zone is more than a day ahead of UTC: the clients with anything due by tomorrow (UTC) are the candidates.
        var dueBy = clock.GetCurrentInstant().InUtc().Date.PlusDays(1);
        var reports = new List<(ClientNumber, ProcessDueReport)>();
        foreach (var client in await store.ListClientsWithDueAsync(dueBy, cancellationToken).ConfigureAwait(false))
        {
            var today = zones.Today(client);
            var report = await queue.ProcessDueAsync(client, today, cancellationToken).ConfigureAwait(false);
            if (report.Executed.Count + report.Failed.Count + report.Deleted.Count > 0)
            {
                PlansLogMessages.DueProcessed(_logger, client.Value, today.ToString("uuuu-MM-dd", null), report.Executed.Count, report.Failed.Count, report.Deleted.Count);
            }

            reports.Add((client, report));
        }

        return reports;
    }
}
