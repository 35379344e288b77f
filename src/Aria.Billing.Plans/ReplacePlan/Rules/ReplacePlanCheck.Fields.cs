using Aria.Billing.Plans.Internal;

namespace Aria.Billing.Plans;

/// <summary>The plan instance fields (spec: replace-acct-plan-m.txt, <c>plan_instance_field_directive</c>, 5052–5063).</summary>
internal sealed partial class ReplacePlanCheck
{
    /// <summary>
    /// Each row: a directive 1–4 (5060) that suits the field's presence on the instance (1 adds a new field, 2–4 change an
    /// existing one: 5060); a name the catalog knows (5052 alt) as a plan instance field (5063) mapped to the new plan (5052);
    /// a value among the allowed ones (5059). Per field: the number of values within its bounds (5061, 5062); a required
    /// field keeps a value — directive 1 or 2 with a value, never 3 or 4, which must be Replace (5053). After the change,
    /// every required field of the new plan has a value (5053).
    /// </summary>
    private void Fields()
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var definitions = new Dictionary<string, PlanInstanceFieldDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in _request.PlanInstanceFields ?? [])
        {
            if (row is null)
            {
                continue;
            }

            var directive = Enumerated(row.Directive, "plan_instance_field_directive", ["1", "2", "3", "4"], PlanErrorCodes.InvalidPlanInstanceFieldDirective, ManualText.InvalidPlanInstanceFieldDirective, "1 (add), 2 (replace), 3 (remove value) or 4 (remove name and value)", required: true);
            if (!Given(row.Name))
            {
                _errors.Add(new AriaError(PlanErrorCodes.MissingRequiredParameter, "Missing input: plan_instance_field_name is required for each plan instance field.", "plan_instance_field_name"));
                continue;
            }

            if (Clean(row.Name) is not { } name || directive is null || Definition(name) is not { } definition)
            {
                continue;
            }

            definitions[name] = definition;
            var present = Existing(name) is { Count: > 0 };
            var value = Clean(row.Value);
            switch (directive)
            {
                case "1" when present:
                    Add(PlanErrorCodes.InvalidPlanInstanceFieldDirective, ManualText.InvalidPlanInstanceFieldDirective, $"Directive 1 adds a new field, and '{definition.Name}' is already set on plan instance {_instance!.Number}: use 2 (replace).", "plan_instance_field_directive");
                    continue;
                case "2" or "3" or "4" when _instance is not null && !present:
                    Add(PlanErrorCodes.InvalidPlanInstanceFieldDirective, ManualText.InvalidPlanInstanceFieldDirective, $"Directive {directive} changes an existing field, and '{definition.Name}' is not set on plan instance {_instance.Number}: use 1 (add).", "plan_instance_field_directive");
                    continue;
                case "3" or "4" when definition.IsRequired:
                    Add(PlanErrorCodes.PlanInstanceFieldValueMissing, ManualText.PlanInstanceFieldValueMissing, $"'{definition.Name}' is required: change its value with directive 2 (replace), not {directive} ({(directive == "3" ? "remove value" : "remove name and value")}).", "plan_instance_field_directive");
                    continue;
                case "3" or "4":
                    removed.Add(name);
                    continue;
            }

            if (value is null)
            {
                if (definition.IsRequired && !IllegalCharacters.In(row.Value))
                {
                    Add(PlanErrorCodes.PlanInstanceFieldValueMissing, ManualText.PlanInstanceFieldValueMissing, $"'{definition.Name}' is required and directive {directive} gives it no value.", "plan_instance_field_value");
                }

                continue;
            }

            if (definition.AllowedValues is { Count: > 0 } allowed && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                Add(PlanErrorCodes.InvalidPlanInstanceFieldValue, ManualText.InvalidPlanInstanceFieldValue, $"{Quote(value)} is not an allowed value of '{definition.Name}' ({string.Join(", ", allowed.Take(10))}).", "plan_instance_field_value");
                continue;
            }

            values[name] = values.GetValueOrDefault(name) + 1;
        }

        foreach (var (name, count) in values)
        {
            var definition = definitions[name];
            if (definition.MaxValues is { } max && count > max)
            {
                Add(PlanErrorCodes.TooManyPlanInstanceFieldValues, ManualText.TooManyPlanInstanceFieldValues, $"'{definition.Name}' takes at most {Text(max)}; got {Text(count)}.", "plan_instance_field_value");
            }
            else if (definition.MinValues is { } min && count < min)
            {
                Add(PlanErrorCodes.TooFewPlanInstanceFieldValues, ManualText.TooFewPlanInstanceFieldValues, $"'{definition.Name}' takes at least {Text(min)}; got {Text(count)}.", "plan_instance_field_value");
            }
        }

        if (_newPlan is null || _instance is null)
        {
            return;
        }

        foreach (var name in _newPlan.PlanInstanceFields.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (Catalog.PlanInstanceFields.GetValueOrDefault(name) is { IsRequired: true, IsPlanInstanceField: true } required
                && !values.ContainsKey(name) && !definitions.ContainsKey(name) && !removed.Contains(name) && Existing(name) is not { Count: > 0 })
            {
                Add(PlanErrorCodes.PlanInstanceFieldValueMissing, ManualText.PlanInstanceFieldValueMissing, $"plan {_newPlan.Number} requires '{required.Name}', which plan instance {_instance.Number} does not have: add it with directive 1.", "plan_instance_field_value");
            }
        }
    }

    /// <summary>5052 (alt: unknown name; main: not mapped to the new plan), 5063: the definition of a field a row may set.</summary>
    private PlanInstanceFieldDefinition? Definition(string name)
    {
        if (!Catalog.PlanInstanceFields.TryGetValue(name, out var definition) || definition is null)
        {
            Add(PlanErrorCodes.PlanInstanceFieldNotMapped, ManualText.InvalidProductField, $"{Quote(name)} is not a product field of the catalog.", "plan_instance_field_name");
            return null;
        }

        if (!definition.IsPlanInstanceField)
        {
            Add(PlanErrorCodes.NotAPlanInstanceField, ManualText.NotAPlanInstanceField, $"{Quote(name)} is a product field of another kind.", "plan_instance_field_name");
            return null;
        }

        if (_newPlan is not null && !_newPlan.PlanInstanceFields.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            Add(PlanErrorCodes.PlanInstanceFieldNotMapped, ManualText.PlanInstanceFieldNotMapped, $"{Quote(name)} is not mapped to plan {_newPlan.Number}.", "plan_instance_field_name");
            return null;
        }

        return definition;
    }

    /// <summary>The values of field <paramref name="name"/> on the instance replaced, if any.</summary>
    private IReadOnlyList<string>? Existing(string name) =>
        _instance?.Fields is { } fields
            ? fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value
            : null;
}
