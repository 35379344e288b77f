namespace Aria.Billing.Sync;

/// <summary>The levels at which records are reprocessed or discarded.</summary>
public enum SyncScopeLevel
{
    /// <summary>Every ERROR record of the log.</summary>
    All = 0,

    /// <summary>One (object name, action name) summary row.</summary>
    Summary = 1,

    /// <summary>One (error code, error message) row under a summary row.</summary>
    ErrorSummary = 2,

    /// <summary>One record.</summary>
    Record = 3,

    /// <summary>One aggregated usage batch.</summary>
    Batch = 4,

    /// <summary>One error code of an aggregated usage batch.</summary>
    BatchErrorSummary = 5,
}
