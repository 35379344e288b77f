namespace Aria.Billing.Invoicing;

/// <summary>A request to credit lines of an invoice (<c>create_cm_m</c>).</summary>
public sealed record CreditMemoRequest
{
    /// <summary>An idempotency key: a request repeated with the same id returns the memo made the first time.</summary>
    public Guid? Id { get; init; }

    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The invoice to credit.</summary>
    public required long InvoiceNo { get; init; }

    /// <summary>A reason code of type Credit Memo; required.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Why the memo is issued; required.</summary>
    public string? Comment { get; init; }

    /// <summary>The lines to credit; at least one.</summary>
    public IReadOnlyList<CreditMemoLineRequest> Lines { get; init; } = [];

    /// <summary>Who asks.</summary>
    public required string RequestedBy { get; init; }
}
