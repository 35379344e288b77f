namespace Aria.Billing.Invoicing;

/// <summary>The total of an amount over a document's lines, in the document's currency (zero when there is no line).</summary>
internal static class MoneySum
{
    internal static Money Of<T>(IEnumerable<T> items, Currency currency, Func<T, Money> amount)
    {
        var total = Money.Zero(currency);
        foreach (var item in items)
        {
            total += amount(item);
        }

        return total;
    }
}
