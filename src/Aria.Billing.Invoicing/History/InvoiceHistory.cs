namespace Aria.Billing.Invoicing;

/// <summary>An account's invoice history filtered by <c>rb_option</c> (spec: release-6.50.txt, Credit Memo/Rebills - API, get_invoice_history_m).</summary>
public static class InvoiceHistory
{
    /// <summary><c>rb_option</c> as given: 0 or none is <see cref="RebillOption.All"/>, 1 and 2 as defined; anything else is refused.</summary>
    public static AriaResult<RebillOption> ParseOption(int? value) => value switch
    {
        null or 0 => RebillOption.All,
        1 => RebillOption.OriginalsOnly,
        2 => RebillOption.RebillsOnly,
        _ => new AriaError(InvoicingErrorCodes.InvalidRebillOption, $"rb_option is {value}; it should be 0 (all invoices), 1 (originals only) or 2 (rebills only).", "rb_option"),
    };

    /// <summary>The invoices <paramref name="option"/> keeps, in the order given.</summary>
    public static IReadOnlyList<Invoice> Filter(IEnumerable<Invoice> invoices, RebillOption option)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        return option switch
        {
            RebillOption.OriginalsOnly => [.. invoices.Where(static i => !i.IsRebill)],
            RebillOption.RebillsOnly => [.. invoices.Where(static i => i.IsRebill)],
            _ => [.. invoices],
        };
    }
}
