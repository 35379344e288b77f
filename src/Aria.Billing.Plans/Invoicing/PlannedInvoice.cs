using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>One invoice to generate: its date and the periods it covers (more than one for a combined, long-cycle invoice).</summary>
/// <param name="InvoiceDate">The invoice date.</param>
/// <param name="Covers">The periods covered, in order.</param>
public sealed record PlannedInvoice(LocalDate InvoiceDate, IReadOnlyList<CoveredPeriod> Covers)
{
    /// <summary>Whether the invoice covers more than one billing period.</summary>
    public bool IsCombined => Covers.Count > 1;

    /// <summary>The total of the covered amounts, when every amount is known.</summary>
    public Money? Total => Covers.Count == 0 || Covers.Any(c => c.Amount is null)
        ? null
        : Covers.Skip(1).Aggregate(Covers[0].Amount!.Value, (sum, c) => sum + c.Amount!.Value);

    /// <inheritdoc />
    public override string ToString() => $"{InvoiceDate:uuuu-MM-dd}: {string.Join(" + ", Covers)}";
}
