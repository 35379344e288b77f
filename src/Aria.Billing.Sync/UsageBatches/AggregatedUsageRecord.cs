using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>A rated usage record as the aggregated usage sync tracks it.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="RecordedAt">When the usage occurred; it decides the batch.</param>
/// <param name="Status">The sync status of the record in the billing system.</param>
/// <param name="ErrorCode">The sync error code of an errored record.</param>
/// <param name="ErrorMessage">The sync error message of an errored record.</param>
public sealed record AggregatedUsageRecord(long Id, Instant RecordedAt, SyncStatus Status, string? ErrorCode = null, string? ErrorMessage = null);
