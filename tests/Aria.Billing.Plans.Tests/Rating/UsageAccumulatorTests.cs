using Aria.Billing.Plans.Rating;

namespace Aria.Billing.Plans.Tests.Rating;

public sealed class UsageAccumulatorTests
{
    private static readonly RateTier[] Tiers = [new(1, 1, 100, 0.10m), new(2, 101, 1000, 0.08m), new(3, 1001, null, 0.05m)];

    [Fact]
    public void Add_TierReachedByEarlierRecordsPricesLaterOnes()
    {
        var accumulator = new UsageAccumulator(RateSchedule.Create(Currency.USD, PricingModel.Tiered, Tiers).Value);

        Assert.Equal(9.00m, accumulator.Add(new UsageRecord(90)).Value);
        Assert.Equal(1.80m, accumulator.Add(new UsageRecord(20)).Value);    // 10 × 0.10 + 10 × 0.08
        Assert.Equal(0.80m, accumulator.Add(new UsageRecord(10)).Value);    // all in tier 2 now
        Assert.Equal(11.60m, accumulator.Amount);
        Assert.Equal(120m, accumulator.Units);
    }

    [Fact]
    public void Add_NegativeUsageReducesAccumulatedUnits()
    {
        var accumulator = new UsageAccumulator(RateSchedule.Create(Currency.USD, PricingModel.Tiered, Tiers).Value);
        accumulator.Add(new UsageRecord(120));

        var credit = accumulator.Add(new UsageRecord(-30)).Value;          // back from 120 to 90 units

        Assert.Equal(-2.60m, credit);                                        // 20 × 0.08 + 10 × 0.10
        Assert.Equal(9.00m, accumulator.Amount);
    }

    [Fact]
    public void Add_PerRecordBasis_EachRecordStartsAtTheFirstTier()
    {
        var accumulator = new UsageAccumulator(RateSchedule.Create(Currency.USD, PricingModel.Tiered, Tiers, RatingBasis.PerRecord).Value);

        Assert.Equal(9.00m, accumulator.Add(new UsageRecord(90)).Value);
        Assert.Equal(9.00m, accumulator.Add(new UsageRecord(90)).Value);
    }

    [Fact]
    public void Add_PreRatedRecord_KeepsItsAmountAndLeavesTheTiersAlone()
    {
        var accumulator = new UsageAccumulator(RateSchedule.Create(Currency.USD, PricingModel.Tiered, Tiers).Value);

        Assert.Equal(-4.00m, accumulator.Add(new UsageRecord(-10, PreRatedRate: 0.40m)).Value);
        Assert.Equal(0m, accumulator.Units);
        Assert.Equal(-4.00m, accumulator.Amount);
    }

    // spec: release-6.50.txt, "Additional Support for Negative Usage - API" restrictions.
    [Fact]
    public void Add_NegativeUnitsWithNegativeRate_IsRefused()
    {
        var accumulator = new UsageAccumulator(RateSchedule.Flat(Currency.USD, 0.1m).Value);

        Assert.True(accumulator.Add(new UsageRecord(-1, PreRatedRate: -0.1m)).HasError(PlanErrorCodes.NegativeUsageWithNegativeRate));
        Assert.True(accumulator.Add(new UsageRecord(2, PreRatedRate: -0.1m, PreRatedAmount: -0.2m)).HasError(PlanErrorCodes.NegativeUsageWithNegativeRate));
    }

    [Fact]
    public void Add_NegativeUnitsWithPositiveAmount_IsRefused()
    {
        var accumulator = new UsageAccumulator(RateSchedule.Flat(Currency.USD, 0.1m).Value);

        Assert.True(accumulator.Add(new UsageRecord(-1, PreRatedAmount: 0.5m)).HasError(PlanErrorCodes.NegativeUsageWithPositiveAmount));
        Assert.Equal(0m, accumulator.Amount);
    }

    [Fact]
    public void Add_NegativeOnPooledService_OnlyWhenPreRated()
    {
        var accumulator = new UsageAccumulator(RateSchedule.Flat(Currency.USD, 0.1m, usagePooling: true).Value);

        Assert.True(accumulator.Add(new UsageRecord(-1)).HasError(PlanErrorCodes.NegativeUsageOnPooledService));
        Assert.True(accumulator.Add(new UsageRecord(-1, PreRatedRate: 0.1m)).IsSuccess);
    }
}
