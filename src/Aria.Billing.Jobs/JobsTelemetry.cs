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
    /// <summary>Runs the schedule driver started, tagged <c>caught_up</c>.</summary>
    internal static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("aria.billing.jobs.runs_started", "{run}", "Runs the schedule driver started.");

    /// <summary>How late the schedule driver started a run after its scheduled time, tagged <c>caught_up</c>.</summary>
    internal static readonly Histogram<double> RunStartDelay = Meter.CreateHistogram<double>("aria.billing.jobs.run_start_delay", "s", "How late a scheduled run started.");

    internal static readonly Counter<long> ItemsFailed = Meter.CreateCounter<long>("aria.billing.jobs.work_items_failed", "{item}", "Work items that failed.");
}
