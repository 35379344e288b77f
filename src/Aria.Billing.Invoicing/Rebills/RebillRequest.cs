namespace Aria.Billing.Invoicing;

/// <summary>A request to rebill an invoice (<c>gen_rb_m</c>).</summary>
public sealed record RebillRequest
{
    /// <summary>The client.</summary>
    public required ClientNumber Client { get; init; }

    /// <summary>The invoice to rebill (an original or a rebill).</summary>
    public required long InvoiceNo { get; init; }

    /// <summary>A reason code of type Rebill; required.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Why the invoice is rebilled; required.</summary>
    public string? Comment { get; init; }

    /// <summary>Changes to lines; lines not named are rebilled unchanged.</summary>
    public IReadOnlyList<RebillLineRequest> Lines { get; init; } = [];

    /// <summary>
    /// The rebill's invoice number when the billing system of record issued it; otherwise the ledger takes the next number
    /// above the client's highest.
    /// </summary>
    public long? RebillInvoiceNo { get; init; }

    /// <summary>Who receives the rebill instead of the statement, billing or account contact (the <c>gen_rb_m</c> override).</summary>
    public string? Recipient { get; init; }

    /// <summary>Who asks.</summary>
    public required string RequestedBy { get; init; }
}
