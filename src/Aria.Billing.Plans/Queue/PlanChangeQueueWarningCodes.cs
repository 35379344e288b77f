namespace Aria.Billing.Plans.Queue;

/// <summary>The codes of the queue's warnings.</summary>
public static class PlanChangeQueueWarningCodes
{
    /// <summary>The parent will be suspended, terminated or cancelled on the change's date: the change cannot take effect.</summary>
    public static AriaErrorCode ParentInactiveOnDate { get; } = AriaErrorCode.Symbolic("PARENT_INACTIVE_ON_DATE");

    /// <summary>
    /// CHANGE_VOIDED: execute-now did not apply the change but deleted it, as due processing would have (its parent change
    /// deleted, its parent plan instance suspended, terminated or cancelled, or a replacement blocked by dunning).
    /// </summary>
    public static AriaErrorCode ChangeVoided { get; } = AriaErrorCode.Symbolic("CHANGE_VOIDED");
}
