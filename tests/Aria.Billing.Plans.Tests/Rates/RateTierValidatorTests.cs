namespace Aria.Billing.Plans.Tests.Rates;

// spec: replace-acct-plan-m.txt, error codes 14014, 14015, 14027, 14043, 14129 (custom rates).
public sealed class RateTierValidatorTests
{
    private static readonly RateTier[] Graduated =
    [
        new(1, 1, 100, 0.10m),
        new(2, 101, 1000, 0.08m),
        new(3, 1001, null, 0.05m),
    ];

    [Fact]
    public void Validate_ContinuousTiersEndingUnbounded_Passes()
    {
        Assert.True(RateTierValidator.Validate(Graduated, ServiceType.Usage).IsSuccess);
    }

    [Fact]
    public void Validate_Gap_Is14014()
    {
        RateTier[] tiers = [new(1, 1, 100, 0.1m), new(2, 102, null, 0.05m)];

        var error = Assert.Single(RateTierValidator.Validate(tiers, ServiceType.Usage).Errors);

        Assert.Equal(14014, error.Code.Number);
        Assert.Contains("expected 101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FromAboveTo_Is14014()
    {
        RateTier[] tiers = [new(1, 10, 5, 0.1m), new(2, 6, null, 0.05m)];

        Assert.True(RateTierValidator.Validate(tiers, ServiceType.Recurring).HasError(14014));
    }

    [Fact]
    public void Validate_LastTierBounded_Is14027()
    {
        RateTier[] tiers = [new(1, 1, 100, 0.1m), new(2, 101, 200, 0.05m)];

        Assert.Equal(14027, Assert.Single(RateTierValidator.Validate(tiers, ServiceType.Usage).Errors).Code.Number);
    }

    [Fact]
    public void Validate_UnboundedTierThatIsNotLast_Is14014()
    {
        RateTier[] tiers = [new(1, 1, null, 0.1m), new(2, 101, null, 0.05m)];

        Assert.True(RateTierValidator.Validate(tiers, ServiceType.Usage).HasError(14014));
    }

    [Fact]
    public void Validate_SequenceOutOfOrder_Is14043()
    {
        RateTier[] tiers = [new(1, 1, 100, 0.1m), new(3, 101, null, 0.05m)];

        Assert.Equal(14043, Assert.Single(RateTierValidator.Validate(tiers, ServiceType.Usage).Errors).Code.Number);
    }

    [Fact]
    public void Validate_NegativeRate_Is14129()
    {
        RateTier[] tiers = [new(1, 1, null, -0.01m)];

        Assert.Equal(14129, Assert.Single(RateTierValidator.Validate(tiers, ServiceType.Usage).Errors).Code.Number);
    }

    [Fact]
    public void Validate_OtherServiceWithTiers_Is14015()
    {
        Assert.True(RateTierValidator.Validate(Graduated, ServiceType.Other).HasError(14015));
        Assert.True(RateTierValidator.Validate([new RateTier(1, 1, null, 25m)], ServiceType.Other).IsSuccess);
        Assert.True(RateTierValidator.Validate([new RateTier(1, 2, null, 25m)], ServiceType.Other).HasError(14015));
    }

    [Fact]
    public void Validate_FractionalBoundaries_AreAllowedWhenContinuous()
    {
        RateTier[] tiers = [new(1, 0.5m, 10.5m, 1m), new(2, 11.5m, null, 0.5m)];

        Assert.True(RateTierValidator.Validate(tiers, ServiceType.Usage).IsSuccess);
    }

    [Fact]
    public void Property_NeverThrowsAndEveryFailureIsCoded()
    {
        var tier =
            from seq in Gen.Choose(-1, 6)
            from start in Gen.Choose(-5, 300)
            from to in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(-5, 300).Select(i => (int?)i))
            from rate in Gen.Choose(-100, 100)
            select new RateTier(seq, start, to, rate / 100m);
        var gen =
            from count in Gen.Choose(0, 5)
            from tiers in Gen.ArrayOf(tier, count)
            from type in Gen.Elements(ServiceType.Usage, ServiceType.Recurring, ServiceType.Other)
            select (tiers, type);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var result = RateTierValidator.Validate(t.tiers, t.type);
            return result.IsSuccess || result.Errors.All(e => e.Code.Value.Length > 0 && e.AssociatedInputs.Count > 0);
        }).QuickCheckThrowOnFailure();
    }
}
