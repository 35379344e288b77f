namespace Aria.Billing.Plans.Tests.Directives;

// spec: replace-acct-plan-m.txt, assignment_directive allowable values 1–11.
public sealed class AssignmentDirectiveTests
{
    [Theory]
    [InlineData(1, ChangeTiming.Anniversary, ProrationPolicy.None)]
    [InlineData(2, ChangeTiming.Immediate, ProrationPolicy.ClientRule)]
    [InlineData(3, ChangeTiming.Immediate, ProrationPolicy.None)]
    [InlineData(4, ChangeTiming.Immediate, ProrationPolicy.Full)]
    [InlineData(5, ChangeTiming.Immediate, ProrationPolicy.ChargesOnly)]
    [InlineData(6, ChangeTiming.Immediate, ProrationPolicy.CreditsOnly)]
    [InlineData(7, ChangeTiming.EffectiveDate, ProrationPolicy.ClientRule)]
    [InlineData(8, ChangeTiming.EffectiveDate, ProrationPolicy.None)]
    [InlineData(9, ChangeTiming.EffectiveDate, ProrationPolicy.Full)]
    [InlineData(10, ChangeTiming.EffectiveDate, ProrationPolicy.ChargesOnly)]
    [InlineData(11, ChangeTiming.EffectiveDate, ProrationPolicy.CreditsOnly)]
    public void FromCode_MapsEachDirectiveToTimingAndProration(int code, ChangeTiming timing, ProrationPolicy proration)
    {
        var directive = AssignmentDirective.FromCode(code).Value;

        Assert.Equal(timing, directive.Timing);
        Assert.Equal(proration, directive.Proration);
        Assert.Equal(directive, AssignmentDirective.For(timing, proration));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void FromCode_Unknown_Is1035(int code)
    {
        var result = AssignmentDirective.FromCode(code);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1035, error.Code.Number);
        Assert.Equal(["assignment_directive"], error.AssociatedInputs);
    }

    [Theory]
    [InlineData(2, true, ProrationPolicy.Full)]
    [InlineData(2, false, ProrationPolicy.None)]
    [InlineData(7, false, ProrationPolicy.None)]
    [InlineData(4, false, ProrationPolicy.Full)]
    [InlineData(3, true, ProrationPolicy.None)]
    public void EffectiveProration_AppliesTheClientRuleOnlyTo2And7(int code, bool clientProrates, ProrationPolicy expected)
    {
        Assert.Equal(expected, AssignmentDirective.FromCode(code).Value.EffectiveProration(clientProrates));
    }
}
