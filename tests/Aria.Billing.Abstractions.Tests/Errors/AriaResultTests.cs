namespace Aria.Billing.Tests.Errors;

public sealed class AriaResultTests
{
    private static readonly AriaError Directive = new(1035, "Invalid Assignment Directive: 12", "assignment_directive");

    [Fact]
    public void Success_HasValueAndNoErrors()
    {
        AriaResult<int> result = 42;

        Assert.True(result.IsSuccess);
        Assert.Equal(42, result.Value);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Failure_CarriesEveryErrorWithCodeMessageAndInputs()
    {
        var second = new AriaError(AriaErrorCodes.InvalidDateFormat, "effective_date is not yyyy-mm-dd", "effective_date");
        var result = AriaResult.Failure<int>([Directive, second]);

        Assert.True(result.IsFailure);
        Assert.True(result.HasError(1035));
        Assert.True(result.HasError(1024));
        Assert.False(result.HasError(1010));
        Assert.Equal(["assignment_directive"], result.Errors[0].AssociatedInputs);
        var ex = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("1035", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_WithNoErrors_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => AriaResult.Failure<int>([]));
    }

    [Fact]
    public void Success_WithWarnings_KeepsThem()
    {
        var result = AriaResult.Success("ok", [new AriaWarning(AriaErrorCode.Symbolic("BILL_LAG_DAYS_IGNORED"), "ignored")]);

        Assert.True(result.IsSuccess);
        Assert.Equal("BILL_LAG_DAYS_IGNORED", Assert.Single(result.Warnings).Code.Value);
    }

    [Fact]
    public void ErrorCode_NumericAndSymbolicCompareByText()
    {
        Assert.Equal(AriaErrorCode.Numeric(14310), (AriaErrorCode)14310);
        Assert.Equal(14310, AriaErrorCode.Numeric(14310).Number);
        Assert.Null(AriaErrorCode.Symbolic("ACCOUNT_IS_NOT_FOUND").Number);
        Assert.Equal("ACCOUNT_IS_NOT_FOUND", AriaErrorCode.Symbolic("ACCOUNT_IS_NOT_FOUND").ToString());
        Assert.Throws<ArgumentException>(() => AriaErrorCode.Symbolic("not valid"));
    }

    [Fact]
    public void Error_ToString_ShowsCodeMessageAndInputs()
    {
        Assert.Equal("1035: Invalid Assignment Directive: 12 (assignment_directive)", Directive.ToString());
    }
}
