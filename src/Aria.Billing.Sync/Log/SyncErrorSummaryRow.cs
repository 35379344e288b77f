namespace Aria.Billing.Sync;

/// <summary>A row of the error summary: ERROR records of one summary row by error code and message.</summary>
/// <param name="ObjectName">The object name.</param>
/// <param name="ActionName">The action name.</param>
/// <param name="ErrorCode">The error code.</param>
/// <param name="ErrorMessage">The error message.</param>
/// <param name="Count">How many ERROR records.</param>
public sealed record SyncErrorSummaryRow(string ObjectName, string ActionName, string? ErrorCode, string? ErrorMessage, long Count);
