using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>The bill lag days in force and the level that supplied them.</summary>
/// <param name="Days">Days after (positive) or before (negative) the bill date at which the invoice is generated.</param>
/// <param name="Source">The level that supplied the value.</param>
public readonly record struct BillLagResolution(int Days, BillLagSource Source)
{
    /// <summary>The invoice date for a bill date: bill date + lag days.</summary>
    public LocalDate InvoiceDateFor(LocalDate billDate) => billDate.PlusDays(Days);

    /// <inheritdoc />
    public override string ToString() => $"{Days:+0;-0;0} days (from {Source})";
}
