namespace Aria.Billing.Plans.Queue;

/// <summary>When a queued plan change takes effect.</summary>
public enum PlanChangeTiming
{
    /// <summary>Immediately: queued and due at once.</summary>
    Immediate = 0,

    /// <summary>On the master plan instance's anniversary (not available when assigning a master plan).</summary>
    Anniversary = 1,

    /// <summary>On a chosen date.</summary>
    Dated = 2,
}
