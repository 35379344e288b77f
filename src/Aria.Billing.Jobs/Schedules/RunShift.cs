namespace Aria.Billing.Jobs;

/// <summary>Why a run does not start at the plain execution time.</summary>
public enum RunShift
{
    /// <summary>It starts at the execution time.</summary>
    None = 0,

    /// <summary>The execution time did not exist that day (spring forward): it starts later by the length of the gap.</summary>
    DaylightSavingGap = 1,

    /// <summary>It was due inside an exception window: it starts when the window ends.</summary>
    ExceptionWindow = 2,
}
