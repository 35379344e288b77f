using NodaTime;

namespace Aria.Billing.Jobs;

/// <summary>One job of a schedule run: its place in the order, its status and timings.</summary>
public sealed record JobRun
{
    /// <summary>The job's position in the schedule (0 first).</summary>
    public required int Index { get; init; }

    /// <summary>The job's (process) name, as the audit log shows it.</summary>
    public required string Name { get; init; }

    /// <summary>The job type (usage rating, sync transactions, billing …, or a host-defined one).</summary>
    public required string JobType { get; init; }

    /// <summary>Its status (batch status code).</summary>
    public BatchStatus Status { get; init; }

    /// <summary>What happened to the job as a whole (failed, interrupted, suspended, dependency errored), if anything.</summary>
    public JobCondition Condition { get; init; }

    /// <summary>The error that failed the job itself.</summary>
    public string? Error { get; init; }

    /// <summary>When it started.</summary>
    public Instant? StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public Instant? FinishedAt { get; init; }

    /// <summary>How many times it was run (reprocessing adds attempts).</summary>
    public int Attempts { get; init; }
}
