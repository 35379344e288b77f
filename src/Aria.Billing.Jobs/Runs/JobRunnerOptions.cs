namespace Aria.Billing.Jobs;

/// <summary>Options of the job runner.</summary>
public sealed class JobRunnerOptions
{
    /// <summary>The configuration section these options bind from (<c>AddJobs(configuration)</c>).</summary>
    public const string SectionName = "AriaBilling:Jobs";

    /// <summary>How long a worker holds a claimed work item; an expired lease lets another worker take it.</summary>
    /// <value>Default 5 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many work items a worker claims at a time.</summary>
    /// <value>Default 50.</value>
    public int ClaimBatch { get; set; } = 50;

    /// <summary>How many workers process a job's items at once in this process.</summary>
    /// <value>Default 4.</value>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// The most jobs one schedule may run; a schedule with more is refused with <see cref="JobErrorCodes.TooManyJobs"/>.
    /// A bound on how long one client's run can keep a worker of the shared background capacity.
    /// </summary>
    /// <value>Default 50; 1 to 1,000.</value>
    public int MaxJobsPerSchedule { get; set; } = 50;

    /// <summary>
    /// The most work items the jobs of one run may produce, all jobs together; the job whose items would cross it ends in
    /// Error (<see cref="JobErrorCodes.TooManyWorkItems"/>) without adding any, and the later jobs end in Warning.
    /// </summary>
    /// <value>Default 100,000; 1 to 10,000,000.</value>
    public int MaxWorkItemsPerRun { get; set; } = 100_000;

    /// <summary>This process's name on its leases.</summary>
    /// <value>Default the machine name and a random suffix.</value>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>The rules of these options, checked by <c>AddJobs</c> when the host starts and by <see cref="JobRunner"/>.</summary>
    /// <summary>
    /// Whether every client uses the rating engine, and so must always keep a daily billing schedule
    /// (job-schedule-management.txt); when <see langword="false"/>, only the clients in <see cref="RatingEngineClients"/> must.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool EveryClientUsesRatingEngine { get; set; } = true;

    /// <summary>The clients flagged as using the rating engine, when <see cref="EveryClientUsesRatingEngine"/> is <see langword="false"/>.</summary>
    /// <value>Default none.</value>
    public IList<long> RatingEngineClients { get; set; } = [];

    /// <summary>Whether <paramref name="client"/> must keep a daily billing schedule.</summary>
    public bool UsesRatingEngine(ClientNumber client) => EveryClientUsesRatingEngine || RatingEngineClients.Contains(client.Value);

    internal static OptionRules<JobRunnerOptions> Rules { get; } = new OptionRules<JobRunnerOptions>(SectionName)
        .InRange(nameof(Workers), o => o.Workers, 1, 64)
        .InRange(nameof(ClaimBatch), o => o.ClaimBatch, 1, 10_000)
        .InRange(nameof(MaxJobsPerSchedule), o => o.MaxJobsPerSchedule, 1, 1_000)
        .InRange(nameof(MaxWorkItemsPerRun), o => o.MaxWorkItemsPerRun, 1, 10_000_000)
        .InRange(nameof(Lease), o => o.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .Required(nameof(WorkerId), o => o.WorkerId, "name this node (unique among nodes)");
}
