namespace Aria.Billing.Plans.Rating;

/// <summary>The rating of one plan instance's usage over one billing period: a function of the period's records alone.</summary>
/// <param name="Schedule">The rate schedule applied.</param>
/// <param name="RecordCount">The records rated.</param>
/// <param name="Units">The net units (pre-rated records excluded).</param>
/// <param name="Tiers">Units and amount per tier, in tier order (aggregated and per-record rating).</param>
/// <param name="PreRatedAmount">The total of pre-rated records.</param>
/// <param name="Amount">The period's amount, unrounded: tier amounts plus pre-rated amounts.</param>
/// <param name="InvoiceAmount">The usage charge line for the invoice: the amount rounded once, never negative.</param>
/// <param name="CreditAmount">
/// What the period's usage nets below zero, rounded once, as a positive amount: the invoice carries no negative charge line,
/// so it comes back as a service credit (a usage-based alternative to a service or cash credit); zero otherwise.
/// </param>
public sealed record PeriodUsageRating(
    RateSchedule Schedule,
    int RecordCount,
    decimal Units,
    IReadOnlyList<TierUsage> Tiers,
    decimal PreRatedAmount,
    decimal Amount,
    Money InvoiceAmount,
    Money CreditAmount)
{
    /// <summary>The line type of <see cref="InvoiceAmount"/>: a usage charge.</summary>
    public LineType InvoiceLineType => LineType.UsageCharge;

    /// <summary>The line type of <see cref="CreditAmount"/>: a service credit.</summary>
    public LineType CreditLineType => LineType.ServiceCredit;
}
