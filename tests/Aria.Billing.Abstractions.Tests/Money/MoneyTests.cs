using Aria.Billing.Testing;

namespace Aria.Billing.Tests.Money;

public sealed class MoneyTests
{
    [Fact]
    public void Round_AwayFromZeroByDefault()
    {
        Assert.Equal(Billing.Money.Of(0.13m, Currency.USD), Billing.Money.Of(0.125m, Currency.USD).Round());
        Assert.Equal(Billing.Money.Of(0.12m, Currency.USD), Billing.Money.Of(0.125m, Currency.USD).Round(MidpointRounding.ToEven));
    }

    [Fact]
    public void Arithmetic_KeepsFullPrecisionUntilRounded()
    {
        var third = Billing.Money.Of(10m, Currency.USD) * (1m / 3m);

        Assert.False(third.IsRounded);
        Assert.Equal(3.33m, third.Round().Amount);
        Assert.Equal(Billing.Money.Of(20m, Currency.USD), Billing.Money.Of(30m, Currency.USD) - Billing.Money.Of(10m, Currency.USD));
    }

    [Fact]
    public void Combining_DifferentCurrencies_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Billing.Money.Of(1m, Currency.USD) + Billing.Money.Of(1m, Currency.EUR));
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD", "18", "18.00 USD")]
    [InlineData("JPY", "1800", "1800 JPY")]
    [InlineData("BHD", "1.5", "1.500 BHD")]
    [InlineData("USD", "1.23456", "1.23456 USD")]
    public void ToString_ShowsAtLeastTheMinorDigits(string code, string amount, string expected)
    {
        var money = Billing.Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(code));
        Assert.Equal(expected, money.ToString());
    }

    [Fact]
    public void Property_RoundedAmountIsWithinHalfAMinorUnitAndRounded()
    {
        var gen = from currency in BillingArb.Currency from amount in BillingArb.Amount select (currency, amount);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (currency, amount) = t;
            var rounded = Billing.Money.Of(amount, currency).Round();
            return rounded.IsRounded && Math.Abs(rounded.Amount - amount) <= currency.MinorUnit / 2;
        }).QuickCheckThrowOnFailure();
    }
}
