namespace Aria.Billing.Sync;

/// <summary>Options of sync reprocessing.</summary>
public sealed class SyncOptions
{
    /// <summary>The configuration section these options bind to by convention: <c>AriaBilling:Sync</c>.</summary>
    public const string SectionName = "AriaBilling:Sync";

    /// <summary>How many records a bulk operation takes from the store at a time (and saves its progress after).</summary>
    /// <value>Default 500; 1 to 10,000.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How many reprocessed records' outcomes a bulk reprocess writes together (one set-based update), instead of one write
    /// per record. The trade-off is what a crash leaves: handlers run one at a time, and a crash loses the outcomes not yet
    /// written, so the run that resumes the operation cannot know which of those records' handlers ran. It never runs them
    /// again; it leaves up to this many records ERROR, noted "interrupted" and counted skipped (with 1, only the record the
    /// crash caught). A larger value makes a bulk reprocess several times faster on PostgreSQL (issue 19:
    /// <c>benchmarks/results/sync-scale.md</c>).
    /// </summary>
    /// <value>Default 1 (every outcome written before the next handler runs); 1 to <see cref="BatchSize"/>.</value>
    public int OutcomeWriteBatch { get; set; } = 1;

    /// <summary>
    /// Who runs operations from this reprocessor: the holder of an operation's lease. Give each node a stable id of its own
    /// to resume its operations at once after a restart; with the default, a crashed node's lease has to expire first.
    /// </summary>
    /// <value>Default: the machine name and a new GUID.</value>
    public string RunnerId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>
    /// How long an operation's lease lasts; it is renewed between records once half of it has passed, so it must be longer
    /// than the slowest handler call. Another node can take over an operation whose lease has expired.
    /// </summary>
    /// <value>Default 1 minute; at least 1 second.</value>
    public TimeSpan OperationLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Object names in the order their records are reprocessed ("prerequisites first"): usage types and services before
    /// plans, accounts before plan instances, master before supplemental. Names match whole, ignoring case; unlisted
    /// objects come last. Within one object, create actions come before the others.
    /// </summary>
    /// <value>Default <see langword="null"/>: <see cref="DefaultDependencyOrder"/> (Usage Type, Service, Services, Plan, Plan Rate
    /// Schedule, Plan Services, Rates, Account, Contact, Master Plan Instance, Plan Instance, Supplemental Plan Instance,
    /// Contract). A list set here, or bound from configuration, replaces it whole.</value>
    public IList<string>? DependencyOrder { get; set; }

    /// <summary>The order of the spec's dependency chain, used when <see cref="DependencyOrder"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultDependencyOrder { get; } =
    [
        "Usage Type", "Service", "Services", "Plan", "Plan Rate Schedule", "Plan Services", "Rates",
        "Account", "Contact", "Master Plan Instance", "Plan Instance", "Supplemental Plan Instance", "Contract",
    ];

    /// <summary>The order in effect: <see cref="DependencyOrder"/> when set, else <see cref="DefaultDependencyOrder"/>.</summary>
    internal IReadOnlyList<string> EffectiveDependencyOrder => DependencyOrder is { } order ? [.. order] : DefaultDependencyOrder;

    /// <summary>
    /// Whether every node resumes, in the background, the bulk operations a crash left running (each taken over only once
    /// its runner's lease has expired) and processes the records a crash left PENDING (once <see cref="PendingLease"/> has
    /// passed).
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool RecoverOperations { get; set; } = true;

    /// <summary>How often each node looks for operations left running and records left PENDING.</summary>
    /// <value>Default 30 seconds; 1 second to 1 hour.</value>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a record may stay PENDING — stored, its handler not yet done — before it counts as left by a crash between
    /// storing and processing: the recovery pass then claims it and processes it again, and so does an ingest of the same
    /// event id. A claim starts the lease again, so it must be longer than the slowest handler call.
    /// </summary>
    /// <value>Default 5 minutes; 1 second to 1 day.</value>
    public TimeSpan PendingLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The rules of these options, checked by <c>AddSync</c> when the host starts and by <see cref="SyncReprocessor"/>.</summary>
    internal static OptionRules<SyncOptions> Rules { get; } = new OptionRules<SyncOptions>(SectionName)
        .InRange(nameof(BatchSize), o => o.BatchSize, 1, 10_000)
        .InRange(nameof(OutcomeWriteBatch), o => o.OutcomeWriteBatch, 1, 10_000)
        .Required(nameof(RunnerId), o => o.RunnerId, "name this node (stable across restarts, unique among nodes)")
        .InRange(nameof(OperationLease), o => o.OperationLease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .InRange(nameof(PendingLease), o => o.PendingLease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .InRange(nameof(RecoveryInterval), o => o.RecoveryInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
}
