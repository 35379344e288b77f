namespace Aria.Billing.Jobs;

/// <summary>
/// Where schedule definitions live, shared by every node of a host. The rule that a client of the rating engine keeps a
/// daily billing schedule is checked by the store itself, in the same write, so that two nodes cannot each remove one of
/// the last two.
/// </summary>
public interface IJobScheduleStore
{
    /// <summary>
    /// Adds the definition, or replaces the one of the same client and name; when <paramref name="keepDailyBilling"/>, refuses
    /// (<see cref="ScheduleStoreOutcome.LastDailyBilling"/>, nothing written) to replace the client's last daily billing schedule
    /// with one that is not.
    /// </summary>
    Task<ScheduleStoreOutcome> SaveAsync(StoredSchedule schedule, bool keepDailyBilling = false, CancellationToken cancellationToken = default);

    /// <summary>The client's definition of that name, or <see langword="null"/>.</summary>
    Task<StoredSchedule?> GetAsync(ClientNumber client, string name, CancellationToken cancellationToken = default);

    /// <summary>The client's definitions, by name.</summary>
    Task<IReadOnlyList<StoredSchedule>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default);

    /// <summary>Every client's schedules, by client then name: what the schedule driver watches.</summary>
    Task<IReadOnlyList<StoredSchedule>> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the client's definition of that name; when <paramref name="keepDailyBilling"/>, refuses
    /// (<see cref="ScheduleStoreOutcome.LastDailyBilling"/>) to remove the client's last daily billing schedule.
    /// </summary>
    Task<ScheduleStoreOutcome> DeleteAsync(ClientNumber client, string name, bool keepDailyBilling = false, CancellationToken cancellationToken = default);
}
