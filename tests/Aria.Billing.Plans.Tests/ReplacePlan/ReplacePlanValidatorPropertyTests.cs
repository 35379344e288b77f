namespace Aria.Billing.Plans.Tests.ReplacePlan;

// spec: replace-acct-plan-m.txt, "Error Codes": whatever the request and whatever the billing system's facts, the validator
// answers with values carrying the manual's codes.
public sealed class ReplacePlanValidatorPropertyTests
{
    [Fact]
    public void Property_RandomRequestsOverRandomContexts_NeverThrow_AndEveryErrorCarriesACodeOfTheManual()
    {
        Prop.ForAll(ReplacePlanArb.Case.ToArbitrary(), c =>
        {
            var result = new ReplacePlanValidator(c.Options).Validate(c.Request, c.Context);
            return result.Errors.All(e => e.Code.Number is { } code && ReplacePlanManual.Has(code) && e.Message.Length > 0)
                && (result.IsFailure || Resolved(result.Value, c.Context));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>A request that passes names an instance of the account, on a plan of the catalog.</summary>
    private static bool Resolved(ValidReplacePlan valid, ReplacePlanContext context) =>
        context.Account?.Number == valid.AccountNumber
        && context.PlanInstances.ByNumber.ContainsKey(valid.PlanInstanceNumber)
        && context.Catalog.Plans.ContainsKey(valid.NewPlanNumber);
}
