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

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void Constructors_RefuseZeroAndNegatives(long value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientNumber(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccountNumber(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlanNumber(value));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanInstanceNumber(value));
        Assert.Contains("plan_instance_no", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("01x")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("99999999999999999999")]
    public void Parse_Refused_CarriesTheCodeAndTheField(string? text)
    {
        var result = ClientNumber.Parse(text);

        Assert.True(result.HasError(AriaErrorCodes.InvalidIdentifier));
        Assert.Equal(["client_no"], result.Errors[0].AssociatedInputs);
    }

    [Fact]
    public void Parse_PositiveNumber_IsTheIdentifier() => Assert.Equal(new AccountNumber(42), AccountNumber.Parse("42").Value);

    [Fact]
    public void Property_ParseOfFormat_RoundTrips() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), n =>
            PlanNumber.Parse(new PlanNumber(n).ToString()).Value == new PlanNumber(n)).QuickCheckThrowOnFailure();
}
