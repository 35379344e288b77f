namespace Aria.Billing.Invoicing;

/// <summary>An amount applied to, or taken from, one invoice line.</summary>
/// <param name="LineNo">The invoice line.</param>
/// <param name="Amount">The amount.</param>
public readonly record struct AppliedAmount(int LineNo, Money Amount);
