namespace Aria.Billing.Plans.Queue;

/// <summary>The codes of the queue's warnings.</summary>
public static class PlanChangeQueueWarningCodes
{
    /// <summary>The parent will be suspended, terminated or cancelled on the change's date: the change cannot take effect.</summary>
    public static AriaErrorCode ParentInactiveOnDate { get; } = AriaErrorCode.Symbolic("PARENT_INACTIVE_ON_DATE");
}
