using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans;

/// <summary>What the billing system says about the account a replace-plan request names.</summary>
public sealed record AccountFacts
{
    /// <summary>The account number (<c>acct_no</c>).</summary>
    public required AccountNumber Number { get; init; }

    /// <summary>The client-defined account id (<c>client_acct_id</c>), if any; compared ordinally.</summary>
    public string? ClientAccountId { get; init; }

    /// <summary>The account's status (1049 for inactive or archived, 14077 for other negative codes).</summary>
    public AccountStatus Status { get; init; } = AccountStatus.Active;

    /// <summary>The account's currency: the new plan and the alternate rate schedule must have rates in it (14012, 14013).</summary>
    public required Currency Currency { get; init; }

    /// <summary>The account's dunning state: an account in dunning takes no plan changes (1049).</summary>
    public DunningState Dunning { get; init; }

    /// <summary>The account's contact numbers (<c>dest_contact_no</c> must be one of them: 29005).</summary>
    public IReadOnlyCollection<long> ContactNumbers { get; init; } = [];

    /// <summary>The coupon codes already applied to the account or its plan instances (15012 for a coupon not reusable).</summary>
    public IReadOnlyCollection<string> AppliedCoupons { get; init; } = [];

    /// <summary>What stands in the way of a forced currency change.</summary>
    public CurrencyChangeFacts CurrencyChange { get; init; } = CurrencyChangeFacts.None;
}
