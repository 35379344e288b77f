namespace Aria.Billing.Jobs;

/// <summary>Where schedule definitions live, shared by every node of a host.</summary>
public interface IJobScheduleStore
{
    /// <summary>Adds the definition, or replaces the one of the same client and name.</summary>
    Task SaveAsync(StoredSchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>The client's definition of that name, or <see langword="null"/>.</summary>
    Task<StoredSchedule?> GetAsync(ClientNumber client, string name, CancellationToken cancellationToken = default);

    /// <summary>The client's definitions, by name.</summary>
    Task<IReadOnlyList<StoredSchedule>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default);

    /// <summary>Every client's schedules, by client then name: what the schedule driver watches.</summary>
    Task<IReadOnlyList<StoredSchedule>> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the client's definition of that name; whether there was one.</summary>
    Task<bool> DeleteAsync(ClientNumber client, string name, CancellationToken cancellationToken = default);
}
