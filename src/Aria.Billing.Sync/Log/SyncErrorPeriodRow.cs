namespace Aria.Billing.Sync;

/// <summary>
/// ERROR records of one object name and action name whose event time falls in one period of a
/// <see cref="ISyncRecordStore.CountErrorsByPeriodAsync"/> count (errors over time, to see whether a fix is working).
/// </summary>
/// <param name="ObjectName">The object name.</param>
/// <param name="ActionName">The action name.</param>
/// <param name="Period">The period's index: period <c>i</c> runs from boundary <c>i</c> (inclusive) to boundary <c>i + 1</c> (exclusive).</param>
/// <param name="Count">How many ERROR records.</param>
public sealed record SyncErrorPeriodRow(string ObjectName, string ActionName, int Period, long Count);
