namespace Aria.Billing.Tests.Identifiers;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("123", true, 123)]
    [InlineData("0", false, 0)]
    [InlineData("-4", false, 0)]
    [InlineData("12a", false, 0)]
    [InlineData(null, false, 0)]
    public void TryParse_AcceptsOnlyPositiveIntegers(string? text, bool ok, long value)
    {
        Assert.Equal(ok, AccountNumber.TryParse(text, out var account));
        Assert.Equal(value, account.Value);
    }

    [Fact]
    public void DistinctTypes_WithSameNumber_AreNotInterchangeable()
    {
        var account = new AccountNumber(7);
        var instance = new PlanInstanceNumber(7);

        Assert.Equal("7", account.ToString());
        Assert.False(account.Equals((object)instance));
    }
}
