namespace Aria.Billing.Sync;

/// <summary>A bulk operation on sync records.</summary>
public enum SyncOperationKind
{
    /// <summary>Run the handler again for every ERROR record of the scope.</summary>
    Reprocess = 0,

    /// <summary>Mark every ERROR record of the scope DISCARDED, for good.</summary>
    Discard = 1,
}
