using NodaTime;

namespace Aria.Billing.Sync;

/// <summary>One processing attempt of a sync record, kept in its history.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What: <c>ingest</c>, <c>reprocess</c>, <c>discard</c>, <c>interrupted</c> or <c>recover</c> (a PENDING record left by a crash, processed by the recovery pass).</param>
/// <param name="Status">The status the attempt left.</param>
/// <param name="ErrorCode">The error code it left, if any.</param>
/// <param name="ErrorMessage">The error message it left, if any.</param>
/// <param name="By">Who or which operation.</param>
public sealed record SyncAttempt(Instant At, string Kind, SyncStatus Status, string? ErrorCode, string? ErrorMessage, string By);
