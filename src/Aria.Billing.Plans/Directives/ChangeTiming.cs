namespace Aria.Billing.Plans;

/// <summary>When a plan change takes effect.</summary>
public enum ChangeTiming
{
    /// <summary>On the account's next billing anniversary (directive 1).</summary>
    Anniversary = 0,

    /// <summary>Immediately (directives 2–6).</summary>
    Immediate = 1,

    /// <summary>On the given <c>effective_date</c> (directives 7–11).</summary>
    EffectiveDate = 2,
}
