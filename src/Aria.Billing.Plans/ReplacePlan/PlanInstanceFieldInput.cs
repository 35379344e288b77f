namespace Aria.Billing.Plans;

/// <summary>One <c>plan_instance_field</c> row of a replace-plan request, as text.</summary>
/// <param name="Directive"><c>plan_instance_field_directive</c>: 1 add, 2 replace, 3 remove value, 4 remove name and value.</param>
/// <param name="Name"><c>plan_instance_field_name</c>.</param>
/// <param name="Value"><c>plan_instance_field_value</c>.</param>
public sealed record PlanInstanceFieldInput(string? Directive, string? Name, string? Value);
