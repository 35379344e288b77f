namespace Aria.Billing.Jobs;

/// <summary>
/// The job schedules of clients. Several per client; a client that uses the rating engine always keeps a daily billing
/// schedule (removing the last one is refused); a daily order other than rating → sync transactions → billing gets a warning.
/// </summary>
public sealed class JobScheduleRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ClientNumber, string), JobSchedule> _schedules = [];

    /// <summary>Adds or replaces a schedule; warns when the recommended daily order is not followed.</summary>
    public AriaResult<JobSchedule> Save(JobSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (string.IsNullOrWhiteSpace(schedule.Name) || schedule.Jobs.Count == 0 || schedule.Jobs.Any(j => string.IsNullOrWhiteSpace(j.Name) || string.IsNullOrWhiteSpace(j.JobType)))
        {
            return new AriaError(JobErrorCodes.InvalidSchedule, "A schedule needs a name and at least one job, each with a name and a type.", "schedule");
        }

        lock (_gate)
        {
            if (_schedules.TryGetValue((schedule.Client, schedule.Name), out var old) && old.IsDailyBilling && !schedule.IsDailyBilling && !HasOtherDailyBilling(schedule.Client, schedule.Name))
            {
                return LastDailyBilling(schedule.Name);
            }

            _schedules[(schedule.Client, schedule.Name)] = schedule;
        }

        var order = schedule.Jobs.Select(j => j.JobType).Where(JobTypes.RecommendedDailyOrder.Contains).ToArray();
        var recommended = JobTypes.RecommendedDailyOrder.Where(order.Contains).ToArray();
        return order.SequenceEqual(recommended)
            ? schedule
            : AriaResult.Success(schedule, [new AriaWarning(
                JobWarningCodes.NotRecommendedOrder,
                $"Schedule '{schedule.Name}' runs {string.Join(" → ", order)}; the recommended order is usage rating → sync transactions → billing.")]);
    }

    /// <summary>Removes a schedule, unless it is the client's last daily billing schedule.</summary>
    public AriaResult<JobSchedule> Remove(ClientNumber client, string name)
    {
        lock (_gate)
        {
            if (!_schedules.TryGetValue((client, name), out var schedule))
            {
                return new AriaError(JobErrorCodes.ScheduleNotFound, $"Client {client} has no schedule '{name}'.", "schedule");
            }

            if (schedule.IsDailyBilling && !HasOtherDailyBilling(client, name))
            {
                return LastDailyBilling(name);
            }

            _schedules.Remove((client, name));
            return schedule;
        }
    }

    /// <summary>The schedule with this name.</summary>
    public JobSchedule? Find(ClientNumber client, string name)
    {
        lock (_gate)
        {
            return _schedules.GetValueOrDefault((client, name));
        }
    }

    /// <summary>The client's schedules, by name.</summary>
    public IReadOnlyList<JobSchedule> List(ClientNumber client)
    {
        lock (_gate)
        {
            return _schedules.Values.Where(s => s.Client == client).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        }
    }

    private bool HasOtherDailyBilling(ClientNumber client, string name) =>
        _schedules.Values.Any(s => s.Client == client && s.Name != name && s.IsDailyBilling);

    private static AriaError LastDailyBilling(string name) => new(
        JobErrorCodes.LastDailyBillingSchedule,
        $"Schedule '{name}' is the client's last daily billing schedule; a client of the rating engine must keep one.",
        "schedule");
}
