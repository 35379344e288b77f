namespace Aria.Billing.Plans.Rating;

/// <summary>The rating of one plan instance's usage over one billing period: a function of the period's records alone.</summary>
/// <param name="Schedule">The rate schedule applied.</param>
/// <param name="RecordCount">The records rated.</param>
/// <param name="Units">The net units (pre-rated records excluded).</param>
/// <param name="Tiers">Units and amount per tier, in tier order (aggregated and per-record rating).</param>
/// <param name="PreRatedAmount">The total of pre-rated records.</param>
/// <param name="Amount">The period's amount, unrounded: tier amounts plus pre-rated amounts.</param>
/// <param name="InvoiceAmount">The charge line for the invoice: the amount rounded once, never negative.</param>
public sealed record PeriodUsageRating(
    RateSchedule Schedule,
    int RecordCount,
    decimal Units,
    IReadOnlyList<TierUsage> Tiers,
    decimal PreRatedAmount,
    decimal Amount,
    Money InvoiceAmount);
