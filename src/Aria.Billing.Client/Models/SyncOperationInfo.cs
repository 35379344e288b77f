using Aria.Billing.Sync;
namespace Aria.Billing.Client;

/// <summary>A bulk reprocess or discard and its progress.</summary>
/// <param name="Id">The operation.</param>
/// <param name="Kind">Reprocess or discard.</param>
/// <param name="State">Running, completed or cancelled.</param>
/// <param name="Processed">Records taken so far.</param>
/// <param name="Succeeded">Of those, completed (or discarded).</param>
/// <param name="Failed">Of those, still in error.</param>
public sealed record SyncOperationInfo(Guid Id, SyncOperationKind Kind, SyncOperationState State, long Processed, long Succeeded, long Failed);
