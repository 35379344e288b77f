using NodaTime;

namespace Aria.Billing.Invoicing;

/// <summary>What a rebill's rules need to know beside the invoice: today, where its master plan instances are billed now, and the billing group as it is.</summary>
public sealed record RebillContext
{
    /// <summary>Today in the client's time zone: the rebill's date.</summary>
    public required LocalDate Today { get; init; }

    /// <summary>When the rebill is made.</summary>
    public required Instant Now { get; init; }

    /// <summary>The billing group each master plan instance of the invoice is in now (missing or <see langword="null"/>: in none).</summary>
    public IReadOnlyDictionary<PlanInstanceNumber, string?> CurrentBillingGroups { get; init; } = new Dictionary<PlanInstanceNumber, string?>();

    /// <summary>The invoice's billing group as it is now (its payment method and due-date terms), if known.</summary>
    public BillingGroupSnapshot? BillingGroup { get; init; }

    /// <summary>The reason code the client has under the request's code, or <see langword="null"/>.</summary>
    public ReasonCode? Reason { get; init; }

    /// <summary>The rebill's invoice number.</summary>
    public required long RebillInvoiceNo { get; init; }
}
