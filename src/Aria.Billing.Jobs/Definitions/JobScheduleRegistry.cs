using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>
/// The job schedules of clients, over the <see cref="IJobScheduleStore"/> every node shares (spec:
/// job-schedule-management.txt). Several per client; a client that uses the rating engine always keeps a daily billing
/// schedule — replacing or removing the last one is refused on every node and every path, since the store checks it in
/// the same write; a daily order other than rating → sync transactions → billing gets a warning.
/// </summary>
public sealed class JobScheduleRegistry
{
    private readonly IJobScheduleStore _store;
    private readonly IClock _clock;
    private readonly IDateTimeZoneProvider _zones;
    private readonly ClientTimeZones? _clientZones;
    private readonly JobRunnerOptions _options;

    /// <summary>A registry over a store.</summary>
    /// <param name="store">Where the definitions live.</param>
    /// <param name="clock">Stamps each save.</param>
    /// <param name="zones">Checks and resolves time zone ids.</param>
    /// <param name="clientZones">The clients' zones, for schedules that name none; UTC when omitted.</param>
    /// <param name="options">Which clients use the rating engine; every client when omitted.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public JobScheduleRegistry(IJobScheduleStore store, IClock clock, IDateTimeZoneProvider zones, ClientTimeZones? clientZones = null, JobRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zones);
        _store = store;
        _clock = clock;
        _zones = zones;
        _clientZones = clientZones;
        _options = JobRunnerOptions.Rules.ThrowIfInvalid(options ?? new JobRunnerOptions(), nameof(options));
    }

    /// <summary>
    /// Adds or replaces a schedule: refused when it has no name or job, names an unknown time zone, or would replace the
    /// client's last daily billing schedule with one that is not; warns when the recommended daily order is not followed.
    /// </summary>
    public async Task<AriaResult<StoredSchedule>> SaveAsync(ScheduleDefinition definition, string savedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(savedBy);
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Jobs.Count == 0
            || definition.Jobs.Any(static j => string.IsNullOrWhiteSpace(j.Name) || string.IsNullOrWhiteSpace(j.JobType)))
        {
            return new AriaError(JobErrorCodes.InvalidSchedule, "A schedule needs a name and at least one job, each with a name and a type.", "schedule");
        }

        if (definition.Jobs.Count > _options.MaxJobsPerSchedule)
        {
            return new AriaError(JobErrorCodes.TooManyJobs,
                $"A schedule runs at most {_options.MaxJobsPerSchedule} jobs; this one has {definition.Jobs.Count}.", "jobs");
        }

        if (definition.TimeZoneId is { } zone && _zones.GetZoneOrNull(zone) is null)
        {
            return new AriaError(JobErrorCodes.InvalidSchedule, $"time_zone '{zone}' is not a tz database id.", "time_zone");
        }

        var stored = new StoredSchedule(definition, _clock.GetCurrentInstant(), savedBy);
        if (await _store.SaveAsync(stored, _options.UsesRatingEngine(definition.Client), cancellationToken).ConfigureAwait(false) == ScheduleStoreOutcome.LastDailyBilling)
        {
            return LastDailyBilling(definition.Name);
        }

        return OrderWarning(definition) is { } warning ? AriaResult.Success(stored, [warning]) : stored;
    }

    /// <summary>
    /// The warning NOT_RECOMMENDED_ORDER when <paramref name="definition"/> runs usage rating, sync transactions and billing in
    /// another order than the recommended one (spec: job-schedule-management.txt); <see langword="null"/> when it does not.
    /// </summary>
    public static AriaWarning? OrderWarning(ScheduleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var order = definition.Jobs.Select(static j => j.JobType).Where(JobTypes.RecommendedDailyOrder.Contains).ToArray();
        var recommended = JobTypes.RecommendedDailyOrder.Where(order.Contains).ToArray();
        return order.SequenceEqual(recommended)
            ? null
            : new AriaWarning(
                JobWarningCodes.NotRecommendedOrder,
                $"Schedule '{definition.Name}' runs {string.Join(" → ", order)}; the recommended order is usage rating → sync transactions → billing.");
    }

    /// <summary>Removes a schedule, unless it is the last daily billing schedule of a client of the rating engine.</summary>
    public async Task<AriaResult<ScheduleDefinition>> RemoveAsync(ClientNumber client, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var existing = await _store.GetAsync(client, name, cancellationToken).ConfigureAwait(false);
        return await _store.DeleteAsync(client, name, _options.UsesRatingEngine(client), cancellationToken).ConfigureAwait(false) switch
        {
            ScheduleStoreOutcome.Deleted when existing is not null => existing.Definition,
            ScheduleStoreOutcome.LastDailyBilling => LastDailyBilling(name),
            _ => new AriaError(JobErrorCodes.ScheduleNotFound, $"Client {client} has no schedule '{name}'.", "schedule"),
        };
    }

    /// <summary>The client's schedule of that name, or <see langword="null"/>.</summary>
    public async Task<ScheduleDefinition?> FindAsync(ClientNumber client, string name, CancellationToken cancellationToken = default) =>
        (await _store.GetAsync(client, name, cancellationToken).ConfigureAwait(false))?.Definition;

    /// <summary>The client's schedule of that name as it runs (in the client's zone when it names none), or <see langword="null"/>.</summary>
    public async Task<JobSchedule?> ResolveAsync(ClientNumber client, string name, CancellationToken cancellationToken = default) =>
        (await FindAsync(client, name, cancellationToken).ConfigureAwait(false))?.Resolve(_zones, ZoneOf(client));

    /// <summary>The client's schedules, by name.</summary>
    public async Task<IReadOnlyList<ScheduleDefinition>> ListAsync(ClientNumber client, CancellationToken cancellationToken = default) =>
        [.. (await _store.ListAsync(client, cancellationToken).ConfigureAwait(false)).Select(static s => s.Definition)];

    private DateTimeZone ZoneOf(ClientNumber client) => _clientZones?.For(client) ?? DateTimeZone.Utc;

    private static AriaError LastDailyBilling(string name) => new(
        JobErrorCodes.LastDailyBillingSchedule,
        $"Schedule '{name}' is the client's last daily billing schedule; a client of the rating engine must keep one.",
        "schedule");
}
