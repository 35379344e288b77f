using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.ReplacePlan;

// spec: replace-acct-plan-m.txt — required fields, input fields and error codes.
public sealed class ReplacePlanValidatorTests
{
    private static readonly ReplacePlanContext Master = new() { PlanKind = PlanKind.Master, Today = new LocalDate(2025, 4, 27) };
    private static readonly ReplacePlanContext Supplemental = Master with { PlanKind = PlanKind.Supplemental };
    private readonly ReplacePlanValidator _validator = new(new PlansOptions());

    private static ReplacePlanRequest Valid => new()
    {
        ClientNo = "1000",
        AuthKey = "secret",
        AcctNo = "42",
        PlanInstanceNo = "7",
        NewPlanNo = "9",
    };

    [Fact]
    public void Validate_MinimalRequest_PassesWithTheDefaultDirective()
    {
        var result = _validator.Validate(Valid, Master);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Value.Directive.Directive.Code);
        Assert.Equal(new AccountNumber(42), result.Value.AccountNumber);
        Assert.Equal(new PlanNumber(9), result.Value.NewPlanNumber);
        Assert.True(result.Value.DoWrite);
    }

    [Fact]
    public void Validate_Empty_ReportsEveryMissingRequiredInputWith1010()
    {
        var result = _validator.Validate(new ReplacePlanRequest(), Master);

        Assert.All(result.Errors, e => Assert.Equal(1010, e.Code.Number));
        Assert.Equal(
            [["client_no"], ["auth_key"], ["acct_no", "client_acct_id"], ["plan_instance_no", "client_plan_instance_id"], ["new_plan_no", "new_client_plan_id"]],
            result.Errors.Select(e => e.AssociatedInputs.ToArray()));
    }

    [Fact]
    public void Validate_ClientIdsInsteadOfNumbers_SatisfyTheOneOfPairs()
    {
        var request = Valid with { AcctNo = null, ClientAcctId = "ACME-1", PlanInstanceNo = null, ClientPlanInstanceId = "mpi-1", NewPlanNo = null, NewClientPlanId = "gold" };

        var result = _validator.Validate(request, Master).Value;

        Assert.Equal("ACME-1", result.ClientAccountId);
        Assert.Equal("gold", result.NewClientPlanId);
        Assert.Null(result.AccountNumber);
    }

    [Theory]
    [InlineData("12", 1035)]
    [InlineData("two", 1035)]
    [InlineData("0", 1035)]
    public void Validate_BadDirective_Is1035(string directive, int code)
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = directive }, Master).HasError(code));
    }

    [Fact]
    public void Validate_DatedDirective_ParsesTheEffectiveDate()
    {
        var result = _validator.Validate(Valid with { AssignmentDirective = "9", EffectiveDate = "2025-05-15" }, Master);

        Assert.Equal(new LocalDate(2025, 5, 15), result.Value.Directive.EffectiveDate);
        Assert.Equal(ProrationPolicy.Full, result.Value.Directive.Proration);
    }

    [Theory]
    [InlineData("2025/05/15", 1024)]
    [InlineData("2025-04-27", 14026)]
    [InlineData("2025-13-01", 14026)]
    public void Validate_BadEffectiveDate(string date, int code)
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "7", EffectiveDate = date }, Master).HasError(code));
    }

    [Fact]
    public void Validate_SupplementalReplace_RefusesChargesOnlyAndCreditsOnly()
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "5" }, Supplemental).HasError(1035));
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "6" }, Supplemental).HasError(1035));
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "4" }, Supplemental).IsSuccess);
    }

    [Fact]
    public void Validate_CreditOnlyWithMandatoryChargingChild_Is1101()
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "6" }, Master with { AssignsChargingMandatoryChild = true }).HasError(1101));
    }

    [Fact]
    public void Validate_PreviewOfAnniversary_Is14025()
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "1", DoWrite = "false" }, Master).HasError(14025));
    }

    [Fact]
    public void Validate_OffsetWithImmediateDirective_Is14024()
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "2", OffsetInterval = "2" }, Master).HasError(14024));
    }

    [Fact]
    public void Validate_ForceBillDateResetOnSupplemental_Is7036()
    {
        Assert.Equal(7036, Assert.Single(_validator.Validate(Valid with { ForceBillDateReset = "1" }, Supplemental).Errors).Code.Number);
        Assert.True(_validator.Validate(Valid with { ForceBillDateReset = "1" }, Master).IsSuccess);
    }

    [Fact]
    public void Validate_ForceMasterBillDateResetOnMaster_Is7035()
    {
        Assert.Equal(7035, Assert.Single(_validator.Validate(Valid with { ForceMasterBillDateReset = "2" }, Master).Errors).Code.Number);
        Assert.True(_validator.Validate(Valid with { ForceMasterBillDateReset = "2" }, Supplemental).IsSuccess);
    }

    [Theory]
    [InlineData("2", 14098)]
    [InlineData("x", 14098)]
    public void Validate_ProrationInvoiceTiming(string value, int code)
    {
        Assert.True(_validator.Validate(Valid with { ProrationInvoiceTiming = value }, Master).HasError(code));
        Assert.True(_validator.Validate(Valid with { ProrationInvoiceTiming = "1" }, Master).IsSuccess);
    }

    [Theory]
    [InlineData("UT", true)]
    [InlineData("up", true)]
    [InlineData("UX", false)]
    public void Validate_UsageThresholdApplicability_UtOrUpElse23013(string value, bool ok)
    {
        var result = _validator.Validate(Valid with { UsageThresholdApplicability = value }, Master);

        Assert.Equal(ok, result.IsSuccess);
        Assert.Equal(!ok, result.HasError(23013));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("99", true)]
    [InlineData("100", false)]
    [InlineData("-1", false)]
    [InlineData("a", false)]
    public void Validate_UsageAccumulationResetMonths_0To99Else14019(string value, bool ok)
    {
        Assert.Equal(!ok, _validator.Validate(Valid with { UsageAccumulationResetMonths = value }, Master).HasError(14019));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void Validate_Booleans_Else1033(string value)
    {
        var result = _validator.Validate(Valid with { DoWrite = value, UsagePooling = value, ForceCurrencyChange = value, InvoiceUnbilledUsage = value, IncludePlanInstanceQueue = value }, Master);

        Assert.Equal(5, result.Errors.Count(e => e.Code.Number == 1033));
    }

    [Fact]
    public void Validate_Enumerations_PlanStatusFieldDirectiveTransactionTypeModelSurchargeOffset()
    {
        var request = Valid with
        {
            PlanStatus = "2",
            PlanInstanceFields = [new PlanInstanceFieldInput("5", "color", "red")],
            TransactionType = "Z",
            RecurringProcessingModelInd = "4",
            MpSurchargeDirective = "3",
            AutoOffsetMonthsOption = "0",
            CombineInvoices = "4",
        };

        var result = _validator.Validate(request, Master);

        Assert.Equal(
            ["plan_status", "plan_instance_field_directive", "transaction_type", "recurring_processing_model_ind", "mp_surcharge_directive", "auto_offset_months_option", "combine_invoices"],
            result.Errors.Select(e => e.AssociatedInputs[0]));
        Assert.True(result.HasError(5060));
        Assert.True(result.HasError(1064));
        Assert.True(result.HasError(3018));
    }

    [Fact]
    public void Validate_ValidEnumerations_AreParsed()
    {
        var result = _validator.Validate(Valid with { PlanStatus = "61", CombineInvoices = "1", PlanUnits = "2.5", TransactionType = "R" }, Master).Value;

        Assert.Equal(PlanStatus.ActiveNonBillable, result.PlanStatus);
        Assert.Equal(CombineInvoices.LongCycle, result.CombineInvoices);
        Assert.Equal(2.5m, result.PlanUnits);
    }

    [Theory]
    [InlineData("27", true, null)]
    [InlineData("-27", true, null)]
    [InlineData("28", false, 14310)]
    [InlineData("~", true, null)]
    public void Validate_BillLagDays_BoundedByTheInterval(string value, bool ok, int? code)
    {
        var result = _validator.Validate(Valid with { BillLagDays = value }, Master);

        Assert.Equal(ok, result.IsSuccess);
        Assert.Equal(code, result.Errors.FirstOrDefault()?.Code.Number);
    }

    [Fact]
    public void Validate_BillLagDaysOnAnniversaryReplacement_IsIgnoredWithAWarning()
    {
        var result = _validator.Validate(Valid with { AssignmentDirective = "1", BillLagDays = "-10" }, Master);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value.BillLagDays.IsGiven);
        Assert.Contains(result.Warnings, w => w.Code == PlanWarningCodes.BillLagDaysIgnored);
    }

    [Fact]
    public void Validate_CustomRates_TierErrorsAndParsedTiers()
    {
        CustomRateInput Row(string seq, string from, string? to, string rate) => new() { ServiceNo = "100", SeqNo = seq, FromUnit = from, ToUnit = to, RatePerUnit = rate };

        var bad = _validator.Validate(Valid with { CustomRates = [Row("1", "1", "100", "0.1"), Row("2", "105", "200", "-1")] }, Master);
        Assert.Equal(["14129", "14014", "14027"], bad.Errors.Select(e => e.Code.Value));

        var good = _validator.Validate(Valid with { CustomRates = [Row("1", "1", "100", "0.1"), Row("2", "101", null, "0.05")] }, Master);
        Assert.Equal(2, good.Value.CustomRates["100"].Count);

        var garbage = _validator.Validate(Valid with { CustomRates = [Row("one", "1", null, "0.1")] }, Master);
        Assert.Equal(["custom_rate_seq_no"], Assert.Single(garbage.Errors).AssociatedInputs);
    }

    [Fact]
    public void Validate_AltProrationStartDate_BadFormatIs1024()
    {
        Assert.True(_validator.Validate(Valid with { AltProrationStartDate = "27-04-2025" }, Master).HasError(1024));
        Assert.Equal(new LocalDate(2025, 4, 20), _validator.Validate(Valid with { AltProrationStartDate = "2025-04-20" }, Master).Value.AltProrationStartDate);
    }

    [Fact]
    public void Property_NeverThrowsOnAnyTextAndEveryErrorIsCodedAndNamesItsInput()
    {
        var text = ArbitraryText.Any;
        var gen =
            from clientNo in text
            from acct in ArbitraryText.NumberLike
            from instance in ArbitraryText.NumberLike
            from plan in ArbitraryText.NumberLike
            from directive in ArbitraryText.NumberLike
            from effective in Gen.OneOf(ArbitraryText.DateLike, text)
            from alt in Gen.OneOf(ArbitraryText.DateLike, text)
            from lag in ArbitraryText.NumberLike
            from status in ArbitraryText.NumberLike
            from units in ArbitraryText.NumberLike
            from flag in text
            from enumeration in ArbitraryText.NumberLike
            from seq in ArbitraryText.NumberLike
            from rate in ArbitraryText.NumberLike
            from kind in Gen.Elements(PlanKind.Master, PlanKind.Supplemental)
            select (new ReplacePlanRequest
            {
                ClientNo = clientNo, AuthKey = flag, AcctNo = acct, PlanInstanceNo = instance, NewPlanNo = plan, AssignmentDirective = directive,
                EffectiveDate = effective, AltProrationStartDate = alt, BillLagDays = lag, PlanStatus = status, PlanUnits = units,
                DoWrite = flag, UsagePooling = flag, ForceBillDateReset = enumeration, ForceMasterBillDateReset = enumeration,
                ProrationInvoiceTiming = enumeration, UsageThresholdApplicability = flag, TransactionType = enumeration,
                RecurringProcessingModelInd = enumeration, UsageAccumulationResetMonths = enumeration, OffsetInterval = enumeration,
                CombineInvoices = enumeration, PlanInstanceFields = [new PlanInstanceFieldInput(enumeration, flag, flag)],
                CustomRates = [new CustomRateInput { ServiceNo = flag, SeqNo = seq, FromUnit = units, ToUnit = lag, RatePerUnit = rate }],
            }, kind);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var result = _validator.Validate(t.Item1, Master with { PlanKind = t.kind });
            return result.IsSuccess
                || (result.Errors.Count > 0 && result.Errors.All(e => e.Code.Value.Length > 0 && e.Message.Length > 0 && e.AssociatedInputs.Count > 0));
        }).QuickCheckThrowOnFailure();
    }
}
