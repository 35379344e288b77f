namespace Aria.Billing.Sync;

/// <summary>One row of a batch's drill-down: the incomplete records of one error code and status.</summary>
/// <param name="ErrorCode">The sync error code; <see langword="null"/> for pending records.</param>
/// <param name="ErrorMessage">The message of the error code.</param>
/// <param name="Status">The status of the records.</param>
/// <param name="Count">How many records.</param>
public sealed record UsageBatchDetail(string? ErrorCode, string? ErrorMessage, SyncStatus Status, int Count);
