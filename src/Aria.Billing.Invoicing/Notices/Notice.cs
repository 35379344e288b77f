namespace Aria.Billing.Invoicing;

/// <summary>A notice to send about an adjustment: what happened, to whom, with whom in copy.</summary>
public sealed record Notice
{
    /// <summary>What the notice is about.</summary>
    public required NoticeKind Kind { get; init; }

    /// <summary>The spec's event number: 948 (Credit Memo), 949 (Credit Memo Voided); none for a rebill.</summary>
    public int? EventNo => Kind switch
    {
        NoticeKind.CreditMemo => 948,
        NoticeKind.CreditMemoVoided => 949,
        _ => null,
    };

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The account.</summary>
    public required AccountNumber Account { get; init; }

    /// <summary>The number of the document the notice is about (the credit memo's or the rebill's).</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>Which contact receives it; <see langword="null"/> when the recipient was given explicitly or no contact has valid information.</summary>
    public ContactRole? RecipientRole { get; init; }

    /// <summary>Where it goes; <see langword="null"/> when no contact has valid information (the notice cannot be sent).</summary>
    public string? To { get; init; }

    /// <summary>The account's cc addresses for invoices.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>The account's bcc addresses for invoices.</summary>
    public IReadOnlyList<string> Bcc { get; init; } = [];
}
