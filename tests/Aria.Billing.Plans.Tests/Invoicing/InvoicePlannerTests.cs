namespace Aria.Billing.Plans.Tests.Invoicing;

// spec: release-6.50.txt, "Combine Invoices on One Bill (DEV-7038)" and its API; "Assign a Retroactive Start Date for
// Supplemental Plans (DEV-7187)" and its API; replace-acct-plan-m.txt, bill_lag_days.
public sealed class InvoicePlannerTests
{
    private static readonly BillingCycle Bill15 = BillingCycle.Monthly(15);
    private readonly InvoicePlanner _planner = new(new PlansOptions());

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Plan_NegativeBillLag_InvoicesBeforeTheBillDate()
    {
        var plan = _planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 5, 15), AsOf = D(2025, 5, 1), BillLagDays = -14 }).Value;

        var invoice = Assert.Single(plan.Invoices);
        Assert.Equal(D(2025, 5, 1), invoice.InvoiceDate);
        Assert.Equal(new BillingPeriod(D(2025, 5, 15), D(2025, 6, 15)), Assert.Single(invoice.Covers).Period);
    }

    [Fact]
    public void Plan_PositiveBillLag_NothingDueBeforeBillDatePlusLag()
    {
        var plan = _planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 5, 15), AsOf = D(2025, 5, 24), BillLagDays = 10 }).Value;

        Assert.Empty(plan.Invoices);
        var onTime = _planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 5, 15), AsOf = D(2025, 5, 25), BillLagDays = 10 }).Value;
        Assert.Equal(D(2025, 5, 25), Assert.Single(onTime.Invoices).InvoiceDate);
    }

    [Fact]
    public void Plan_CatchUp_ShortCycle_OneInvoicePerPeriod()
    {
        // Account created Apr 20 with bill day 15 and lag -14: the periods of Apr 15 and May 15 are both due by May 1.
        var request = new InvoicePlanRequest
        {
            Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 4, 15), AsOf = D(2025, 5, 1), BillLagDays = -14,
            CombineInvoices = (int)CombineInvoices.ShortCycle,
        };

        var plan = _planner.Plan(request).Value;

        Assert.True(plan.IsCatchUp);
        Assert.Equal(CombineInvoices.ShortCycle, plan.Combine);
        Assert.Equal([D(2025, 4, 1), D(2025, 5, 1)], plan.Invoices.Select(i => i.InvoiceDate));
        Assert.All(plan.Invoices, i => Assert.False(i.IsCombined));
    }

    [Fact]
    public void Plan_CatchUp_LongCycle_OneCombinedInvoice()
    {
        var request = new InvoicePlanRequest
        {
            Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 4, 15), AsOf = D(2025, 5, 1), BillLagDays = -14,
            CombineInvoices = (int)CombineInvoices.LongCycle,
        };

        var invoice = Assert.Single(_planner.Plan(request).Value.Invoices);

        Assert.True(invoice.IsCombined);
        Assert.Equal(D(2025, 5, 1), invoice.InvoiceDate);
        Assert.Equal([D(2025, 4, 15), D(2025, 5, 15)], invoice.Covers.Select(c => c.Period.Start));
    }

    [Theory]
    [InlineData(false, CombineInvoices.ShortCycle, 2)]
    [InlineData(true, CombineInvoices.LongCycle, 1)]
    public void Plan_Combine3_UsesTheClientDefault(bool clientCombines, CombineInvoices applied, int invoices)
    {
        var planner = new InvoicePlanner(new PlansOptions { CombineInvoices = clientCombines });

        var plan = planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 4, 15), AsOf = D(2025, 5, 1), BillLagDays = -14 }).Value;

        Assert.Equal(applied, plan.Combine);
        Assert.Equal(invoices, plan.Invoices.Count);
    }

    [Fact]
    public void Plan_LongCycleWithPendingChange_IsRefused()
    {
        var request = new InvoicePlanRequest
        {
            Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 4, 15), AsOf = D(2025, 5, 1), BillLagDays = -14,
            CombineInvoices = 1, HasPendingRolloverOrChange = true,
        };

        Assert.True(_planner.Plan(request).HasError(PlanErrorCodes.LongCycleNotAvailable));
    }

    [Fact]
    public void Plan_ClientDefaultLongCycleWithPendingChange_FallsBackWithAWarning()
    {
        var planner = new InvoicePlanner(new PlansOptions { CombineInvoices = true });

        var result = planner.Plan(new InvoicePlanRequest
        {
            Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 4, 15), AsOf = D(2025, 5, 1), BillLagDays = -14, HasPendingRolloverOrChange = true,
        });

        Assert.Equal(CombineInvoices.ShortCycle, result.Value.Combine);
        Assert.Equal(PlanWarningCodes.LongCycleFellBackToShortCycle, Assert.Single(result.Warnings).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Plan_CombineOutOfRange_IsACodedError(int combine)
    {
        var result = _planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 4, 15), AsOf = D(2025, 5, 1), CombineInvoices = combine });

        Assert.Equal(["combine_invoices"], Assert.Single(result.Errors).AssociatedInputs);
    }

    [Fact]
    public void Plan_NegativeLagBeyondOneCycle_PlansTwoCyclesAhead()
    {
        var plan = _planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 5, 15), AsOf = D(2025, 5, 1), BillLagDays = -45 }).Value;

        Assert.Equal([D(2025, 3, 31), D(2025, 5, 1)], plan.Invoices.Select(i => i.InvoiceDate));
        Assert.Equal(D(2025, 6, 15), plan.Invoices[1].Covers[0].Period.Start);
    }

    [Fact]
    public void PlanRetroactiveStart_PreviousCycles_Individual_OneInvoicePerPeriodFromTheStart()
    {
        var planner = new InvoicePlanner(new PlansOptions { AllowRetroactiveSupplementalStart = true });

        var plan = planner.PlanRetroactiveStart(new RetroactiveStartRequest
        {
            Cycle = Bill15, ParentStartDate = D(2025, 1, 15), AltProrationStartDate = D(2025, 3, 5), Today = D(2025, 4, 27),
            InvoicingOption = 2, RatePerUnit = Money.Of(28m, Currency.USD),
        }).Value;

        Assert.True(plan.IsRetroactive);
        Assert.Equal(2, plan.CatchUpInvoices.Count);
        var first = Assert.Single(plan.CatchUpInvoices[0].Covers);
        Assert.Equal(new BillingPeriod(D(2025, 2, 15), D(2025, 3, 15)), first.Period);
        Assert.Equal(10, first.Days);
        Assert.Equal(10.00m, first.Amount!.Value.Amount); // 28 × 10/28
        var second = Assert.Single(plan.CatchUpInvoices[1].Covers);
        Assert.Equal(28.00m, second.Amount!.Value.Amount);
        Assert.All(plan.CatchUpInvoices, i => Assert.Equal(D(2025, 4, 27), i.InvoiceDate));
        Assert.Equal(new BillingPeriod(D(2025, 4, 15), D(2025, 5, 15)), plan.CurrentPeriodCoverage.Period);
        Assert.True(plan.CurrentPeriodCoverage.IsFullPeriod);
    }

    [Fact]
    public void PlanRetroactiveStart_PreviousCycles_Consolidated_OneInvoice()
    {
        var planner = new InvoicePlanner(new PlansOptions { AllowRetroactiveSupplementalStart = true });

        var plan = planner.PlanRetroactiveStart(new RetroactiveStartRequest
        {
            Cycle = Bill15, ParentStartDate = D(2025, 1, 15), AltProrationStartDate = D(2025, 3, 5), Today = D(2025, 4, 27),
            InvoicingOption = 1, RatePerUnit = Money.Of(28m, Currency.USD),
        }).Value;

        var invoice = Assert.Single(plan.CatchUpInvoices);
        Assert.Equal(2, invoice.Covers.Count);
        Assert.Equal(Money.Of(38.00m, Currency.USD), invoice.Total);
    }

    [Fact]
    public void PlanRetroactiveStart_ConsolidatedWithAPendingRollover_GetsTheManualsCaution()
    {
        // spec: release-6.50.txt, Combine Invoices on One Bill (DEV-7038): "combining invoices when BOTH 1) a retroactive
        // start date is used and is 2) combined with a plan rollover ... should be avoided if possible until then."
        var planner = new InvoicePlanner(new PlansOptions { AllowRetroactiveSupplementalStart = true });
        var request = new RetroactiveStartRequest
        {
            Cycle = Bill15, ParentStartDate = D(2025, 1, 15), AltProrationStartDate = D(2025, 3, 5), Today = D(2025, 4, 27),
            InvoicingOption = 1, RatePerUnit = Money.Of(28m, Currency.USD), HasPendingRollover = true,
        };

        var combined = planner.PlanRetroactiveStart(request);
        Assert.True(combined.IsSuccess);
        Assert.Equal(PlanWarningCodes.RetroactiveStartWithPendingRollover, Assert.Single(combined.Warnings).Code);
        Assert.Empty(planner.PlanRetroactiveStart(request with { InvoicingOption = 2 }).Warnings);
        Assert.Empty(planner.PlanRetroactiveStart(request with { HasPendingRollover = false }).Warnings);
    }

    [Fact]
    public void PlanRetroactiveStart_BeforeParentStart_IsRefused()
    {
        var planner = new InvoicePlanner(new PlansOptions { AllowRetroactiveSupplementalStart = true });

        var result = planner.PlanRetroactiveStart(new RetroactiveStartRequest
        {
            Cycle = Bill15, ParentStartDate = D(2025, 3, 15), AltProrationStartDate = D(2025, 3, 14), Today = D(2025, 4, 27), InvoicingOption = 1,
        });

        Assert.True(result.HasError(PlanErrorCodes.AltProrationStartDateBeforeParent));
    }

    [Fact]
    public void PlanRetroactiveStart_FutureStart_AtMostTheNextBillThroughDate()
    {
        var request = new RetroactiveStartRequest { Cycle = Bill15, ParentStartDate = D(2025, 1, 15), AltProrationStartDate = D(2025, 5, 14), Today = D(2025, 4, 27) };

        var ok = _planner.PlanRetroactiveStart(request).Value;
        Assert.False(ok.IsRetroactive);
        Assert.Equal(1, ok.CurrentPeriodCoverage.Days);

        Assert.True(_planner.PlanRetroactiveStart(request with { AltProrationStartDate = D(2025, 5, 15) }).HasError(PlanErrorCodes.AltProrationStartDateOutOfRange));
    }

    [Fact]
    public void PlanRetroactiveStart_PreviousCycleWithoutTheClientParameterOrOption_ReturnsBothErrors()
    {
        var result = _planner.PlanRetroactiveStart(new RetroactiveStartRequest
        {
            Cycle = Bill15, ParentStartDate = D(2025, 1, 15), AltProrationStartDate = D(2025, 3, 5), Today = D(2025, 4, 27),
        });

        Assert.True(result.HasError(PlanErrorCodes.RetroactiveStartNotEnabled));
        Assert.True(result.HasError(1010));
    }

    [Fact]
    public void PlanRetroactiveStart_InvalidInvoicingOption_IsACodedError()
    {
        var planner = new InvoicePlanner(new PlansOptions { AllowRetroactiveSupplementalStart = true });

        var result = planner.PlanRetroactiveStart(new RetroactiveStartRequest
        {
            Cycle = Bill15, ParentStartDate = D(2025, 1, 15), AltProrationStartDate = D(2025, 3, 5), Today = D(2025, 4, 27), InvoicingOption = 3,
        });

        Assert.True(result.HasError(PlanErrorCodes.InvalidInvoicingOption));
    }

    [Fact]
    public void Plan_RangeBeyondACentury_IsACodedErrorNotAnOverflow()
    {
        var result = _planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(1900, 1, 15), AsOf = new LocalDate(2199, 12, 1) });
        Assert.True(result.HasError(PlanErrorCodes.PlanningRangeTooLong));

        var lag = _planner.Plan(new InvoicePlanRequest { Cycle = Bill15, FirstUninvoicedPeriodStart = D(2025, 1, 15), AsOf = D(2025, 2, 1), BillLagDays = int.MinValue });
        Assert.True(lag.HasError(PlanErrorCodes.PlanningRangeTooLong));

        var retro = _planner.PlanRetroactiveStart(new RetroactiveStartRequest { Cycle = Bill15, ParentStartDate = new LocalDate(1900, 1, 1), AltProrationStartDate = new LocalDate(1900, 1, 1), Today = D(2025, 4, 27) });
        Assert.True(retro.HasError(PlanErrorCodes.PlanningRangeTooLong));
    }

    [Fact]
    public void Property_ShortAndLongCycleCoverTheSamePeriodsWithoutGapOrOverlap()
    {
        var gen =
            from day in Gen.Choose(1, 31)
            from first in Gen.Choose(0, 400)
            from asOfOffset in Gen.Choose(0, 200)
            from lag in Gen.Choose(-60, 27)
            select (day, first, asOfOffset, lag);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var cycle = BillingCycle.Monthly(t.day);
            var request = new InvoicePlanRequest
            {
                Cycle = cycle, FirstUninvoicedPeriodStart = new LocalDate(2024, 1, 1).PlusDays(t.first),
                AsOf = new LocalDate(2024, 1, 1).PlusDays(t.first + t.asOfOffset), BillLagDays = t.lag,
            };
            var shortCycle = _planner.Plan(request with { CombineInvoices = 2 }).Value;
            var longCycle = _planner.Plan(request with { CombineInvoices = 1 }).Value;
            var shortPeriods = shortCycle.Invoices.SelectMany(i => i.Covers).Select(c => c.Period).ToArray();
            var longPeriods = longCycle.Invoices.SelectMany(i => i.Covers).Select(c => c.Period).ToArray();
            var tiles = shortPeriods.Zip(shortPeriods.Skip(1)).All(p => p.First.End == p.Second.Start);
            return shortPeriods.SequenceEqual(longPeriods) && tiles && longCycle.Invoices.Count <= 1
                && shortCycle.Invoices.All(i => i.InvoiceDate <= request.AsOf && i.InvoiceDate == i.Covers[0].Period.Start.PlusDays(t.lag));
        }).QuickCheckThrowOnFailure();
    }
}
