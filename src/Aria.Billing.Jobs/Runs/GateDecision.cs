namespace Aria.Billing.Jobs;

/// <summary>What the core billing system's gate says after polling a run (spec: "Core Aria Batch Job Interdependence").</summary>
public enum GateDecision
{
    /// <summary>The run ended Ok: proceed with the core batch jobs.</summary>
    Proceed = 0,

    /// <summary>The run ended in Error, Partial, Warning, Incomplete or Suspended: a person has to look.</summary>
    NeedsHumanIntervention = 1,

    /// <summary>The run had not ended when the wait ran out.</summary>
    StillRunning = 2,
}
