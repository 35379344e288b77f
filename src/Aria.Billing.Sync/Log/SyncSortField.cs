namespace Aria.Billing.Sync;

/// <summary>The sorts of the activity log.</summary>
public enum SyncSortField
{
    /// <summary>By activity log id (the default, newest first).</summary>
    Id = 0,

    /// <summary>By status.</summary>
    Status = 1,

    /// <summary>By action name.</summary>
    ActionName = 2,

    /// <summary>By object name.</summary>
    ObjectName = 3,
}
