namespace Aria.Billing.Plans.Tests.BillLag;

// spec: replace-acct-plan-m.txt, bill_lag_days; release-6.50.txt, "Configure Negative Bill Lag Days in Excess of One Bill
// Cycle (DEV-7039)" and "Precedence of Bill Lag Days Settings".
public sealed class BillLagCalculatorTests
{
    private readonly BillLagCalculator _calculator = new(new PlansOptions { ClientBillLagDays = 3 });

    [Fact]
    public void InvoiceDate_SpecExamples_Minus14AndPlus10()
    {
        var billDate = new LocalDate(2025, 5, 15);

        Assert.Equal(new LocalDate(2025, 5, 1), new BillLagResolution(-14, BillLagSource.MasterPlanInstance).InvoiceDateFor(billDate));
        Assert.Equal(new LocalDate(2025, 5, 25), new BillLagResolution(10, BillLagSource.MasterPlanInstance).InvoiceDateFor(billDate));
    }

    [Theory]
    [InlineData(-14, 5, 7, -14, BillLagSource.MasterPlanInstance)]
    [InlineData(null, 5, 7, 5, BillLagSource.CollectionGroup)]
    [InlineData(null, null, 7, 7, BillLagSource.PaymentTermsOrMethod)]
    [InlineData(null, null, null, 3, BillLagSource.Client)]
    [InlineData(0, 5, 7, 0, BillLagSource.MasterPlanInstance)]
    public void Resolve_FollowsThePrecedenceAndNamesTheLevel(int? instance, int? group, int? terms, int days, BillLagSource source)
    {
        var resolution = _calculator.Resolve(new BillLagSettings(instance, group, terms));

        Assert.Equal(new BillLagResolution(days, source), resolution);
    }

    [Fact]
    public void Erase_RemovesTheInstanceValueSoTheNextLevelWins()
    {
        var settings = new BillLagSettings(-14, 5, null);
        var update = new BillLagUpdate { BillLagDays = BillLagDaysInput.Parse("~").Value, Interval = BillingInterval.Monthly, ChangesUnitsStatusOrRateSchedule = true };

        var updated = _calculator.ApplyUpdate(settings, update).Value;

        Assert.Null(updated.MasterPlanInstance);
        Assert.Equal(new BillLagResolution(5, BillLagSource.CollectionGroup), _calculator.Resolve(updated));
    }

    [Theory]
    [InlineData(1, 27, true)]
    [InlineData(1, -27, true)]
    [InlineData(1, 28, false)]
    [InlineData(1, -28, false)]
    [InlineData(3, 88, true)]
    [InlineData(3, 89, false)]
    [InlineData(12, -364, true)]
    [InlineData(12, -365, false)]
    public void CheckBounds_WithinPlusMinusShortestPeriodMinusOne_Else14310(int months, int days, bool ok)
    {
        var result = _calculator.CheckBounds(days, BillingInterval.FromMonths(months));

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal(14310, Assert.Single(result.Errors).Code.Number);
        }
    }

    [Theory]
    [InlineData(-999, true, null)]
    [InlineData(-28, true, null)]
    [InlineData(27, true, null)]
    [InlineData(28, false, 14311)]
    public void CheckBounds_NegativeBeyondOneCycleAllowed_OnlyPositivesAreCapped(int days, bool ok, int? code)
    {
        var calculator = new BillLagCalculator(new PlansOptions { AllowNegativeBillLagBeyondOneCycle = true });

        var result = calculator.CheckBounds(days, BillingInterval.Monthly);

        Assert.Equal(ok, result.IsSuccess);
        Assert.Equal(code, result.Errors.FirstOrDefault()?.Code.Number);
    }

    [Fact]
    public void ApplyUpdate_BillLagAlone_IsRefusedWith1010()
    {
        var update = new BillLagUpdate { BillLagDays = BillLagDaysInput.Of(5), Interval = BillingInterval.Monthly };

        var result = _calculator.ApplyUpdate(new BillLagSettings(null, null, null), update);

        Assert.Equal(1010, Assert.Single(result.Errors).Code.Number);
    }

    [Fact]
    public void ApplyUpdate_OnAnniversaryChange_IsIgnoredWithAWarning()
    {
        var current = new BillLagSettings(2, null, null);
        var update = new BillLagUpdate { BillLagDays = BillLagDaysInput.Of(-10), Interval = BillingInterval.Monthly, ChangesUnitsStatusOrRateSchedule = true, ScheduledForAnniversary = true };

        var result = _calculator.ApplyUpdate(current, update);

        Assert.Equal(current, result.Value);
        Assert.Equal(PlanWarningCodes.BillLagDaysIgnored, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void ApplyUpdate_OutOfBounds_Is14310AndKeepsNothing()
    {
        var update = new BillLagUpdate { BillLagDays = BillLagDaysInput.Of(40), Interval = BillingInterval.Monthly, ChangesUnitsStatusOrRateSchedule = true };

        Assert.True(_calculator.ApplyUpdate(new BillLagSettings(2, null, null), update).HasError(14310));
    }

    [Theory]
    [InlineData("12", BillLagDaysInputKind.Value, 12)]
    [InlineData(" -14 ", BillLagDaysInputKind.Value, -14)]
    [InlineData("~", BillLagDaysInputKind.Erase, 0)]
    [InlineData("", BillLagDaysInputKind.NotGiven, 0)]
    [InlineData(null, BillLagDaysInputKind.NotGiven, 0)]
    public void Parse_AcceptsNumbersAndTheEraseIndicator(string? text, BillLagDaysInputKind kind, int days)
    {
        var input = BillLagDaysInput.Parse(text).Value;

        Assert.Equal(kind, input.Kind);
        Assert.Equal(days, input.Days);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("~~")]
    [InlineData("ten")]
    [InlineData("99999999999")]
    public void Parse_Garbage_IsACodedError(string text)
    {
        Assert.True(BillLagDaysInput.Parse(text).HasError(PlanErrorCodes.InvalidBillLagDays));
    }

    [Fact]
    public void Property_PrecedenceNeverSkipsADefinedLevel()
    {
        var level = Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(-400, 400).Select(i => (int?)i));
        var gen = from a in level from b in level from c in level from client in Gen.Choose(-27, 27) select (a, b, c, client);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (a, b, c, client) = t;
            var resolved = new BillLagCalculator(new PlansOptions { ClientBillLagDays = client }).Resolve(new BillLagSettings(a, b, c));
            var expected = a is not null ? (a.Value, BillLagSource.MasterPlanInstance)
                : b is not null ? (b.Value, BillLagSource.CollectionGroup)
                : c is not null ? (c.Value, BillLagSource.PaymentTermsOrMethod)
                : (client, BillLagSource.Client);
            return resolved.Days == expected.Item1 && resolved.Source == expected.Item2;
        }).QuickCheckThrowOnFailure();
    }
}
