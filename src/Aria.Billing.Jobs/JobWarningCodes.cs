namespace Aria.Billing.Jobs;

/// <summary>The codes of the warnings the jobs package gives (a warning never stops the work).</summary>
public static class JobWarningCodes
{
    /// <summary>NOT_RECOMMENDED_ORDER: the daily jobs do not run rating → sync transactions → billing.</summary>
    public static AriaErrorCode NotRecommendedOrder { get; } = AriaErrorCode.Symbolic("NOT_RECOMMENDED_ORDER");
}
