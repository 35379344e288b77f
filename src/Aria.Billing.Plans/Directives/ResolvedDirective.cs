using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>A plan change's directive after validation: what it does and when.</summary>
/// <param name="Directive">The directive (given or the client default).</param>
/// <param name="Proration">The proration produced, with the client's rule applied to directives 2 and 7.</param>
/// <param name="EffectiveDate">The effective date for directives 7–11; <see langword="null"/> otherwise.</param>
/// <param name="IsDefault">Whether the directive came from the client default.</param>
public sealed record ResolvedDirective(AssignmentDirective Directive, ProrationPolicy Proration, LocalDate? EffectiveDate, bool IsDefault);
