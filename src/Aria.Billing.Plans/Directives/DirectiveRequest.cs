namespace Aria.Billing.Plans;

/// <summary>The inputs of a plan change that decide its assignment directive and timing.</summary>
public sealed record DirectiveRequest
{
    /// <summary>The <c>assignment_directive</c> given, or <see langword="null"/> for the client default.</summary>
    public int? AssignmentDirective { get; init; }

    /// <summary>Whether the plan changed is a master or a supplemental plan.</summary>
    public PlanKind PlanKind { get; init; }

    /// <summary>What the change does.</summary>
    public PlanOperation Operation { get; init; }

    /// <summary>The <c>effective_date</c> as given (yyyy-mm-dd), required with directives 7–11.</summary>
    public string? EffectiveDate { get; init; }

    /// <summary>The <c>offset_interval</c> (billing periods to defer an anniversary change), if given.</summary>
    public int? OffsetInterval { get; init; }

    /// <summary>The <c>do_write</c> flag: <see langword="false"/> asks for a preview only.</summary>
    public bool DoWrite { get; init; } = true;

    /// <summary>Whether a mandatory child supplemental plan will be assigned with charges (rules out credit-only proration).</summary>
    public bool AssignsChargingMandatoryChild { get; init; }
}
