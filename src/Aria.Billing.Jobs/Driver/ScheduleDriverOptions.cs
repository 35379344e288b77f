namespace Aria.Billing.Jobs;

/// <summary>
/// The schedule driver and run recovery, the Jobs package's background duties (hosted services registered by
/// <c>AddJobs</c>, on every node; safe on many nodes at once).
/// </summary>
public sealed class ScheduleDriverOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "AriaBilling:Jobs:Driver";

    /// <summary>Whether the driver starts each stored schedule's due runs by itself.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether runs a crash or a shutdown left New or Running are continued, whatever their date.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool RecoverRuns { get; set; } = true;

    /// <summary>How often each node looks for due runs and runs to continue.</summary>
    /// <value>Default 30 seconds; 1 second to 1 hour.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back the driver catches up run dates it missed while no node was running.</summary>
    /// <value>Default 35 days (more than a month, so that no monthly bill day is skipped); 0 to 400 days.</value>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(35);

    /// <summary>Whether every missed date is run or only the latest.</summary>
    /// <value>Default <see cref="MissedRuns.CatchUpAll"/>.</value>
    public MissedRuns MissedRuns { get; set; } = MissedRuns.CatchUpAll;

    /// <summary>How late after its time a run may start and still count as on time rather than caught up.</summary>
    /// <value>Default 5 minutes.</value>
    public TimeSpan OnTimeTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The rules of these options, checked when the host starts and by the driver.</summary>
    internal static OptionRules<ScheduleDriverOptions> Rules { get; } = new OptionRules<ScheduleDriverOptions>(SectionName)
        .InRange(nameof(Interval), o => o.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))
        .InRange(nameof(CatchUpWindow), o => o.CatchUpWindow, TimeSpan.Zero, TimeSpan.FromDays(400))
        .Defined(nameof(MissedRuns), o => o.MissedRuns)
        .InRange(nameof(OnTimeTolerance), o => o.OnTimeTolerance, TimeSpan.Zero, TimeSpan.FromDays(1));
}
