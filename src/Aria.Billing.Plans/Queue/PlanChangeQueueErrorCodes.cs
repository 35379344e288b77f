namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The codes of the queue's rules (spec: release-6.50.txt, "Queuing Restrictions" and "View Queued Plan Changes"). The spec
/// states most of these rules without numbers, so their codes are symbolic; 14026, 14046 and 14112 are the numeric codes of
/// replace-acct-plan-m.txt.
/// </summary>
public static class PlanChangeQueueErrorCodes
{
    /// <summary>14026: the effective date must be in the future.</summary>
    public static AriaErrorCode EffectiveDateNotInFuture => PlanErrorCodes.InvalidEffectiveDate;

    /// <summary>14112: a plan instance still in queued assignment cannot be updated, replaced or cancelled (queue the change once the assignment has executed).</summary>
    public static AriaErrorCode InstanceInQueuedAssignment => PlanErrorCodes.InstanceInQueuedAssignment;

    /// <summary>QUEUED_CHANGE_NOT_FOUND: no queued change with this id for this client.</summary>
    public static AriaErrorCode NotFound { get; } = AriaErrorCode.Symbolic("QUEUED_CHANGE_NOT_FOUND");

    /// <summary>QUEUED_CHANGE_CLOSED: the change was already executed or deleted.</summary>
    public static AriaErrorCode Closed { get; } = AriaErrorCode.Symbolic("QUEUED_CHANGE_CLOSED");

    /// <summary>ANNIVERSARY_NOT_AVAILABLE: a master plan cannot be assigned on the anniversary.</summary>
    public static AriaErrorCode AnniversaryNotAvailable { get; } = AriaErrorCode.Symbolic("ANNIVERSARY_NOT_AVAILABLE");

    /// <summary>14046 ("Invalid Plan instance number"): the plan instance (or parent) does not exist and is not queued for assignment.</summary>
    public static AriaErrorCode InstanceNotFound => PlanErrorCodes.InvalidPlanInstanceNumber;

    /// <summary>INSTANCE_STATUS_BLOCKS_QUEUE: a suspended, terminated or cancelled instance cannot be queued for changes.</summary>
    public static AriaErrorCode InstanceStatusBlocksQueue { get; } = AriaErrorCode.Symbolic("INSTANCE_STATUS_BLOCKS_QUEUE");

    /// <summary>PARENT_STATUS_BLOCKS_QUEUE: the children of a suspended, terminated or cancelled instance cannot be queued.</summary>
    public static AriaErrorCode ParentStatusBlocksQueue { get; } = AriaErrorCode.Symbolic("PARENT_STATUS_BLOCKS_QUEUE");

    /// <summary>NO_VALID_MASTER_ON_DATE: a supplemental change needs a valid master plan instance on its date.</summary>
    public static AriaErrorCode NoValidMasterOnDate { get; } = AriaErrorCode.Symbolic("NO_VALID_MASTER_ON_DATE");

    /// <summary>CHILD_BEFORE_PARENT: a child's date must be on or after its parent's queued assignment (and a parent not after its children).</summary>
    public static AriaErrorCode ChildBeforeParent { get; } = AriaErrorCode.Symbolic("CHILD_BEFORE_PARENT");

    /// <summary>DUNNING_BLOCKS_REPLACE: an instance in dunning (now or at the date) cannot be replaced.</summary>
    public static AriaErrorCode DunningBlocksReplace { get; } = AriaErrorCode.Symbolic("DUNNING_BLOCKS_REPLACE");

    /// <summary>PROCEED_REQUIRED: the parent will be suspended, terminated or cancelled on the date; confirm with proceed.</summary>
    public static AriaErrorCode ProceedRequired { get; } = AriaErrorCode.Symbolic("PROCEED_REQUIRED");

    /// <summary>EXECUTE_NOT_AVAILABLE: only dated changes (not anniversary, not status) of the top-most pending assignment execute now.</summary>
    public static AriaErrorCode ExecuteNotAvailable { get; } = AriaErrorCode.Symbolic("EXECUTE_NOT_AVAILABLE");

    /// <summary>CHANGE_DATE_NOT_AVAILABLE: only dated changes can have their date changed.</summary>
    public static AriaErrorCode ChangeDateNotAvailable { get; } = AriaErrorCode.Symbolic("CHANGE_DATE_NOT_AVAILABLE");

    /// <summary>CONCURRENT_UPDATE: the change was updated by someone else meanwhile; read it again.</summary>
    public static AriaErrorCode ConcurrentUpdate { get; } = AriaErrorCode.Symbolic("CONCURRENT_UPDATE");

    /// <summary>INVALID_QUEUE_REQUEST: a request that misses what its kind needs (a status for a status change …).</summary>
    public static AriaErrorCode InvalidRequest { get; } = AriaErrorCode.Symbolic("INVALID_QUEUE_REQUEST");
}
