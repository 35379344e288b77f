using Aria.Billing.Plans.Queue;
using Aria.Billing.Plans.Tests.Queue;
using Aria.Billing.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Aria.Billing.Plans.Tests;

// Issue #15 item 3: the engines accept business dates in one documented range (BusinessDates, 1900-01-01 to 2199-12-31)
// and refuse others with the date code (1024, or 14026 for an effective date) instead of computing near the ends of the
// calendar. spec: replace-acct-plan-m.txt, error codes 1024 and 14026.
public sealed class BusinessDateRangeTests
{
    private static readonly BillingCycle Annual = BillingCycle.Anchored(new LocalDate(2025, 1, 31), BillingInterval.FromMonths(12));

    [Fact]
    public void ProrationQuote_EffectiveOrAltStartOutsideTheRange_IsRefusedWithTheDateCode_InsideIsQuoted()
    {
        var calculator = new ProrationCalculator(new PlansOptions());
        Prop.ForAll(ArbitraryDates.OutsideBusinessDates.ToArbitrary(), ArbitraryDates.InsideBusinessDates.ToArbitrary(), (outside, inside) =>
        {
            var effective = calculator.Quote(Request(outside, null));
            var alt = calculator.Quote(Request(inside, outside));
            var ok = calculator.Quote(Request(inside, null));

            Assert.Equal(PlanErrorCodes.InvalidEffectiveDate, Assert.Single(effective.Errors).Code);
            Assert.Equal(AriaErrorCodes.InvalidDateFormat, Assert.Single(alt.Errors).Code);
            Assert.Equal("alt_proration_start_date", Assert.Single(Assert.Single(alt.Errors).AssociatedInputs));
            Assert.True(ok.IsSuccess, ok.ToString());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InvoicePlan_DatesOutsideTheRange_AreRefusedWith1024()
    {
        var planner = new InvoicePlanner(new PlansOptions());
        Prop.ForAll(ArbitraryDates.OutsideBusinessDates.ToArbitrary(), outside =>
        {
            var asOf = planner.Plan(new InvoicePlanRequest { Cycle = Annual, FirstUninvoicedPeriodStart = BusinessDates.Latest, AsOf = outside });
            var first = planner.Plan(new InvoicePlanRequest { Cycle = Annual, FirstUninvoicedPeriodStart = outside, AsOf = BusinessDates.Latest });
            var retro = planner.PlanRetroactiveStart(new RetroactiveStartRequest { Cycle = Annual, ParentStartDate = outside, AltProrationStartDate = outside, Today = outside });

            Assert.Equal(AriaErrorCodes.InvalidDateFormat, Assert.Single(asOf.Errors).Code);
            Assert.Equal(AriaErrorCodes.InvalidDateFormat, Assert.Single(first.Errors).Code);
            Assert.Equal(AriaErrorCodes.InvalidDateFormat, Assert.Single(retro.Errors).Code);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void InvoicePlan_AtTheLastBusinessDate_PlansWithoutError()
    {
        var planner = new InvoicePlanner(new PlansOptions());

        var plan = planner.Plan(new InvoicePlanRequest { Cycle = Annual, FirstUninvoicedPeriodStart = new LocalDate(2199, 1, 31), AsOf = BusinessDates.Latest });

        Assert.Equal(new LocalDate(2199, 1, 31), Assert.Single(plan.Value.Invoices).InvoiceDate);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    public void DirectiveValidator_EffectiveDateOutsideTheRange_Is14026(string effectiveDate)
    {
        var validator = new AssignmentDirectiveValidator(new PlansOptions());

        var result = validator.Validate(new DirectiveRequest { AssignmentDirective = 7, EffectiveDate = effectiveDate }, new LocalDate(2025, 4, 27));

        var error = Assert.Single(result.Errors);
        Assert.Equal(PlanErrorCodes.InvalidEffectiveDate, error.Code);
        Assert.Contains("2199-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_EffectiveDateOrNewDateOutsideTheRange_Is14026_AndNothingIsQueued()
    {
        var fixture = new QueueFixture(new LocalDate(2025, 4, 27));
        fixture.AddMaster(1, new LocalDate(2025, 1, 15));
        fixture.AddSupplemental(2, 1, new LocalDate(2025, 1, 15));

        var far = await fixture.QueueAsync(2, PlanChangeKind.Units, new LocalDate(9999, 12, 31));
        var statusFar = await fixture.QueueAsync(2, PlanChangeKind.Status, status: PlanInstanceStatus.Suspended, daysUntil: int.MaxValue);
        var queued = await fixture.QueueAsync(2, PlanChangeKind.Units, BusinessDates.Latest);
        var moved = await fixture.Queue.ChangeDateAsync(QueueFixture.Client, queued.Value.Id, BusinessDates.Latest.PlusDays(1), "csr-ann");

        Assert.Equal(PlanErrorCodes.InvalidEffectiveDate, Assert.Single(far.Errors).Code);
        Assert.Equal(PlanErrorCodes.InvalidEffectiveDate, Assert.Single(statusFar.Errors).Code);
        Assert.Equal(PlanErrorCodes.InvalidEffectiveDate, Assert.Single(moved.Errors).Code);
        var open = await fixture.Queue.ListAsync(QueueFixture.Client, QueueFixture.Account);
        Assert.Equal(BusinessDates.Latest, Assert.Single(open).EffectiveDate);
    }

    private static ProrationRequest Request(LocalDate effective, LocalDate? altStart) => new()
    {
        Cycle = BillingCycle.Monthly(15),
        OldRatePerUnit = Money.Of(30m, Currency.USD),
        OldUnits = 1,
        NewRatePerUnit = Money.Of(60m, Currency.USD),
        NewUnits = 1,
        EffectiveDate = effective,
        AltProrationStartDate = altStart,
        Policy = ProrationPolicy.Full,
    };
}
