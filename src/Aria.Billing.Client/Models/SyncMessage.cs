namespace Aria.Billing.Client;

/// <summary>A message for the sync activity log.</summary>
/// <param name="EventId">Its event id (a message sent twice is recorded once).</param>
/// <param name="ObjectName">The object, e.g. Account.</param>
/// <param name="ActionName">The action, e.g. Create.</param>
/// <param name="AccountNo">The account it is about, if any.</param>
/// <param name="Payload">Its JSON payload.</param>
public sealed record SyncMessage(string EventId, string ObjectName, string ActionName, long? AccountNo = null, string Payload = "{}");
