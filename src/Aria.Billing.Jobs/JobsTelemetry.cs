using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Aria.Billing.Jobs;

/// <summary>
/// The package's <see cref="Meter"/> and <see cref="ActivitySource"/>, both named <c>Aria.Billing.Jobs</c>, so that
/// OpenTelemetry picks them up without adapters.
/// </summary>
public static class JobsTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Aria.Billing.Jobs";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Work items completed successfully, tagged <c>job_type</c>.</summary>
    internal static readonly Counter<long> ItemsCompleted = Meter.CreateCounter<long>("aria.billing.jobs.work_items_completed", "{item}", "Work items completed.");

    /// <summary>Work items that failed, tagged <c>job_type</c>.</summary>
    internal static readonly Counter<long> ItemsFailed = Meter.CreateCounter<long>("aria.billing.jobs.work_items_failed", "{item}", "Work items that failed.");
}
