using Aria.Billing.Plans.Rating;
using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.Rating;

public sealed class UsageRaterTests
{
    private static readonly RateTier[] FiveTiers =
    [
        new(1, 1, 100, 0.10m), new(2, 101, 500, 0.08m), new(3, 501, 1000, 0.06m), new(4, 1001, 5000, 0.04m), new(5, 5001, null, 0.02m),
    ];

    private readonly UsageRater _rater = new();

    [Fact]
    public void RatePeriod_Tiered_TotalsPerTier()
    {
        var schedule = RateSchedule.Create(Currency.USD, PricingModel.Tiered, FiveTiers).Value;

        var rating = _rater.RatePeriod(schedule, [new UsageRecord(400), new UsageRecord(350.25m), new UsageRecord(-50)]).Value;

        Assert.Equal(700.25m, rating.Units);
        Assert.Equal([100m, 400m, 200.25m, 0m, 0m], rating.Tiers.Select(t => t.Units));
        Assert.Equal(10m + 32m + 12.015m, rating.Amount);
        Assert.Equal(Money.Of(54.02m, Currency.USD), rating.InvoiceAmount);
    }

    [Fact]
    public void RatePeriod_Volume_AllUnitsInTheReachedTier()
    {
        var schedule = RateSchedule.Create(Currency.USD, PricingModel.Volume, FiveTiers).Value;

        var rating = _rater.RatePeriod(schedule, [new UsageRecord(600), new UsageRecord(500)]).Value;

        Assert.Equal([0m, 0m, 0m, 1100m, 0m], rating.Tiers.Select(t => t.Units));
        Assert.Equal(44.00m, rating.Amount);
    }

    [Fact]
    public void RatePeriod_NegativeTotal_NeverANegativeChargeLine_TheRestComesBackAsAServiceCredit()
    {
        // spec: release-6.50.txt, Additional Support for Negative Usage (DEV-7411): negative usage is "a usage-based
        // alternative to a service or cash credit"; gen_invoice_m permits no negative charge line. The net -4.00 is not
        // dropped: the usage line is 0.00 (line_type 6) and 4.00 comes back as a service credit (line_type 3).
        var schedule = RateSchedule.Flat(Currency.USD, 0.10m).Value;

        var result = _rater.RatePeriod(schedule, [new UsageRecord(10), new UsageRecord(-50, PreRatedRate: 0.10m)]);

        Assert.Equal(-4.00m, result.Value.Amount);
        Assert.Equal(Money.Zero(Currency.USD), result.Value.InvoiceAmount);
        Assert.Equal(Money.Of(4.00m, Currency.USD), result.Value.CreditAmount);
        Assert.Equal(((int)result.Value.InvoiceLineType, (int)result.Value.CreditLineType), (6, 3));
        Assert.Equal(RatingWarningCodes.NegativeChargeNotInvoiced, Assert.Single(result.Warnings).Code);
        Assert.Equal(Money.Zero(Currency.USD), _rater.RatePeriod(schedule, [new UsageRecord(10)]).Value.CreditAmount);
    }

    [Fact]
    public void RatePeriod_ChargeMinusCredit_IsTheRoundedAmount_Always() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(-500, 500).Select(u => (decimal)u)).Select(l => l.ToArray()).ToArbitrary(),
            units =>
            {
                var schedule = RateSchedule.Flat(Currency.USD, 0.013m).Value;
                var rating = _rater.RatePeriod(schedule, [.. units.Select(u => u < 0 ? new UsageRecord(u, PreRatedRate: 0.013m) : new UsageRecord(u))]).Value;
                Assert.True(rating.InvoiceAmount.Amount >= 0m && rating.CreditAmount.Amount >= 0m);
                Assert.True(rating.InvoiceAmount.Amount == 0m || rating.CreditAmount.Amount == 0m);
                Assert.Equal(Currency.USD.Round(rating.Amount), rating.InvoiceAmount.Amount - rating.CreditAmount.Amount);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void RatePeriod_UnitsBeyondADecimal_IsACodedRefusal_NotAnException()
    {
        // Issue #15 item 3: decimal overflow in rating inputs gave a 500 through the host.
        var schedule = RateSchedule.Flat(Currency.USD, 3m).Value;

        var result = _rater.RatePeriod(schedule, [new UsageRecord(decimal.MaxValue), new UsageRecord(decimal.MaxValue)]);

        Assert.Equal(PlanErrorCodes.AmountOutOfRange, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void RatePeriod_BadRecord_NamesIt()
    {
        var schedule = RateSchedule.Flat(Currency.USD, 0.10m).Value;

        var result = _rater.RatePeriod(schedule, [new UsageRecord(10), new UsageRecord(-5, PreRatedAmount: 1m)]);

        Assert.StartsWith("Record 2:", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    private static Gen<RateSchedule> Schedules(PricingModel model) =>
        from count in Gen.Choose(1, 5)
        from widths in Gen.ArrayOf(Gen.Choose(1, 1000), count)
        from rates in Gen.ArrayOf(Gen.Choose(0, 500), count)
        select RateSchedule.Create(Currency.USD, model, Build(widths, rates)).Value;

    private static RateTier[] Build(int[] widths, int[] rates)
    {
        var tiers = new RateTier[widths.Length];
        var from = 1m;
        for (var i = 0; i < widths.Length; i++)
        {
            decimal? to = i == widths.Length - 1 ? null : from + widths[i] - 1;
            tiers[i] = new RateTier(i + 1, from, to, rates[i] / 1000m);
            from = (to ?? 0) + 1;
        }

        return tiers;
    }

    private static Gen<decimal> Units => Gen.Choose(0, 2_000_000).Select(u => u / 100m);

    [Fact]
    public void Property_GraduatedTotalIsMonotoneAndEqualsTheSumOverTiers()
    {
        var gen = from s in Schedules(PricingModel.Tiered) from a in Units from b in Units select (s, a, b);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (schedule, a, b) = t;
            var (low, high) = a <= b ? (a, b) : (b, a);
            var rating = _rater.RatePeriod(schedule, [new UsageRecord(high)]).Value;
            var sumOverTiers = rating.Tiers.Sum(x => x.Units * x.Tier.RatePerUnit);
            return schedule.PriceOf(low) <= schedule.PriceOf(high)
                && rating.Amount == schedule.PriceOf(high)
                && sumOverTiers == rating.Amount
                && rating.Tiers.Sum(x => x.Units) == high;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_VolumeTotalIsUnitsTimesTheRateOfTheReachedTier()
    {
        var gen = from s in Schedules(PricingModel.Volume) from u in Units select (s, u);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (schedule, units) = t;
            var reached = schedule.Tiers.First(x => x.ToUnit is null || units <= x.ToUnit);
            return schedule.PriceOf(units) == units * reached.RatePerUnit;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_SplittingThePeriodIntoRecordsInAnyOrderGivesTheSameTotal()
    {
        var gen =
            from model in Gen.Elements(PricingModel.Tiered, PricingModel.Volume)
            from s in Schedules(model)
            from count in Gen.Choose(1, 30)
            from parts in Gen.ArrayOf(Gen.Choose(-20_000, 60_000).Select(u => u / 100m), count)
            from order in Gen.Shuffle(Enumerable.Range(0, count).ToArray())
            select (s, parts, order);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (schedule, parts, order) = t;
            var net = parts.Sum();
            var one = _rater.RatePeriod(schedule, [new UsageRecord(net)]).Value.Amount;
            var split = _rater.RatePeriod(schedule, parts.Select(p => new UsageRecord(p)).ToArray()).Value.Amount;
            var streamed = new UsageAccumulator(schedule);
            var perRecord = order.Sum(i => streamed.Add(new UsageRecord(parts[i])).Value);
            var expected = schedule.PriceOf(Math.Max(0, net));
            return one == expected && split == expected && perRecord == expected && streamed.Amount == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_NegativeUsageRulesNeverThrowAndAlwaysCode()
    {
        var optional = Gen.OneOf(Gen.Constant((decimal?)null), Gen.Choose(-100, 100).Select(i => (decimal?)(i / 10m)));
        var gen =
            from units in Gen.Choose(-100, 100).Select(i => i / 10m)
            from rate in optional
            from amount in optional
            from pooled in Gen.Elements(true, false)
            select (new UsageRecord(units, rate, amount), pooled);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var schedule = RateSchedule.Flat(Currency.USD, 0.1m, usagePooling: t.pooled).Value;
            var result = UsageRecordRules.Validate(t.Item1, schedule);
            var record = t.Item1;
            var mustFail = (record.PreRatedRate < 0 && (record.Units < 0 || record.PreRatedAmount < 0))
                || (record.Units < 0 && record.PreRatedAmount > 0)
                || (record.Units < 0 && t.pooled && !record.IsPreRated);
            return result.IsFailure == mustFail && result.Errors.All(e => e.Code.Value.Length > 0);
        }).QuickCheckThrowOnFailure();
    }
}
