using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.Directives;

// spec: replace-acct-plan-m.txt, assignment_directive, effective_date, offset_interval, do_write; error codes 1010, 1024,
// 1035, 1101, 14023, 14024, 14025, 14026.
public sealed class AssignmentDirectiveValidatorTests
{
    private static readonly LocalDate Today = new(2025, 4, 27);
    private readonly AssignmentDirectiveValidator _validator = new(new PlansOptions());

    [Fact]
    public void Validate_NoDirective_UsesTheClientDefault2()
    {
        var result = _validator.Validate(new DirectiveRequest(), Today);

        Assert.Equal(2, result.Value.Directive.Code);
        Assert.True(result.Value.IsDefault);
        Assert.Equal(ProrationPolicy.Full, result.Value.Proration);
    }

    [Fact]
    public void Validate_ClientDefaultIs1_UsesAnniversary()
    {
        var validator = new AssignmentDirectiveValidator(new PlansOptions { DefaultAssignmentDirective = 1 });

        Assert.Equal(ChangeTiming.Anniversary, validator.Validate(new DirectiveRequest(), Today).Value.Directive.Timing);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void Validate_ChargesOnlyWhenCancellingSupplemental_Is1035(int code)
    {
        var result = _validator.Validate(
            new DirectiveRequest { AssignmentDirective = code, PlanKind = PlanKind.Supplemental, Operation = PlanOperation.Cancel, EffectiveDate = "2025-05-01" },
            Today);

        Assert.True(result.HasError(1035));
        Assert.Contains("cancelling a supplemental plan", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(11)]
    public void Validate_CreditsOnlyWhenAssigningSupplemental_Is1035(int code)
    {
        var result = _validator.Validate(
            new DirectiveRequest { AssignmentDirective = code, PlanKind = PlanKind.Supplemental, Operation = PlanOperation.Assign, EffectiveDate = "2025-05-01" },
            Today);

        Assert.True(result.HasError(1035));
        Assert.Contains("assigning a supplemental plan", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, PlanOperation.Assign)]
    [InlineData(6, PlanOperation.Cancel)]
    [InlineData(5, PlanOperation.Cancel)]
    public void Validate_SupplementalRestrictions_ApplyOnlyToTheirOperation(int code, PlanOperation operation)
    {
        var result = _validator.Validate(new DirectiveRequest { AssignmentDirective = code, PlanKind = PlanKind.Master, Operation = operation }, Today);
        Assert.True(result.IsSuccess);

        var supplemental = _validator.Validate(new DirectiveRequest { AssignmentDirective = code, PlanKind = PlanKind.Supplemental, Operation = operation }, Today);
        Assert.Equal(code == 5 && operation == PlanOperation.Cancel, supplemental.IsFailure);
    }

    [Fact]
    public void Validate_CreditOnlyWithChargingMandatoryChild_Is1101()
    {
        var result = _validator.Validate(
            new DirectiveRequest { AssignmentDirective = 6, PlanKind = PlanKind.Master, Operation = PlanOperation.Replace, AssignsChargingMandatoryChild = true },
            Today);

        Assert.True(result.HasError(1101));
    }

    [Theory]
    [InlineData("2025-04-28", true, null)]
    [InlineData("2025-04-27", false, 14026)]
    [InlineData("2024-12-31", false, 14026)]
    [InlineData("2025-02-30", false, 14026)]
    [InlineData("04/28/2025", false, 1024)]
    [InlineData("2025-4-28", false, 1024)]
    [InlineData("tomorrow", false, 1024)]
    [InlineData(null, false, 1010)]
    [InlineData("  ", false, 1010)]
    public void Validate_EffectiveDateOfDatedDirective(string? effectiveDate, bool ok, int? code)
    {
        var result = _validator.Validate(new DirectiveRequest { AssignmentDirective = 9, EffectiveDate = effectiveDate }, Today);

        Assert.Equal(ok, result.IsSuccess);
        if (code is { } c)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(c, error.Code.Number);
            Assert.Equal(["effective_date"], error.AssociatedInputs);
        }
        else
        {
            Assert.Equal(new LocalDate(2025, 4, 28), result.Value.EffectiveDate);
        }
    }

    [Fact]
    public void Validate_EffectiveDateWithImmediateDirective_IsIgnoredWithAWarning()
    {
        var result = _validator.Validate(new DirectiveRequest { AssignmentDirective = 4, EffectiveDate = "2025-05-01" }, Today);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.EffectiveDate);
        Assert.Equal(PlanWarningCodes.EffectiveDateIgnored, Assert.Single(result.Warnings).Code);
    }

    [Theory]
    [InlineData(2, 3, 14024)]
    [InlineData(9, 1, 14024)]
    [InlineData(1, 0, 14023)]
    [InlineData(1, -2, 14023)]
    public void Validate_OffsetInterval(int directive, int offset, int code)
    {
        var result = _validator.Validate(new DirectiveRequest { AssignmentDirective = directive, OffsetInterval = offset, EffectiveDate = directive == 9 ? "2025-06-01" : null }, Today);

        Assert.True(result.HasError(code));
    }

    [Fact]
    public void Validate_OffsetIntervalWithAnniversary_IsAccepted()
    {
        Assert.True(_validator.Validate(new DirectiveRequest { AssignmentDirective = 1, OffsetInterval = 2 }, Today).IsSuccess);
    }

    [Fact]
    public void Validate_PreviewOfAnniversaryChange_Is14025()
    {
        var result = _validator.Validate(new DirectiveRequest { AssignmentDirective = 1, DoWrite = false }, Today);

        Assert.True(result.HasError(14025));
        Assert.True(_validator.Validate(new DirectiveRequest { AssignmentDirective = 4, DoWrite = false }, Today).IsSuccess);
    }

    [Fact]
    public void Validate_SeveralViolations_ReturnsEveryOne()
    {
        var result = _validator.Validate(
            new DirectiveRequest { AssignmentDirective = 10, PlanKind = PlanKind.Supplemental, Operation = PlanOperation.Cancel, OffsetInterval = 0 },
            Today);

        Assert.Equal(["1035", "1010", "14023", "14024"], result.Errors.Select(e => e.Code.Value));
    }

    [Fact]
    public void Validate_UnknownDirectiveAndMalformedDate_ReportsBoth()
    {
        var result = _validator.Validate(new DirectiveRequest { AssignmentDirective = 12, EffectiveDate = "2025-02-30" }, Today);

        Assert.Equal(["1035", "14026"], result.Errors.Select(e => e.Code.Value));
    }

    [Fact]
    public void Property_NeverThrowsAndEveryFailureIsCoded()
    {
        var gen =
            from directive in Gen.Choose(-3, 14)
            from kind in Gen.Elements(PlanKind.Master, PlanKind.Supplemental)
            from operation in Gen.Elements(PlanOperation.Assign, PlanOperation.Cancel, PlanOperation.Replace)
            from date in Gen.OneOf(ArbitraryText.DateLike, ArbitraryText.Any)
            from offset in Gen.Choose(-5, 5)
            from write in Gen.Elements(true, false)
            select new DirectiveRequest
            {
                AssignmentDirective = directive, PlanKind = kind, Operation = operation, EffectiveDate = date,
                OffsetInterval = offset == 0 ? null : offset, DoWrite = write,
            };
        Prop.ForAll(gen.ToArbitrary(), request =>
        {
            var result = _validator.Validate(request, Today);
            return result.IsSuccess || (result.Errors.Count > 0 && result.Errors.All(e => e.Code.Value is not null && e.Message.Length > 0));
        }).QuickCheckThrowOnFailure();
    }
}
