namespace Aria.Billing.Invoicing;

/// <summary>One line of a credit memo request: which charge line, how much, and an optional comment.</summary>
/// <param name="LineNo">The invoice's charge line.</param>
/// <param name="Amount">The amount to credit, in the invoice's currency: greater than 0 and at most what the line has creditable.</param>
/// <param name="Comment">A comment for the line.</param>
public sealed record CreditMemoLineRequest(int LineNo, decimal Amount, string? Comment = null);
