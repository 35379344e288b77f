using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.Proration;

// spec: replace-acct-plan-m.txt, assignment_directive and alt_proration_start_date; DESIGN.md §4 "Proration".
public sealed class ProrationCalculatorTests
{
    private static readonly BillingCycle Bill15 = BillingCycle.Monthly(15);
    private readonly ProrationCalculator _calculator = new(new PlansOptions());

    private static ProrationRequest Replace30With60(LocalDate effective, ProrationPolicy policy = ProrationPolicy.Full) => new()
    {
        Cycle = Bill15,
        OldRatePerUnit = Money.Of(30m, Currency.USD),
        OldUnits = 1,
        NewRatePerUnit = Money.Of(60m, Currency.USD),
        NewUnits = 1,
        EffectiveDate = effective,
        Policy = policy,
    };

    [Fact]
    public void Quote_SpecWorkedExample_Bill15Monthly30To60OnApr27_Credit18Charge36()
    {
        // spec: DESIGN.md §4 — period Apr 15–May 15 has 30 days, 18 remain: credit 18.00, charge 36.00.
        var quote = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27))).Value;

        Assert.Equal(new BillingPeriod(new LocalDate(2025, 4, 15), new LocalDate(2025, 5, 15)), quote.Credit.Period);
        Assert.Equal(30, quote.Credit.Period.Days);
        Assert.Equal(18, quote.Credit.DaysRemaining);
        Assert.Equal(0.6m, quote.Credit.Fraction);
        Assert.Equal(Money.Of(18.00m, Currency.USD), quote.Credit.Amount);
        Assert.Equal(Money.Of(36.00m, Currency.USD), quote.Charge.Amount);
        Assert.Equal(Money.Of(18.00m, Currency.USD), quote.Net);
        Assert.Equal("18.00 USD", quote.Credit.Amount.Round().ToString());
    }

    [Theory]
    [InlineData(ProrationPolicy.None, 0, 0)]
    [InlineData(ProrationPolicy.Full, 18, 36)]
    [InlineData(ProrationPolicy.ChargesOnly, 0, 36)]
    [InlineData(ProrationPolicy.CreditsOnly, 18, 0)]
    public void Quote_HonorsThePolicy(ProrationPolicy policy, decimal credit, decimal charge)
    {
        var quote = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27), policy)).Value;

        Assert.Equal(credit, quote.Credit.Amount.Amount);
        Assert.Equal(charge, quote.Charge.Amount.Amount);
        Assert.Equal(policy, quote.Policy);
    }

    [Theory]
    [InlineData(true, ProrationPolicy.Full, 18)]
    [InlineData(false, ProrationPolicy.None, 0)]
    public void Quote_ClientRule_FollowsTheClientSetting(bool prorates, ProrationPolicy applied, decimal credit)
    {
        var calculator = new ProrationCalculator(new PlansOptions { ProrateMidPeriodChanges = prorates });

        var quote = calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27), ProrationPolicy.ClientRule)).Value;

        Assert.Equal(applied, quote.Policy);
        Assert.Equal(credit, quote.Credit.Amount.Amount);
    }

    [Fact]
    public void Quote_UnitsMultiplyTheRate()
    {
        var quote = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { OldUnits = 3, NewUnits = 2.5m }).Value;

        Assert.Equal(54.00m, quote.Credit.Amount.Amount);
        Assert.Equal(90.00m, quote.Charge.Amount.Amount);
    }

    [Fact]
    public void Quote_RoundsOnceAwayFromZeroByDefault()
    {
        // 10.00 × 15/30 = 5.00; 0.07 × 15/30 = 0.035 → 0.04 away from zero, 0.04 to even too; 0.05 × 15/30 = 0.025 → 0.03 / 0.02.
        var request = Replace30With60(new LocalDate(2025, 4, 30)) with
        {
            OldRatePerUnit = Money.Of(0.05m, Currency.USD),
            NewRatePerUnit = Money.Of(0.05m, Currency.USD),
        };

        Assert.Equal(0.03m, _calculator.Quote(request).Value.Credit.Amount.Amount);
        Assert.Equal(0.02m, new ProrationCalculator(new PlansOptions(), MidpointRounding.ToEven).Quote(request).Value.Credit.Amount.Amount);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1e28")]
    public void Quote_UnitsBeyondADecimal_IsACodedRefusal_NotAnException(string units)
    {
        // Issue #15 item 3: old_units 79228162514264337593543950335 or 1e28 gave a 500 through the host.
        var value = decimal.Parse(units, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        var result = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { OldUnits = value });

        Assert.Equal(PlanErrorCodes.AmountOutOfRange, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Quote_Lines_CarryTheirLineType()
    {
        // spec: replace-acct-plan-m.txt, Output Fields, line_type: 1 recurring charge, 3 service credit.
        var quote = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27))).Value;

        Assert.Equal((3, 1), ((int)quote.Credit.LineType, (int)quote.Charge.LineType));
        Assert.Equal(1, (int)new CoveredPeriod(new BillingPeriod(new LocalDate(2025, 4, 15), new LocalDate(2025, 5, 15)), new LocalDate(2025, 4, 15), null).LineType);
    }

    [Fact]
    public void Quote_AltProrationStartDate_ReplacesTheEffectiveDateAsSpanStart()
    {
        var quote = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { AltProrationStartDate = new LocalDate(2025, 4, 20) }).Value;

        Assert.Equal(new LocalDate(2025, 4, 20), quote.SpanStart);
        Assert.Equal(25, quote.Credit.DaysRemaining);
        Assert.Equal(25.00m, quote.Credit.Amount.Amount);
        Assert.Equal(50.00m, quote.Charge.Amount.Amount);
    }

    [Fact]
    public void Quote_AltStartBeforeTheLastInvoicedPeriod_Is3017()
    {
        var result = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { AltProrationStartDate = new LocalDate(2025, 4, 14) });

        var error = Assert.Single(result.Errors);
        Assert.Equal(3017, error.Code.Number);
        Assert.Equal(["alt_proration_start_date"], error.AssociatedInputs);
    }

    [Fact]
    public void Quote_OrdinaryChangeUnderNegativeBillLag_NextPeriodAlreadyInvoiced_IsQuotedNot3017()
    {
        // spec: replace-acct-plan-m.txt, alt_proration_start_date (its range is that input's rule) and release-6.50.txt,
        // Invoicing Interactions (negative bill lag). Bill day 15: [May 15, Jun 15) is already invoiced on Apr 27; a change
        // dated Apr 27 is still quoted on [Apr 15, May 15): 18 of 30 days, credit 18.00, charge 36.00.
        var invoicedAhead = new BillingPeriod(new LocalDate(2025, 5, 15), new LocalDate(2025, 6, 15));
        var quote = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { LastInvoicedPeriod = invoicedAhead }).Value;

        Assert.Equal((18, 18.00m, 36.00m), (quote.Credit.DaysRemaining, quote.Credit.Amount.Amount, quote.Charge.Amount.Amount));
        Assert.Equal(3017, Assert.Single(_calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with
        {
            LastInvoicedPeriod = invoicedAhead, AltProrationStartDate = new LocalDate(2025, 4, 27),
        }).Errors).Code.Number);
    }

    [Fact]
    public void Quote_SameInterval_AltStartMustBeInsideTheLastInvoicedPeriod()
    {
        var onNextBillDay = Replace30With60(new LocalDate(2025, 4, 27)) with { AltProrationStartDate = new LocalDate(2025, 5, 15) };

        Assert.True(_calculator.Quote(onNextBillDay).HasError(PlanErrorCodes.AltProrationStartDateOutOfRange));
    }

    [Fact]
    public void Quote_DifferentInterval_AltStartMayBeTheNextBillDayAndChargesOverTheNewPeriod()
    {
        var quarterly = BillingCycle.Anchored(new LocalDate(2025, 4, 15), BillingInterval.Quarterly);
        var baseRequest = Replace30With60(new LocalDate(2025, 4, 27)) with { NewCycle = quarterly, NewRatePerUnit = Money.Of(150m, Currency.USD) };

        var onBillDay = _calculator.Quote(baseRequest with { AltProrationStartDate = new LocalDate(2025, 5, 15) }).Value;
        Assert.Equal(0m, onBillDay.Credit.Amount.Amount);
        Assert.Equal(new BillingPeriod(new LocalDate(2025, 4, 15), new LocalDate(2025, 7, 15)), onBillDay.Charge.Period);
        Assert.Equal(61, onBillDay.Charge.DaysRemaining);
        Assert.Equal(Math.Round(150m * 61 / 91, 2, MidpointRounding.AwayFromZero), onBillDay.Charge.Amount.Amount);

        var afterBillDay = _calculator.Quote(baseRequest with { AltProrationStartDate = new LocalDate(2025, 5, 16) });
        Assert.True(afterBillDay.HasError(PlanErrorCodes.AltProrationStartDateOutOfRange));
    }

    [Fact]
    public void Quote_CurrencyMismatch_Is14013()
    {
        var result = _calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { NewRatePerUnit = Money.Of(60m, Currency.EUR) });

        Assert.Equal(14013, Assert.Single(result.Errors).Code.Number);
    }

    [Fact]
    public void Quote_NegativeRate_Is14129()
    {
        Assert.True(_calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { NewRatePerUnit = Money.Of(-1m, Currency.USD) }).HasError(14129));
    }

    [Fact]
    public void Quote_DatesAtTheEdgeOfTheCalendar_AreCodedErrorsNotExceptions()
    {
        Assert.True(_calculator.Quote(Replace30With60(new LocalDate(9999, 12, 31))).HasError(14026));
        Assert.True(_calculator.Quote(Replace30With60(new LocalDate(2025, 4, 27)) with { AltProrationStartDate = new LocalDate(1, 1, 1) }).HasError(1024));
    }

    [Fact]
    public void Quote_JpyAndBhd_RoundToTheirMinorUnits()
    {
        var yen = Replace30With60(new LocalDate(2025, 4, 27)) with
        {
            OldRatePerUnit = Money.Of(1000m, Currency.JPY),
            NewRatePerUnit = Money.Of(1001m, Currency.JPY),
            AltProrationStartDate = new LocalDate(2025, 4, 16),
        };
        var quote = _calculator.Quote(yen).Value;
        Assert.Equal(967m, quote.Credit.Amount.Amount);   // 1000 × 29/30 = 966.67
        Assert.Equal(968m, quote.Charge.Amount.Amount);   // 1001 × 29/30 = 967.63

        var dinar = yen with { OldRatePerUnit = Money.Of(10m, Currency.BHD), NewRatePerUnit = Money.Of(10m, Currency.BHD) };
        Assert.Equal(9.667m, _calculator.Quote(dinar).Value.Credit.Amount.Amount);
    }

    [Fact]
    public void Property_ProratedPartPlusComplementIsTheFullAmountToTheMinorUnit()
    {
        var gen =
            from currency in BillingArb.Currency
            from amount in BillingArb.RoundedAmount(currency)
            from cycle in BillingArb.Cycle
            from date in BillingArb.Date
            select (currency, amount, cycle, date);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (currency, amount, cycle, date) = t;
            var period = cycle.PeriodContaining(date);
            var full = Money.Of(amount, currency);
            var remaining = ProrationCalculator.Prorate(full, period.DaysRemainingFrom(date), period.Days);
            var used = full - remaining;
            return remaining + used == full
                && remaining.IsRounded && used.IsRounded
                && remaining.Amount >= 0 && used.Amount >= 0
                && Math.Abs(remaining.Amount - (amount * period.DaysRemainingFrom(date) / period.Days)) <= currency.MinorUnit / 2;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_QuoteIsNeverNegative_ZeroUnderNone_FullAtPeriodStart()
    {
        var gen =
            from currency in BillingArb.Currency
            from oldRate in BillingArb.RoundedAmount(currency)
            from newRate in BillingArb.RoundedAmount(currency)
            from units in Gen.Choose(0, 500)
            from cycle in BillingArb.Cycle
            from date in BillingArb.Date
            from policy in Gen.Elements(ProrationPolicy.None, ProrationPolicy.Full, ProrationPolicy.ChargesOnly, ProrationPolicy.CreditsOnly, ProrationPolicy.ClientRule)
            select new ProrationRequest
            {
                Cycle = cycle,
                OldRatePerUnit = Money.Of(oldRate, currency),
                OldUnits = units,
                NewRatePerUnit = Money.Of(newRate, currency),
                NewUnits = units + 1,
                EffectiveDate = date,
                Policy = policy,
            };
        Prop.ForAll(gen.ToArbitrary(), request =>
        {
            var quote = _calculator.Quote(request).Value;
            var atStart = _calculator.Quote(request with { EffectiveDate = quote.Credit.Period.Start, Policy = ProrationPolicy.Full }).Value;
            var none = _calculator.Quote(request with { Policy = ProrationPolicy.None }).Value;
            var oldFull = request.OldRatePerUnit * request.OldUnits;
            var newFull = request.NewRatePerUnit * request.NewUnits;
            return quote.Credit.Amount.Amount >= 0 && quote.Charge.Amount.Amount >= 0
                && quote.Credit.Amount <= oldFull.Round() && quote.Charge.Amount <= newFull.Round()
                && none.Credit.Amount.Amount == 0 && none.Charge.Amount.Amount == 0
                && atStart.Credit.Amount == oldFull.Round() && atStart.Charge.Amount == newFull.Round();
        }).QuickCheckThrowOnFailure();
    }
}
