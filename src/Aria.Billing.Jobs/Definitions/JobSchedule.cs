namespace Aria.Billing.Jobs;

/// <summary>A job schedule of a client: a name, when it runs, and the jobs it runs in order.</summary>
public sealed record JobSchedule
{
    /// <summary>The schedule's name (unique per client).</summary>
    public required string Name { get; init; }

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>When it runs.</summary>
    public required ScheduleCalendar Calendar { get; init; }

    /// <summary>The jobs, in the order they run; each waits for the one before.</summary>
    public required IReadOnlyList<JobDefinition> Jobs { get; init; }

    /// <summary>Whether this is a daily schedule with a billing job (a client of the rating engine always keeps one).</summary>
    public bool IsDailyBilling => Calendar.Frequency.Kind == FrequencyKind.Daily && Jobs.Any(j => j.JobType == JobTypes.Billing);
}
