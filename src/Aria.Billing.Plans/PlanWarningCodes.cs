namespace Aria.Billing.Plans;

/// <summary>The codes of <see cref="AriaWarning"/> values raised by the plan-change rules.</summary>
public static class PlanWarningCodes
{
    /// <summary>Bill lag days passed with a change scheduled for the anniversary are ignored (spec: replace-acct-plan-m.txt).</summary>
    public static AriaErrorCode BillLagDaysIgnored { get; } = AriaErrorCode.Symbolic("BILL_LAG_DAYS_IGNORED");

    /// <summary>An effective date passed with a directive that does not use one is ignored.</summary>
    public static AriaErrorCode EffectiveDateIgnored { get; } = AriaErrorCode.Symbolic("EFFECTIVE_DATE_IGNORED");

    /// <summary>The client default asked for a combined invoice, which a pending change rules out: short cycle was used.</summary>
    public static AriaErrorCode LongCycleFellBackToShortCycle { get; } = AriaErrorCode.Symbolic("LONG_CYCLE_FELL_BACK_TO_SHORT_CYCLE");

    /// <summary>
    /// A retroactive supplemental start combines its catch-up invoices while a plan rollover is pending: the manual says to
    /// avoid that until a future release supports it (release-6.50.txt, Combine Invoices on One Bill).
    /// </summary>
    public static AriaErrorCode RetroactiveStartWithPendingRollover { get; } = AriaErrorCode.Symbolic("RETROACTIVE_START_WITH_PENDING_ROLLOVER");
}
