using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>
/// The filters of the Aggregated Usage Sync view (spec: billing-sync-reprocess.txt, "Filter Aggregated Usage Activity"):
/// batches on or after a start date at 00:00, before an end date at 00:00, and with records of a status.
/// </summary>
/// <param name="Client">The client.</param>
/// <param name="StartDate">Batches starting on or after this day at 00:00 in <paramref name="Zone"/>.</param>
/// <param name="EndDate">Batches starting before this day at 00:00 in <paramref name="Zone"/>.</param>
/// <param name="Status">Only batches that hold records of this status.</param>
/// <param name="Zone">The time zone whose days <paramref name="StartDate"/> and <paramref name="EndDate"/> are (the client's: see <see cref="ClientTimeZones"/>); UTC when null.</param>
public sealed record UsageBatchFilter(ClientNumber Client, LocalDate? StartDate = null, LocalDate? EndDate = null, SyncStatus? Status = null, DateTimeZone? Zone = null);
