namespace Aria.Billing.Plans;

/// <summary>
/// The charges invoiced when a plan is cancelled whatever the assignment directive (spec: replace-acct-plan-m.txt,
/// <c>assignment_directive</c>: "Usage-arrears charges, recurring-in-arrears charges, and any plan cancellation fees (if
/// applicable) will be invoiced during plan cancellation, as these charges are independent of assignment directive").
/// </summary>
public enum CancellationChargeKind
{
    /// <summary>The usage of a usage service, billed in arrears.</summary>
    UsageInArrears = 0,

    /// <summary>A recurring service billed in arrears.</summary>
    RecurringInArrears = 1,

    /// <summary>The plan's cancellation fee.</summary>
    CancellationFee = 2,
}
