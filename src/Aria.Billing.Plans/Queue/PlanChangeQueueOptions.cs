using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>Options of the plan-change queue.</summary>
public sealed class PlanChangeQueueOptions
{
    /// <summary>How several due changes of one kind on one instance are processed.</summary>
    /// <value>Default <see cref="QueueOrdering.EffectiveDateOrder"/>.</value>
    public QueueOrdering Ordering { get; set; } = QueueOrdering.EffectiveDateOrder;

    /// <summary>How long a processor holds a claimed change; a failed change is retried after it.</summary>
    /// <value>Default 5 minutes.</value>
    public Duration ClaimLease { get; set; } = Duration.FromMinutes(5);

    /// <summary>How many due changes a processor claims at a time.</summary>
    /// <value>Default 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>This processor's name on its claims.</summary>
    /// <value>Default the machine name and a random suffix.</value>
    public string ProcessorId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";
}
