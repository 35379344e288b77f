namespace Aria.Billing.Plans;

/// <summary>
/// What on the account stands in the way of a forced currency change (<c>force_currency_change</c>, spec:
/// replace-acct-plan-m.txt, 14302–14314): one query's worth of flags a host computes from its ledger.
/// </summary>
public sealed record CurrencyChangeFacts
{
    /// <summary>An account with none of the obstacles.</summary>
    public static CurrencyChangeFacts None { get; } = new();

    /// <summary>
    /// Whether the account has transactions other than $0 ones: the manual allows a forced currency change only without them,
    /// so the currency mismatch (14012 or 14013) stands.
    /// </summary>
    public bool HasNonZeroTransactions { get; init; }

    /// <summary>Whether pending invoices exist (14302: discard them first).</summary>
    public bool HasPendingInvoices { get; init; }

    /// <summary>Whether surcharges are on the account, neither discarded nor voided (14303).</summary>
    public bool HasSurcharges { get; init; }

    /// <summary>Whether rated but unbilled usage records exist (14304).</summary>
    public bool HasUnbilledUsage { get; init; }

    /// <summary>Whether flat-rate discounts or coupons in the existing currency are on the account (14305).</summary>
    public bool HasDiscountsOrCoupons { get; init; }

    /// <summary>Whether pending orders in the existing currency exist (14306).</summary>
    public bool HasPendingOrders { get; init; }

    /// <summary>The currencies of the threshold billing rules attached to the account (14313 for any but the future currency).</summary>
    public IReadOnlyCollection<Currency> ThresholdBillingRuleCurrencies { get; init; } = [];

    /// <summary>Whether an active rollover contract in the existing currency exists (14314).</summary>
    public bool HasActiveRolloverContract { get; init; }
}
