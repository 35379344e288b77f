using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;
using static Aria.Billing.Plans.Tests.ReplacePlan.ReplacePlanFixture;

namespace Aria.Billing.Plans.Tests.ReplacePlan;

// spec: replace-acct-plan-m.txt — required fields, input fields and error codes, against the account and the catalog
// (one row per code in ReplacePlanValidatorCodeTableTests; here the rules' finer points).
public sealed class ReplacePlanValidatorTests
{
    private readonly ReplacePlanValidator _validator = new(new PlansOptions());

    private static ReplacePlanRequest Supplemental => Valid with { PlanInstanceNo = "11", NewPlanNo = "21" };

    [Fact]
    public void Validate_MinimalRequest_PassesResolvedAgainstTheFacts()
    {
        var result = _validator.Validate(Valid, Context);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Value.Directive.Directive.Code);
        Assert.Equal((new AccountNumber(42), I(7), P(9), PlanKind.Master), (result.Value.AccountNumber, result.Value.PlanInstanceNumber, result.Value.NewPlanNumber, result.Value.PlanKind));
        Assert.Equal(("ACME-42", "mpi-7", "gold"), (result.Value.ClientAccountId, result.Value.ClientPlanInstanceId, result.Value.NewClientPlanId));
        Assert.Equal(Currency.USD, result.Value.Currency);
        Assert.False(result.Value.ChangesCurrency);
        Assert.True(result.Value.DoWrite);
    }

    [Fact]
    public void Validate_Empty_ReportsEveryMissingRequiredInputWith1010()
    {
        var result = _validator.Validate(new ReplacePlanRequest(), Context);

        Assert.All(result.Errors, e => Assert.Equal(1010, e.Code.Number));
        Assert.Equal(
            [["client_no"], ["auth_key"], ["acct_no", "client_acct_id"], ["plan_instance_no", "client_plan_instance_id"], ["new_plan_no", "new_client_plan_id"]],
            result.Errors.Select(e => e.AssociatedInputs.ToArray()));
    }

    [Fact]
    public void Validate_ClientIdsInsteadOfNumbers_ResolveToTheSameAccountInstanceAndPlan()
    {
        var request = Valid with { AcctNo = null, ClientAcctId = "ACME-42", PlanInstanceNo = null, ClientPlanInstanceId = "mpi-7", NewPlanNo = null, NewClientPlanId = "gold" };

        var result = _validator.Validate(request, Context).Value;

        Assert.Equal((new AccountNumber(42), I(7), P(9)), (result.AccountNumber, result.PlanInstanceNumber, result.NewPlanNumber));
    }

    [Theory]
    [InlineData("43", null, "acct_no", "Account not found: AriaNo (43).")]
    [InlineData("abc", null, "acct_no", "Account not found: AriaNo (abc).")]
    [InlineData(null, "ACME-43", "client_acct_id", "Account not found: ClientId (ACME-43).")]
    [InlineData("42", "ACME-43", "client_acct_id", "Account not found: ClientId (ACME-43).")]
    public void Validate_UnknownOrMismatchedAccount_Is1009WithTheManualsAlternate(string? acctNo, string? clientAcctId, string input, string message)
    {
        var error = Assert.Single(_validator.Validate(Valid with { AcctNo = acctNo, ClientAcctId = clientAcctId }, Context).Errors);

        Assert.Equal((1009, message, input), (error.Code.Number, error.Message, error.AssociatedInputs.Single()));
    }

    [Fact]
    public void Validate_NoAccount_Is1009AndNothingAboutItsInstances()
    {
        var error = Assert.Single(_validator.Validate(Valid, Context with { Account = null }).Errors);

        Assert.Equal(1009, error.Code.Number);
    }

    [Theory]
    [InlineData(AccountStatus.Archived, 1049)]
    [InlineData(AccountStatus.Inactive, 1049)]
    [InlineData(AccountStatus.Suspended, 14077)]
    [InlineData(AccountStatus.Terminated, 14077)]
    [InlineData((AccountStatus)11, null)]
    public void Validate_AccountStatus(AccountStatus status, int? code)
    {
        var result = _validator.Validate(Valid, Context with { Account = Account with { Status = status } });

        Assert.Equal(code, result.Errors.SingleOrDefault()?.Code.Number);
    }

    [Fact]
    public void Validate_AccountInDunning_Is1049()
    {
        var error = Assert.Single(_validator.Validate(Valid, Context with { Account = Account with { Dunning = DunningState.InProgress } }).Errors);

        Assert.Equal(1049, error.Code.Number);
        Assert.StartsWith("Billing or Plan changes not allowed due to the account status: account 42 is in dunning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InstanceNumberAndClientIdNamingDifferentInstances_Is14047()
    {
        var error = Assert.Single(_validator.Validate(Valid with { ClientPlanInstanceId = "spi-11" }, Context).Errors);

        Assert.Equal((14047, "client_plan_instance_id"), (error.Code.Number, error.AssociatedInputs.Single()));
        Assert.Contains("is plan instance 11, not plan_instance_no 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlanNumberAndClientIdNamingDifferentPlans_Is14035()
    {
        Assert.Equal(14035, Assert.Single(_validator.Validate(Valid with { NewClientPlanId = "basic" }, Context).Errors).Code.Number);
    }

    [Fact]
    public void Validate_MasterInstanceTakesNoSupplementalPlan_AndSupplementalNoMaster()
    {
        Assert.Equal(["14004"], _validator.Validate(Valid with { NewPlanNo = "21" }, Context).Errors.Select(e => e.Code.Value));
        Assert.Equal(14075, Assert.Single(_validator.Validate(Supplemental with { NewPlanNo = "9" }, Context).Errors).Code.Number);
        Assert.True(_validator.Validate(Supplemental, Context).IsSuccess);
    }

    [Fact]
    public void Validate_CancelledChildrenDoNotBlockTheNewMaster()
    {
        var context = Context.WithInstance(Supplemental11 with { Status = PlanInstanceStatus.Cancelled });

        Assert.True(_validator.Validate(Valid with { NewPlanNo = "13" }, context).IsSuccess);
    }

    [Fact]
    public void Validate_SuspendedSupplementalInstance_Is14079()
    {
        var context = Context.WithInstance(Supplemental11 with { Status = PlanInstanceStatus.Terminated });

        Assert.Equal(14079, Assert.Single(_validator.Validate(Supplemental, context).Errors).Code.Number);
    }

    [Fact]
    public void Validate_InconsistentFacts_Are1001NotAnException()
    {
        var looping = Context.WithInstances(Master7 with { Parent = I(11) }, Supplemental11);
        var orphan = Context.WithInstances(Master7, Supplemental11 with { Parent = I(99) });
        var noCurrency = Context with { Account = Account with { Currency = default } };

        Assert.All([looping, orphan, noCurrency], context => Assert.Equal(1001, Assert.Single(_validator.Validate(Valid, context).Errors).Code.Number));
        Assert.Contains("form a loop", _validator.Validate(Valid, looping).Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientNoOfAnotherClient_Is1004()
    {
        Assert.Equal(1004, Assert.Single(_validator.Validate(Valid with { ClientNo = "client" }, Context).Errors).Code.Number);
    }

    [Theory]
    [InlineData("12", 1035)]
    [InlineData("two", 1035)]
    [InlineData("0", 1035)]
    public void Validate_BadDirective_Is1035(string directive, int code)
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = directive }, Context).HasError(code));
    }

    [Fact]
    public void Validate_DatedDirective_ParsesTheEffectiveDate()
    {
        var result = _validator.Validate(Valid with { AssignmentDirective = "9", EffectiveDate = "2025-05-15" }, Context);

        Assert.Equal(new LocalDate(2025, 5, 15), result.Value.Directive.EffectiveDate);
        Assert.Equal(ProrationPolicy.Full, result.Value.Directive.Proration);
    }

    [Theory]
    [InlineData("2025/05/15", 1024)]
    [InlineData("2025-04-27", 14026)]
    [InlineData("2025-13-01", 14026)]
    public void Validate_BadEffectiveDate(string date, int code)
    {
        Assert.True(_validator.Validate(Valid with { AssignmentDirective = "7", EffectiveDate = date }, Context).HasError(code));
    }

    [Fact]
    public void Validate_EffectiveDateWithIllegalCharacters_Is25020Only()
    {
        var error = Assert.Single(_validator.Validate(Valid with { AssignmentDirective = "7", EffectiveDate = "2025-05-15\u0000" }, Context).Errors);

        Assert.Equal((25020, "effective_date"), (error.Code.Number, error.AssociatedInputs.Single()));
        Assert.Contains("U+0000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SupplementalReplace_RefusesChargesOnlyAndCreditsOnly()
    {
        Assert.True(_validator.Validate(Supplemental with { AssignmentDirective = "5" }, Context).HasError(1035));
        Assert.True(_validator.Validate(Supplemental with { AssignmentDirective = "6" }, Context).HasError(1035));
        Assert.True(_validator.Validate(Supplemental with { AssignmentDirective = "4" }, Context).IsSuccess);
    }

    [Fact]
    public void Validate_CreditOnlyWithAFreeMandatoryChild_Passes()
    {
        var catalog = Catalog with { Plans = new Dictionary<PlanNumber, CatalogPlan>(Catalog.Plans) { [P(23)] = Catalog.Plans[P(23)] with { IsBillable = false } } };

        Assert.True(_validator.Validate(Valid with { NewPlanNo = "6", AssignmentDirective = "6" }, Context with { Catalog = catalog }).IsSuccess);
    }

    [Fact]
    public void Validate_ForceBillDateReset_OnMasterPasses_OnSupplementalIs7036()
    {
        Assert.True(_validator.Validate(Valid with { ForceBillDateReset = "1" }, Context).IsSuccess);
        Assert.Equal(7036, Assert.Single(_validator.Validate(Supplemental with { ForceBillDateReset = "1" }, Context).Errors).Code.Number);
    }

    [Fact]
    public void Validate_ForceMasterBillDateReset_OnSupplementalPasses()
    {
        Assert.True(_validator.Validate(Supplemental with { ForceMasterBillDateReset = "2" }, Context).IsSuccess);
    }

    [Theory]
    [InlineData("1", "master", true)]
    [InlineData("2", "master", false)]
    [InlineData("2", "supplemental", true)]
    [InlineData("3", "supplemental", false)]
    public void Validate_AutoOffsetMonthsOption_TwoOnlyForSupplementalPlans(string option, string kind, bool ok)
    {
        var request = (kind == "master" ? Valid : Supplemental) with { AutoOffsetMonthsOption = option };

        var result = _validator.Validate(request, Context);

        Assert.Equal(ok, result.IsSuccess);
        Assert.Equal(!ok, result.HasError(3018));
    }

    [Theory]
    [InlineData("UT", true)]
    [InlineData("up", true)]
    [InlineData("UX", false)]
    public void Validate_UsageThresholdApplicability_UtOrUpElse23013(string value, bool ok)
    {
        var result = _validator.Validate(Valid with { UsageThresholdApplicability = value }, Context);

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
        Assert.Equal(!ok, _validator.Validate(Valid with { UsageAccumulationResetMonths = value }, Context).HasError(14019));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void Validate_Booleans_Else1033(string value)
    {
        var result = _validator.Validate(Valid with { DoWrite = value, UsagePooling = value, ForceCurrencyChange = value, InvoiceUnbilledUsage = value, IncludePlanInstanceQueue = value }, Context);

        Assert.Equal(5, result.Errors.Count(e => e.Code.Number == 1033));
        Assert.All(result.Errors, e => Assert.StartsWith("a parameter that represents a true or false value contains invalid input: ", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Enumerations_EachWithItsCodeOr25020WhereTheManualGivesNone()
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
            ForceBillDateReset = "7",
            UsageAccumulationResetMonthsRenewalOption = "3",
        };

        var result = _validator.Validate(request, Context);

        Assert.Equal(
            [
                ("14077", "plan_status"), ("5060", "plan_instance_field_directive"), ("25020", "force_bill_date_reset"), ("25020", "transaction_type"),
                ("25020", "recurring_processing_model_ind"), ("25020", "usage_accumulation_reset_months_renewal_option"), ("1064", "mp_surcharge_directive"),
                ("3018", "auto_offset_months_option"), ("25020", "combine_invoices"),
            ],
            result.Errors.Select(e => (e.Code.Value, e.AssociatedInputs[0])));
    }

    [Fact]
    public void Validate_ValidEnumerations_AreParsed()
    {
        var result = _validator.Validate(Valid with { PlanStatus = "61", CombineInvoices = "1", PlanUnits = "2.5", TransactionType = "R" }, Context).Value;

        Assert.Equal(PlanStatus.ActiveNonBillable, result.PlanStatus);
        Assert.Equal(CombineInvoices.LongCycle, result.CombineInvoices);
        Assert.Equal(2.5m, result.PlanUnits);
    }

    [Theory]
    [InlineData("abc", 25020)]
    [InlineData("-1", 14086)]
    [InlineData("0.99", 14086)]
    [InlineData("1", null)]
    [InlineData("100", null)]
    [InlineData("100.5", 14087)]
    public void Validate_PlanUnits_WithinTheNewPlansBounds(string units, int? code)
    {
        Assert.Equal(code, _validator.Validate(Valid with { PlanUnits = units }, Context).Errors.SingleOrDefault()?.Code.Number);
    }

    [Theory]
    [InlineData("27", true, null)]
    [InlineData("-27", true, null)]
    [InlineData("28", false, 14310)]
    [InlineData("~", true, null)]
    [InlineData("ten", false, 25020)]
    public void Validate_BillLagDays_BoundedByTheInterval(string value, bool ok, int? code)
    {
        var result = _validator.Validate(Valid with { BillLagDays = value }, Context);

        Assert.Equal(ok, result.IsSuccess);
        Assert.Equal(code, result.Errors.FirstOrDefault()?.Code.Number);
    }

    /// <summary>The bounds are the new plan's interval: quarterly → monthly shrinks them to ±27, monthly → quarterly widens them to ±88.</summary>
    [Fact]
    public void Validate_BillLagDays_BoundedByTheNewPlansInterval()
    {
        var onQuarterly = Context.WithInstance(Master7 with { Plan = P(4), Cycle = BillingCycle.Anchored(new LocalDate(2025, 1, 15), BillingInterval.Quarterly) });

        Assert.True(_validator.Validate(Valid with { BillLagDays = "-60" }, onQuarterly).HasError(14310));
        Assert.True(_validator.Validate(Valid with { NewPlanNo = "4", BillLagDays = "-60" }, Context).IsSuccess);
        Assert.True(_validator.Validate(Valid with { NewPlanNo = "4", BillLagDays = "-89" }, Context).HasError(14310));
    }

    [Fact]
    public void Validate_BillLagDaysOnASupplementalReplacement_BoundedByTheMastersInterval()
    {
        var underQuarterly = Context.WithInstance(Master7 with { Plan = P(4), Cycle = BillingCycle.Anchored(new LocalDate(2025, 1, 15), BillingInterval.Quarterly) });

        Assert.True(_validator.Validate(Supplemental with { BillLagDays = "-60" }, underQuarterly).IsSuccess);
        Assert.True(_validator.Validate(Supplemental with { BillLagDays = "-60" }, Context).HasError(14310));
    }

    [Fact]
    public void Validate_BillLagDaysOnAnniversaryReplacement_IsIgnoredWithAWarning()
    {
        var result = _validator.Validate(Valid with { AssignmentDirective = "1", BillLagDays = "-10" }, Context);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value.BillLagDays.IsGiven);
        Assert.Contains(result.Warnings, w => w.Code == PlanWarningCodes.BillLagDaysIgnored);
    }

    [Fact]
    public void Validate_CustomRates_TierErrorsAndParsedTiers()
    {
        static CustomRateInput Row(string seq, string from, string? to, string rate) => new() { ServiceNo = "100", SeqNo = seq, FromUnit = from, ToUnit = to, RatePerUnit = rate };

        var bad = _validator.Validate(Valid with { CustomRates = [Row("1", "1", "100", "0.1"), Row("2", "105", "200", "-1")] }, Context);
        Assert.Equal(["14129", "14014", "14027", "14014"], bad.Errors.Select(e => e.Code.Value));
        Assert.StartsWith("When entering custom rates, the end sequence number of one tier must immediately precede the start sequence number of the next tier. Tier 1 ends at 100, tier 2 starts at 105 (expected 101).", bad.Errors[1].Message, StringComparison.Ordinal);

        var good = _validator.Validate(Valid with { CustomRates = [Row("1", "1", "100", "0.1"), Row("2", "101", null, "0.05")] }, Context);
        Assert.Equal(2, good.Value.CustomRates["100"].Count);

        var garbage = _validator.Validate(Valid with { CustomRates = [Row("one", "1", null, "0.1")] }, Context);
        Assert.Equal(("25020", "custom_rate_seq_no"), (Assert.Single(garbage.Errors).Code.Value, garbage.Errors[0].AssociatedInputs.Single()));
    }

    [Fact]
    public void Validate_CustomRates_KeepTheBaseSchedulesNumberOfTiers_AndFromBelowTo()
    {
        CustomRateInput Row(string seq, string from, string? to) => new() { ServiceNo = "100", SeqNo = seq, FromUnit = from, ToUnit = to, RatePerUnit = "0.1" };

        var oneTier = Assert.Single(_validator.Validate(Valid with { CustomRates = [Row("1", "1", null)] }, Context).Errors);
        Assert.Equal("invalid rate tier structure: service 100 has 1 tiers in the custom rates and 2 in rate schedule 901, on which they are based.", oneTier.Message);

        var empty = _validator.Validate(Valid with { CustomRates = [new() { ServiceNo = "104", SeqNo = "1", FromUnit = "5", ToUnit = "5", RatePerUnit = "1" }, new() { ServiceNo = "104", SeqNo = "2", FromUnit = "6", RatePerUnit = "1" }] }, Context);
        Assert.Equal("14014", Assert.Single(empty.Errors).Code.Value);
        Assert.Contains("from_unit must be less than to_unit", empty.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChargesInvoicedAtCancellation_AreTheSameWhateverTheDirective()
    {
        // spec: replace-acct-plan-m.txt, assignment_directive: "Usage-arrears charges, recurring-in-arrears charges, and any
        // plan cancellation fees (if applicable) will be invoiced during plan cancellation, as these charges are independent
        // of assignment directive." The replaced plan 3 has a usage service (100), a recurring one billed in arrears (101) and
        // a cancellation fee.
        var c = Context.Catalog!;
        var catalog = ProductCatalog.Create(
            [.. c.Plans.Values, c.Plans[new PlanNumber(3)] with { Services = [100, 101], HasCancellationFee = true }],
            c.RateSchedules.Values, [.. c.Services.Values, c.Services[101] with { BilledInArrears = true }], c.PlanInstanceFields.Values, c.PromoCodes,
            c.Coupons.Values, c.Surcharges.Values, c.ServiceLocations.Values, c.AccountGroups, c.SupplementalExclusionGroups);
        var context = Context with { Catalog = catalog };

        var lists = new[] { "1", "2", "3", "4" }.Select(d => _validator.Validate(Valid with { AssignmentDirective = d }, context))
            .Select(r => r.Value.InvoicedAtCancellation.Select(x => (x.Kind, x.ServiceNo, (int)x.LineType)).ToArray()).ToArray();

        Assert.All(lists, l => Assert.Equal(
            [(CancellationChargeKind.UsageInArrears, (long?)100, 6), (CancellationChargeKind.RecurringInArrears, 101, 7), (CancellationChargeKind.CancellationFee, null, 8)], l));
        Assert.Equal([(CancellationChargeKind.UsageInArrears, (long?)100)], _validator.Validate(Valid, Context).Value.InvoicedAtCancellation.Select(x => (x.Kind, x.ServiceNo)));
    }

    [Fact]
    public void Validate_CustomRates_ByClientServiceId()
    {
        var result = _validator.Validate(Valid with { CustomRates = [new() { ClientServiceId = "svc-recurring", SeqNo = "1", FromUnit = "1", RatePerUnit = "25" }] }, Context);

        Assert.Equal(25m, Assert.Single(result.Value.CustomRates["101"]).RatePerUnit);
        Assert.Equal(14036, Assert.Single(_validator.Validate(Valid with { CustomRates = [new() { ServiceNo = "100", ClientServiceId = "svc-recurring", SeqNo = "1", RatePerUnit = "1" }] }, Context).Errors).Code.Number);
    }

    [Fact]
    public void Validate_AlternateRateSchedule_ByNumberOrClientId()
    {
        Assert.Equal(901L, _validator.Validate(Valid with { ClientAltRateScheduleId = "gold-usd" }, Context).Value.AltRateScheduleNumber);
        Assert.Equal(14039, Assert.Single(_validator.Validate(Valid with { AltRateScheduleNo = "901", ClientAltRateScheduleId = "gold-usd-rollover" }, Context).Errors).Code.Number);
        Assert.Equal(14006, Assert.Single(_validator.Validate(Valid with { AltRateScheduleNo = "990" }, Context).Errors).Code.Number); // inactive
    }

    [Fact]
    public void Validate_ForcedCurrencyChange_PassesWhenNothingStandsInTheWay()
    {
        var result = _validator.Validate(Valid with { NewPlanNo = "5", ForceCurrencyChange = "true" }, Context).Value;

        Assert.Equal((Currency.EUR, true), (result.Currency, result.ChangesCurrency));
        Assert.True(_validator.Validate(Valid with { AltRateScheduleNo = "902", ForceCurrencyChange = "true" }, Context).Value.ChangesCurrency);
    }

    [Fact]
    public void Validate_ForcedCurrencyChange_EveryRefusalAtOnce()
    {
        var context = Context
            .WithInstance(new PlanInstanceFacts { Number = I(16), Plan = P(24), Parent = I(7) })
            .WithCurrencyChange(new CurrencyChangeFacts
            {
                HasPendingInvoices = true, HasSurcharges = true, HasUnbilledUsage = true, HasDiscountsOrCoupons = true, HasPendingOrders = true,
                ThresholdBillingRuleCurrencies = [Currency.EUR, Currency.USD], HasActiveRolloverContract = true,
            });

        var result = _validator.Validate(Valid with { NewPlanNo = "5", ForceCurrencyChange = "true", AssignmentDirective = "1" }, context);

        Assert.Equal([14307, 14300, 14302, 14303, 14304, 14305, 14306, 14313, 14314], result.Errors.Select(e => e.Code.Number!.Value));
        Assert.All(result.Errors, e => Assert.Equal(["force_currency_change"], e.AssociatedInputs));
    }

    [Fact]
    public void Validate_ForcedCurrencyChange_WithTransactions_LeavesTheMismatch()
    {
        var context = Context.WithCurrencyChange(new CurrencyChangeFacts { HasNonZeroTransactions = true });

        var error = Assert.Single(_validator.Validate(Valid with { NewPlanNo = "5", ForceCurrencyChange = "true" }, context).Errors);

        Assert.Equal(14013, error.Code.Number);
        Assert.Equal(["new_plan_no", "force_currency_change"], error.AssociatedInputs);
        Assert.Contains("without transactions other than $0 ones", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ForceCurrencyChangeWithoutAChange_IsHarmless()
    {
        Assert.False(_validator.Validate(Valid with { ForceCurrencyChange = "true", AssignmentDirective = "1" }, Context).Value.ChangesCurrency);
    }

    [Theory]
    [InlineData("2", "size", "L", null)]
    [InlineData("2", "size", "", 5053)]
    [InlineData("4", "size", null, 5053)]
    [InlineData("1", "size", "L", 5060)]
    [InlineData("2", "color", "red", 5060)]
    [InlineData("1", "Color", "RED", null)]
    [InlineData("1", "shoe", "x", 5052)]
    public void Validate_PlanInstanceFields(string directive, string name, string? value, int? code)
    {
        var result = _validator.Validate(Valid with { PlanInstanceFields = [new(directive, name, value)] }, Context);

        Assert.Equal(code, result.Errors.SingleOrDefault()?.Code.Number);
    }

    [Fact]
    public void Validate_RequiredFieldOnARemoveDirective_MustUseReplace()
    {
        var error = Assert.Single(_validator.Validate(Valid with { PlanInstanceFields = [new("3", "size", null)] }, Context).Errors);

        Assert.Equal("Missing values for required Plan instance field: 'size' is required: change its value with directive 2 (replace), not 3 (remove value).", error.Message);
    }

    [Fact]
    public void Validate_UnknownField_Is5052WithTheAlternateMessage()
    {
        var error = Assert.Single(_validator.Validate(Valid with { PlanInstanceFields = [new("1", "shoe", "x")] }, Context).Errors);

        Assert.StartsWith("Invalid product field: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NewPlansRequiredFieldTheInstanceLacks_Is5053()
    {
        var context = Context.WithInstance(Master7 with { Fields = new Dictionary<string, IReadOnlyList<string>>() });

        Assert.Equal(5053, Assert.Single(_validator.Validate(Valid, context).Errors).Code.Number);
        Assert.True(_validator.Validate(Valid with { PlanInstanceFields = [new("1", "size", "S")] }, context).IsSuccess);
    }

    [Fact]
    public void Validate_FieldValuesWithinBounds_Pass()
    {
        Assert.True(_validator.Validate(Valid with { PlanInstanceFields = [new("1", "tags", "a"), new("1", "tags", "b")] }, Context).IsSuccess);
    }

    [Theory]
    [InlineData("~", true)]
    [InlineData("spring", true)]
    [InlineData("WINTER", false)]
    public void Validate_PromoCode_KnownOrTheEraseIndicator(string promo, bool ok)
    {
        Assert.Equal(ok, _validator.Validate(Valid with { PromoCd = promo }, Context).IsSuccess);
    }

    [Fact]
    public void Validate_Coupons_EachCheckedAndAllReported()
    {
        var result = _validator.Validate(Valid with { CouponCodes = ["WELCOME", "welcome", "NOPE", "OLD", "ACCT", "ONCE"] }, Context);

        Assert.Equal([15012, 15001, 15002, 15011, 15012], result.Errors.Select(e => e.Code.Number!.Value));
        Assert.True(_validator.Validate(Valid with { CouponCodes = ["ONCE"] }, Context with { Account = Account with { AppliedCoupons = [] } }).IsSuccess);
    }

    [Fact]
    public void Validate_Surcharges_ValidRowPasses_BadDirectiveIs1064()
    {
        Assert.True(_validator.Validate(Valid with { Surcharges = [new("31", "311", "1")] }, Context).IsSuccess);
        Assert.Equal(1064, Assert.Single(_validator.Validate(Valid with { Surcharges = [new("31", null, "9")] }, Context).Errors).Code.Number);
    }

    [Fact]
    public void Validate_ServiceLocation_ByClientIdInactive_Is29003()
    {
        var error = Assert.Single(_validator.Validate(Valid with { ClientSvcLocationId = "loc-2" }, Context).Errors);

        Assert.Equal((29003, "client_svc_location_id"), (error.Code.Number!.Value, error.AssociatedInputs.Single()));
        Assert.True(_validator.Validate(Valid with { SvcLocationNo = "41", ClientSvcLocationId = "loc-1", DestContactNo = "501", AltClientAcctGroupId = "collections-east" }, Context).IsSuccess);
    }

    [Fact]
    public void Validate_OwnClientInstanceIdIsNoDuplicate()
    {
        Assert.True(_validator.Validate(Valid with { NewClientPlanInstanceId = "mpi-7" }, Context).IsSuccess);
    }

    [Fact]
    public void Validate_UsagePooling_NeedsTheClientParameter()
    {
        var allowed = Context with { ClientParameters = new ClientParameters { AllowMpiLevelUsagePooling = true } };

        Assert.True(_validator.Validate(Valid with { UsagePooling = "true" }, allowed).IsSuccess);
        Assert.True(_validator.Validate(Valid with { UsagePooling = "false" }, Context).IsSuccess);
    }

    [Fact]
    public void Validate_SamePlanWithAChange_IsNot1034()
    {
        Assert.True(_validator.Validate(Valid with { NewPlanNo = "3", PlanUnits = "2" }, Context).IsSuccess);
    }

    [Fact]
    public void Validate_QueuedAssignment_Is14112_AndAnUnknownNumber14046()
    {
        var context = Context with { PlanInstances = Context.PlanInstances.WithQueuedAssignments([KeyValuePair.Create(I(70), new LocalDate(2025, 5, 1))]) };

        Assert.StartsWith("Cannot update/replace/cancel any queued Plan instance which is in queued assignment: plan instance 70 is assigned on 2025-05-01", Assert.Single(_validator.Validate(Valid with { PlanInstanceNo = "70" }, context).Errors).Message, StringComparison.Ordinal);
        Assert.Equal(14046, Assert.Single(_validator.Validate(Valid with { PlanInstanceNo = "71" }, context).Errors).Code.Number);
    }

    [Fact]
    public void Validate_AltProrationStartDate_BadFormatIs1024_OutsideThePeriodIs3017()
    {
        Assert.True(_validator.Validate(Valid with { AltProrationStartDate = "27-04-2025" }, Context).HasError(1024));
        Assert.Equal(new LocalDate(2025, 4, 20), _validator.Validate(Valid with { AltProrationStartDate = "2025-04-20" }, Context).Value.AltProrationStartDate);
        Assert.True(_validator.Validate(Valid with { AltProrationStartDate = "2025-05-15" }, Context).HasError(3017)); // same interval: the period ends before
        Assert.True(_validator.Validate(Valid with { NewPlanNo = "4", AltProrationStartDate = "2025-05-15" }, Context).IsSuccess); // another interval: up to the next bill day
    }

    [Theory]
    [InlineData("bell")]
    [InlineData("markup")]
    [InlineData("line break")]
    [InlineData("lone surrogate")]
    public void Validate_IllegalCharacters_Are25020AndTheInputIsNotCheckedFurther(string kind)
    {
        var text = kind switch { "bell" => "\u0007", "markup" => "<script>", "line break" => "a\nb", _ => "\ud800x" };
        var result = _validator.Validate(Valid with { ClientPlanInstanceId = text, DoWrite = "true" + text, CouponCodes = [text] }, Context);

        Assert.Equal(
            [("25020", "client_plan_instance_id"), ("25020", "do_write"), ("25020", "coupon_codes")],
            result.Errors.Select(e => (e.Code.Value, e.AssociatedInputs.Single())));
    }

    [Fact]
    public void Validate_MarkupInAnEnumeratedInput_IsItsCode()
    {
        Assert.Equal(14077, Assert.Single(_validator.Validate(Valid with { PlanStatus = "<1>" }, Context).Errors).Code.Number);
        Assert.Equal(5060, Assert.Single(_validator.Validate(Valid with { PlanInstanceFields = [new("<1>", "color", "red")] }, Context).Errors).Code.Number);
    }

    [Fact]
    public void Validate_EmojiAndAccentsAreLegal()
    {
        Assert.True(_validator.Validate(Valid with { Comments = "café ☕ \ud83d\ude00 & co" }, Context).IsSuccess);
    }

    [Fact]
    public void Property_NeverThrowsOnAnyTextAgainstTheFixture()
    {
        var text = ArbitraryText.Any;
        var gen =
            from acct in ArbitraryText.NumberLike
            from instance in ArbitraryText.NumberLike
            from plan in ArbitraryText.NumberLike
            from directive in ArbitraryText.NumberLike
            from effective in Gen.OneOf(ArbitraryText.DateLike, text)
            from lag in ArbitraryText.NumberLike
            from units in ArbitraryText.NumberLike
            from flag in text
            from enumeration in ArbitraryText.NumberLike
            select Valid with
            {
                AcctNo = acct, PlanInstanceNo = instance, NewPlanNo = plan, AssignmentDirective = directive, EffectiveDate = effective,
                AltProrationStartDate = effective, BillLagDays = lag, PlanStatus = enumeration, PlanUnits = units, DoWrite = flag,
                UsagePooling = flag, PromoCd = flag, ClientAltRateScheduleId = flag, OffsetMonths = enumeration,
                PlanInstanceFields = [new PlanInstanceFieldInput(enumeration, flag, flag)],
                CustomRates = [new CustomRateInput { ServiceNo = enumeration, SeqNo = enumeration, FromUnit = units, ToUnit = lag, RatePerUnit = units }],
            };
        Prop.ForAll(gen.ToArbitrary(), request =>
        {
            var result = _validator.Validate(request, Context);
            return result.IsSuccess || result.Errors.All(e => e.Code.Number is { } code && ReplacePlanManual.Has(code));
        }).QuickCheckThrowOnFailure();
    }
}
