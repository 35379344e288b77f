namespace Aria.Billing.Jobs;

/// <summary>Schedule definitions in memory: the default for one node and for tests.</summary>
public sealed class InMemoryJobScheduleStore : IJobScheduleStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ClientNumber, string), StoredSchedule> _schedules = [];

    /// <inheritdoc />
    public Task SaveAsync(StoredSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        lock (_gate)
        {
            _schedules[(schedule.Client, schedule.Name)] = schedule;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StoredSchedule?> GetAsync(ClientNumber client, string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_schedules.GetValueOrDefault((client, name)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSchedule>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredSchedule> found = [.. _schedules.Values.Where(s => s.Client == client).OrderBy(s => s.Name, StringComparer.Ordinal)];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSchedule>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredSchedule> found = [.. _schedules.Values.OrderBy(s => s.Client).ThenBy(s => s.Name, StringComparer.Ordinal)];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(ClientNumber client, string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_schedules.Remove((client, name)));
        }
    }
}
