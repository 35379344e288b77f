namespace Aria.Billing.Tests.Money;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("jpy", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("krw", 0)]
    [InlineData("EUR", 2)]
    public void TryFromCode_KnownCode_KnowsItsMinorUnits(string code, int minorUnits)
    {
        Assert.True(Currency.TryFromCode(code, out var currency));
        Assert.Equal(code.ToUpperInvariant(), currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("US")]
    public void TryFromCode_UnknownCode_ReturnsFalse(string? code)
    {
        Assert.False(Currency.TryFromCode(code, out _));
    }

    [Theory]
    [InlineData("USD", "2.345", MidpointRounding.AwayFromZero, "2.35")]
    [InlineData("USD", "2.345", MidpointRounding.ToEven, "2.34")]
    [InlineData("USD", "-2.345", MidpointRounding.AwayFromZero, "-2.35")]
    [InlineData("JPY", "1234.5", MidpointRounding.AwayFromZero, "1235")]
    [InlineData("JPY", "1234.5", MidpointRounding.ToEven, "1234")]
    [InlineData("BHD", "1.2345", MidpointRounding.AwayFromZero, "1.235")]
    [InlineData("BHD", "1.2345", MidpointRounding.ToZero, "1.234")]
    public void Round_RoundsToTheMinorUnitByTheStatedMode(string code, string amount, MidpointRounding mode, string expected)
    {
        var currency = Currency.FromCode(code);

        var rounded = currency.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), mode);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rounded);
    }

    [Fact]
    public void FromCode_Unknown_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.FromCode("ABC"));
        Assert.Contains("'ABC'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_DefinesAnUnlistedCurrency()
    {
        var points = Currency.Custom("pts", 1);

        Assert.Equal("PTS", points.Code);
        Assert.Equal(0.1m, points.MinorUnit);
        Assert.Throws<ArgumentOutOfRangeException>(() => Currency.Custom("PTS", 5));
    }

    [Fact]
    public void Default_IsRejectedWhenUsed()
    {
        Assert.Throws<InvalidOperationException>(() => default(Currency).Round(1m));
        Assert.Throws<InvalidOperationException>(() => Billing.Money.Of(1m, default));
    }
}
