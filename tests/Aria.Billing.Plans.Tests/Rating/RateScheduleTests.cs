using Aria.Billing.Plans.Rating;

namespace Aria.Billing.Plans.Tests.Rating;

// Hand-checked figures for each pricing model, including tier boundaries and fractional units.
public sealed class RateScheduleTests
{
    // 1–100 at 0.10, 101–1000 at 0.08, 1001+ at 0.05
    private static readonly RateTier[] Tiers = [new(1, 1, 100, 0.10m), new(2, 101, 1000, 0.08m), new(3, 1001, null, 0.05m)];

    private static RateSchedule Schedule(PricingModel model) => RateSchedule.Create(Currency.USD, model, Tiers).Value;

    [Theory]
    [InlineData("0", "0")]
    [InlineData("50", "5.00")]
    [InlineData("100", "10.00")]         // boundary: all in tier 1
    [InlineData("100.5", "10.04")]       // 100 × 0.10 + 0.5 × 0.08
    [InlineData("101", "10.08")]
    [InlineData("1000", "82.00")]        // 10 + 900 × 0.08
    [InlineData("1500", "107.00")]       // 82 + 500 × 0.05
    [InlineData("-5", "0")]
    public void PriceOf_Tiered_EachUnitInItsOwnTier(string units, string price)
    {
        Assert.Equal(D(price), Schedule(PricingModel.Tiered).PriceOf(D(units)));
    }

    [Theory]
    [InlineData("50", "5.00")]
    [InlineData("100", "10.00")]         // boundary: still the first tier
    [InlineData("100.5", "8.04")]        // all 100.5 at 0.08
    [InlineData("1000", "80.00")]
    [InlineData("1500", "75.00")]        // all at 0.05
    public void PriceOf_Volume_AllUnitsAtTheTierReached(string units, string price)
    {
        Assert.Equal(D(price), Schedule(PricingModel.Volume).PriceOf(D(units)));
    }

    [Fact]
    public void Flat_EveryUnitAtOneRate()
    {
        var flat = RateSchedule.Flat(Currency.USD, 0.015m).Value;

        Assert.Equal(18.75m, flat.PriceOf(1250m));
        Assert.Equal(0.0225m, flat.PriceOf(1.5m));
    }

    [Fact]
    public void Create_InvalidTiers_ReturnsTheTierCodes()
    {
        var result = RateSchedule.Create(Currency.USD, PricingModel.Tiered, [new RateTier(1, 1, 100, 0.1m), new RateTier(2, 150, 200, -0.1m)]);

        Assert.Equal(["14129", "14014", "14027"], result.Errors.Select(e => e.Code.Value));
    }

    [Fact]
    public void Create_UsagePoolingWithPerRecordRating_Is14402()
    {
        var result = RateSchedule.Create(Currency.USD, PricingModel.Tiered, Tiers, RatingBasis.PerRecord, usagePooling: true);

        Assert.Equal(14402, Assert.Single(result.Errors).Code.Number);
    }

    [Fact]
    public void Create_FlatWithSeveralTiers_IsRefused()
    {
        Assert.True(RateSchedule.Create(Currency.USD, PricingModel.FlatPerUnit, Tiers).IsFailure);
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
