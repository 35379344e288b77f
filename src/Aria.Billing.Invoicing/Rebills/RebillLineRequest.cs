namespace Aria.Billing.Invoicing;

/// <summary>What a rebill changes on one charge line of the original; a line not named is rebilled as it was.</summary>
public sealed record RebillLineRequest
{
    /// <summary>The original invoice's charge line.</summary>
    public required int LineNo { get; init; }

    /// <summary>The units to rebill; whole unless the line is usage. <see langword="null"/> keeps the original's.</summary>
    public decimal? Units { get; init; }

    /// <summary>The rate per unit to rebill; at most the original line's amount. <see langword="null"/> keeps the original's.</summary>
    public decimal? Rate { get; init; }

    /// <summary>A service of the same type to bill instead (not for order-based or usage-based lines).</summary>
    public ServiceChange? Service { get; init; }

    /// <summary>Leave the line out of the rebill: it is credited in full.</summary>
    public bool Exclude { get; init; }

    /// <summary>A purchase order number for the line; <see langword="null"/> keeps the original's.</summary>
    public string? PurchaseOrder { get; init; }

    /// <summary>A comment on the rebill line (<c>rb_line_comments</c>).</summary>
    public string? Comment { get; init; }
}
