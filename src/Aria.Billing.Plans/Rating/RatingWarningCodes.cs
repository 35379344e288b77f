namespace Aria.Billing.Plans.Rating;

/// <summary>The codes of <see cref="AriaWarning"/> values raised by rating.</summary>
public static class RatingWarningCodes
{
    /// <summary>The period's usage rated below zero; invoices carry no negative charge line, so the charge is zero and the rest a service credit.</summary>
    public static AriaErrorCode NegativeChargeNotInvoiced { get; } = AriaErrorCode.Symbolic("NEGATIVE_CHARGE_NOT_INVOICED");
}
