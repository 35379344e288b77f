namespace Aria.Billing.Storage;

/// <summary>The columns of <c>sync_operation</c> an operation is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum SyncOperationColumn
{
    Id,
    Client,
    Domain,
    Kind,
    ScopeLevel,
    ScopeObject,
    ScopeAction,
    ScopeErrorCode,
    ScopeErrorMessage,
    ScopeRecordId,
    ScopeBatchStart,
    ScopeAccount,
    RequestedBy,
    RequestedAt,
    State,
    Processed,
    Succeeded,
    Failed,
    Skipped,
    FinishedAt,
}
