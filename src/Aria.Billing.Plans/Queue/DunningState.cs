namespace Aria.Billing.Plans.Queue;

/// <summary>The dunning state of a master plan instance.</summary>
public enum DunningState
{
    /// <summary>Not in dunning.</summary>
    None = 0,

    /// <summary>Dunning in progress: a replacement cannot be queued.</summary>
    InProgress = 1,

    /// <summary>Dunning completed: a replacement cannot be queued.</summary>
    Completed = 2,
}
