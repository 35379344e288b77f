namespace Aria.Billing.Invoicing;

/// <summary>
/// The client's tax engine, as far as credit memos need it: the tax to credit when part of a charge line is credited
/// ("after you enter an amount, the client tax engine calculates the tax amount that must be credited"). The ledger never
/// credits more tax than a tax line has left, whatever the answer.
/// </summary>
public interface ITaxCalculator
{
    /// <summary>The tax on <paramref name="amount"/> of <paramref name="line"/>, rounded to the currency's minor unit; zero or more.</summary>
    Money TaxOn(Invoice invoice, InvoiceLine line, Money amount);
}
