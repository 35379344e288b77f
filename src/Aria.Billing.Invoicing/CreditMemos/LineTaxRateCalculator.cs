namespace Aria.Billing.Invoicing;

/// <summary>
/// The default <see cref="ITaxCalculator"/>: the line's <see cref="InvoiceLine.TaxRate"/> times the amount, rounded once.
/// Since the invoice's tax may have been computed on a different base (the whole invoice, other rounding), crediting a
/// whole line need not zero the invoice's balance.
/// </summary>
/// <param name="rounding">How a midpoint is rounded; the library's default is <see cref="MidpointRounding.AwayFromZero"/>.</param>
public sealed class LineTaxRateCalculator(MidpointRounding rounding = MidpointRounding.AwayFromZero) : ITaxCalculator
{
    /// <inheritdoc />
    public Money TaxOn(Invoice invoice, InvoiceLine line, Money amount)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.TaxRate <= 0m ? Money.Zero(amount.Currency) : (amount * line.TaxRate).Round(rounding);
    }
}
