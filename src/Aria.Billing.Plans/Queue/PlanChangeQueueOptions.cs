namespace Aria.Billing.Plans.Queue;

/// <summary>Options of the plan-change queue.</summary>
public sealed class PlanChangeQueueOptions
{
    /// <summary>The configuration section these options bind from (the <c>Queue</c> section under <c>AriaBilling:Plans</c>).</summary>
    public const string SectionName = "AriaBilling:Plans:Queue";

    /// <summary>How several due changes of one kind on one instance are processed.</summary>
    /// <value>Default <see cref="QueueOrdering.EffectiveDateOrder"/>.</value>
    public QueueOrdering Ordering { get; set; } = QueueOrdering.EffectiveDateOrder;

    /// <summary>How long a processor holds a claimed change; a failed change is retried after it.</summary>
    /// <value>Default 5 minutes.</value>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many due changes a processor claims at a time.</summary>
    /// <value>Default 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>This processor's name on its claims.</summary>
    /// <value>Default the machine name and a random suffix.</value>
    public string ProcessorId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>Whether every node applies due plan changes in the background, each client's "today" in its own zone.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ProcessDueInBackground { get; set; } = true;

    /// <summary>How often each node looks for due plan changes.</summary>
    /// <value>Default 1 minute; 1 second to 1 day.</value>
    public TimeSpan ProcessDueEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The rules of these options, checked by <c>AddPlans</c> when the host starts and by <see cref="PlanChangeQueue"/>.</summary>
    internal static OptionRules<PlanChangeQueueOptions> Rules { get; } = new OptionRules<PlanChangeQueueOptions>(SectionName)
        .Defined(nameof(Ordering), o => o.Ordering)
        .InRange(nameof(ClaimLease), o => o.ClaimLease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .InRange(nameof(BatchSize), o => o.BatchSize, 1, 10_000)
        .Required(nameof(ProcessorId), o => o.ProcessorId, "name this node (unique among nodes)")
        .InRange(nameof(ProcessDueEvery), o => o.ProcessDueEvery, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
}
