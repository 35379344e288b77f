namespace Aria.Billing.Plans;

/// <summary>The definition of a product field in the catalog (spec: replace-acct-plan-m.txt, 5052–5063).</summary>
public sealed record PlanInstanceFieldDefinition
{
    /// <summary>The field name (<c>plan_instance_field_name</c>), compared without regard to case.</summary>
    public required string Name { get; init; }

    /// <summary>Whether it is a plan instance field (a product field of another kind cannot be set on an instance: 5063).</summary>
    public bool IsPlanInstanceField { get; init; } = true;

    /// <summary>Whether a value is required (5053; remove it with directive 2, Replace, never 3 or 4).</summary>
    public bool IsRequired { get; init; }

    /// <summary>The values it may take, compared without regard to case; any value when empty (5059).</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>The fewest values it may have, if bounded (5062).</summary>
    public int? MinValues { get; init; }

    /// <summary>The most values it may have, if bounded (5061).</summary>
    public int? MaxValues { get; init; }
}
