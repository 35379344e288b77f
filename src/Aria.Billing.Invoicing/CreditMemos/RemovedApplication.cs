namespace Aria.Billing.Invoicing;

/// <summary>The payments and credits a credit memo removed from one invoice line (payments first, then credits).</summary>
/// <param name="LineNo">The invoice line.</param>
/// <param name="Payments">The payments removed; they return to the account unapplied.</param>
/// <param name="Credits">The credits removed; they return to the account unapplied.</param>
public readonly record struct RemovedApplication(int LineNo, Money Payments, Money Credits)
{
    /// <summary>Everything removed from the line.</summary>
    public Money Total => Payments + Credits;
}
