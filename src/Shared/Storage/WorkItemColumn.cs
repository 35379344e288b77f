namespace Aria.Billing.Storage;

/// <summary>The columns of <c>work_item</c> a row is read from, in SELECT order: each value is the column's ordinal.</summary>
internal enum WorkItemColumn
{
    Id,
    RunId,
    JobIndex,
    ItemKey,
    State,
    Attempts,
    LeaseOwner,
    LeaseExpiresAt,
    Error,
    History,
}
