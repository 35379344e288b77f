namespace Aria.Billing.Jobs;

/// <summary>What happened to a job as a whole, apart from its work items.</summary>
public enum JobCondition
{
    /// <summary>Nothing beyond its work items.</summary>
    None = 0,

    /// <summary>The job itself failed (not a work item): Error.</summary>
    Errored = 1,

    /// <summary>Interrupted by hand: Incomplete.</summary>
    Interrupted = 2,

    /// <summary>Suspended by hand: Suspended.</summary>
    Suspended = 3,

    /// <summary>Did not run because a job it depends on ended in Error: Warning.</summary>
    DependencyErrored = 4,
}
