using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>A schedule definition as a store keeps it, with when and by whom it was last saved.</summary>
/// <param name="Definition">The definition.</param>
/// <param name="SavedAt">When it was last saved (the driver never back-fills runs before it).</param>
/// <param name="SavedBy">Who saved it.</param>
public sealed record StoredSchedule(ScheduleDefinition Definition, Instant SavedAt, string SavedBy)
{
    /// <summary>The client the schedule belongs to.</summary>
    public ClientNumber Client => Definition.Client;

    /// <summary>The schedule's name.</summary>
    public string Name => Definition.Name;
}
