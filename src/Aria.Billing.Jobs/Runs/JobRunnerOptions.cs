using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>Options of the job runner.</summary>
public sealed class JobRunnerOptions
{
    /// <summary>How long a worker holds a claimed work item; an expired lease lets another worker take it.</summary>
    /// <value>Default 5 minutes.</value>
    public Duration Lease { get; set; } = Duration.FromMinutes(5);

    /// <summary>How many work items a worker claims at a time.</summary>
    /// <value>Default 50.</value>
    public int ClaimBatch { get; set; } = 50;

    /// <summary>How many workers process a job's items at once in this process.</summary>
    /// <value>Default 4.</value>
    public int Workers { get; set; } = 4;

    /// <summary>This process's name on its leases.</summary>
    /// <value>Default the machine name and a random suffix.</value>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";
}
