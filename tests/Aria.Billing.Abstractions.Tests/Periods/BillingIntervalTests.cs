namespace Aria.Billing.Tests.Periods;

public sealed class BillingIntervalTests
{
    [Theory]
    [InlineData(1, 28)]
    [InlineData(2, 59)]
    [InlineData(3, 89)]
    [InlineData(6, 181)]
    [InlineData(12, 365)]
    public void MinimumDays_IsTheShortestRunOfThatManyMonths(int months, int expected)
    {
        Assert.Equal(expected, BillingInterval.FromMonths(months).MinimumDays);
    }

    [Fact]
    public void FromMonths_Zero_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BillingInterval.FromMonths(0));
        Assert.Contains("[1-120]", ex.Message, StringComparison.Ordinal);
    }
}
