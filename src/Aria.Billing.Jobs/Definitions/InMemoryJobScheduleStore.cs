namespace Aria.Billing.Jobs;

/// <summary>Schedule definitions in memory: the default for one node and for tests.</summary>
public sealed class InMemoryJobScheduleStore : IJobScheduleStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ClientNumber, string), StoredSchedule> _schedules = [];

    /// <inheritdoc />
    public Task<ScheduleStoreOutcome> SaveAsync(StoredSchedule schedule, bool keepDailyBilling = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        lock (_gate)
        {
            if (keepDailyBilling && !schedule.Definition.IsDailyBilling && IsLastDailyBilling(schedule.Client, schedule.Name))
            {
                return Task.FromResult(ScheduleStoreOutcome.LastDailyBilling);
            }

            _schedules[(schedule.Client, schedule.Name)] = schedule;
            return Task.FromResult(ScheduleStoreOutcome.Saved);
        }
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
    public Task<ScheduleStoreOutcome> DeleteAsync(ClientNumber client, string name, bool keepDailyBilling = false, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_schedules.ContainsKey((client, name)))
            {
                return Task.FromResult(ScheduleStoreOutcome.NotFound);
            }

            if (keepDailyBilling && IsLastDailyBilling(client, name))
            {
                return Task.FromResult(ScheduleStoreOutcome.LastDailyBilling);
            }

            _schedules.Remove((client, name));
            return Task.FromResult(ScheduleStoreOutcome.Deleted);
        }
    }

    /// <summary>Whether <paramref name="name"/> is the client's only daily billing schedule.</summary>
    private bool IsLastDailyBilling(ClientNumber client, string name) =>
        _schedules.TryGetValue((client, name), out var current) && current.Definition.IsDailyBilling
        && !_schedules.Values.Any(s => s.Client == client && s.Name != name && s.Definition.IsDailyBilling);
}
