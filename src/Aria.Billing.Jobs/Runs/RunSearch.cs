using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>A search of schedule runs by run date (inclusive range), optionally by status and process (job) name.</summary>
/// <param name="Client">The client.</param>
/// <param name="From">The first run date.</param>
/// <param name="To">The last run date.</param>
/// <param name="Status">Only runs with a job of this status.</param>
/// <param name="ProcessName">Only runs with a job of this name (case-insensitive, whole name).</param>
public sealed record RunSearch(ClientNumber Client, LocalDate From, LocalDate To, BatchStatus? Status = null, string? ProcessName = null);
