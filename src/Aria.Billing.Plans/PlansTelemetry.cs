using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Aria.Billing.Plans;

/// <summary>
/// The package's <see cref="Meter"/> and <see cref="ActivitySource"/>, both named <c>Aria.Billing.Plans</c>, so that
/// OpenTelemetry picks them up without adapters.
/// </summary>
public static class PlansTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Aria.Billing.Plans";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Queued plan changes applied, tagged <c>kind</c>.</summary>
    internal static readonly Counter<long> ChangesApplied = Meter.CreateCounter<long>("aria.billing.plans.changes_applied", "{change}", "Queued plan changes applied.");

    /// <summary>Queued plan changes whose apply failed, tagged <c>kind</c>.</summary>
    internal static readonly Counter<long> ChangesFailed = Meter.CreateCounter<long>("aria.billing.plans.changes_failed", "{change}", "Queued plan changes whose apply failed.");
}
