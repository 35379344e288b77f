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
    /// The most records a bulk reprocess takes as one group: marked in flight together, handled one at a time, their outcomes
    /// written together (one set-based update each way). What a crash leaves is one group: the run that resumes the
    /// operation cannot know which of its records' handlers ran, so it never runs them again; it leaves them ERROR, noted
    /// "interrupted" and counted skipped (they stay in the error summary for the next reprocess). Groups are kept to about
    /// <see cref="OutcomeWriteInterval"/> of handling, so with slow handlers they stay small whatever this says.
    /// </summary>
    /// <value>Default 500 (with a fast handler, a batch is one group: issue 19, <c>benchmarks/results/sync-scale.md</c>);
    /// 1 to 10,000, and no more than <see cref="BatchSize"/> is used. 1: every outcome written before the next handler runs.</value>
    public int OutcomeWriteBatch { get; set; } = 500;

    /// <summary>
    /// About how long a group of a bulk reprocess (<see cref="OutcomeWriteBatch"/>) takes: each group holds as many records
    /// as the previous one handled in this time (the first group of a run holds one), so a crash leaves about this much
    /// handling uncertain — one record with handlers slower than this.
    /// </summary>
    /// <value>Default 100 milliseconds; zero to 1 hour (zero: every group holds <see cref="OutcomeWriteBatch"/> records).</value>
    public TimeSpan OutcomeWriteInterval { get; set; } = TimeSpan.FromMilliseconds(100);

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
        .InRange(nameof(OutcomeWriteInterval), o => o.OutcomeWriteInterval, TimeSpan.Zero, TimeSpan.FromHours(1))
        .Required(nameof(RunnerId), o => o.RunnerId, "name this node (stable across restarts, unique among nodes)")
        .InRange(nameof(OperationLease), o => o.OperationLease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .InRange(nameof(PendingLease), o => o.PendingLease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .InRange(nameof(RecoveryInterval), o => o.RecoveryInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
}
