namespace Aria.Billing.Plans.Tests.ReplacePlan;

// spec: replace-acct-plan-m.txt, transaction_type ("Aria will use this order of precedence to determine the transaction type").
public sealed class TransactionTypesTests
{
    [Theory]
    [InlineData("2", "3", "4", "5", "2", TransactionTypeSource.Request)]
    [InlineData("-1", "3", "4", "5", "3", TransactionTypeSource.CollectionGroup)]
    [InlineData(null, null, "R", "5", "R", TransactionTypeSource.PaymentGateway)]
    [InlineData("-1", " ", null, "telephone", "telephone", TransactionTypeSource.RecurringProcessingModel)]
    public void Resolve_FollowsThePrecedenceAndMinusOnePassesOn(string? passed, string? group, string? gateway, string? model, string value, TransactionTypeSource source)
    {
        var resolved = TransactionTypes.Resolve(passed, group, gateway, model);

        Assert.True(resolved.Found);
        Assert.Equal(value, resolved.Value);
        Assert.Equal(source, resolved.Level);
    }

    [Fact]
    public void Resolve_NothingAnywhere_NotFound()
    {
        Assert.False(TransactionTypes.Resolve("-1", null, "", null).Found);
    }

    [Theory]
    [InlineData("-1", true)]
    [InlineData("8", true)]
    [InlineData("I", true)]
    [InlineData("mailorder", true)]
    [InlineData("9", false)]
    [InlineData("i", false)]
    [InlineData("", false)]
    public void IsAllowed_OnlyTheSpecsValues(string value, bool allowed)
    {
        Assert.Equal(allowed, TransactionTypes.IsAllowed(value));
    }
}
