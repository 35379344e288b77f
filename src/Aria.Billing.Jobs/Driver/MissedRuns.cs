namespace Aria.Billing.Jobs;

/// <summary>What the schedule driver does with the run dates it missed while no node was running.</summary>
public enum MissedRuns
{
    /// <summary>Runs every missed date within the catch-up window, oldest first (the default: no bill day is skipped).</summary>
    CatchUpAll = 0,

    /// <summary>Runs only the latest missed date of each schedule; the earlier ones are skipped (and logged).</summary>
    LatestOnly = 1,
}
