namespace Aria.Billing.Sync;

/// <summary>A row of the reprocess summary: ERROR records by object name and action name.</summary>
/// <param name="ObjectName">The object name.</param>
/// <param name="ActionName">The action name.</param>
/// <param name="Count">How many ERROR records.</param>
public sealed record SyncSummaryRow(string ObjectName, string ActionName, long Count);
