namespace Aria.Billing.Jobs;

/// <summary>What a schedule store did with a save or a delete.</summary>
public enum ScheduleStoreOutcome
{
    /// <summary>The definition was added or replaced.</summary>
    Saved = 0,

    /// <summary>The definition was removed.</summary>
    Deleted = 1,

    /// <summary>There was no definition of that name.</summary>
    NotFound = 2,

    /// <summary>Nothing was written: the client would have been left without a daily billing schedule.</summary>
    LastDailyBilling = 3,
}
