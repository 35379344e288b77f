using System.Globalization;

namespace Aria.Billing.Plans;

/// <summary>The client settings the plan-change rules depend on (Aria's "Configuration > Billing" parameters).</summary>
public sealed class PlansOptions
{
    /// <summary>The configuration section these options bind to by convention: <c>AriaBilling:Plans</c>.</summary>
    public const string SectionName = "AriaBilling:Plans";

    /// <summary>
    /// The assignment directive used when a request names none. The spec marks both 1 and 2 "default"; the ruling makes it
    /// a client option.
    /// </summary>
    /// <value>Default 2 (immediately, honoring the client's proration rule). Must be 1–11.</value>
    public int DefaultAssignmentDirective { get; set; } = 2;

    /// <summary>
    /// The client's universal rule for mid-period plan assignment and de-assignment: whether directives 2 and 7 prorate.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool ProrateMidPeriodChanges { get; set; } = true;

    /// <summary>
    /// "Allow Negative Bill Lag Days to Extend Beyond One Bill Cycle": when true, negative bill lag days are unbounded.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool AllowNegativeBillLagBeyondOneCycle { get; set; }

    /// <summary>The client-level bill lag days (Configuration > Billing > Bill Lag Days), the last level of precedence.</summary>
    /// <value>
    /// Default 0. Bounded as any bill lag days for the shortest recurring period a plan can have (monthly, 28 days): within
    /// ±27 (14310); with <see cref="AllowNegativeBillLagBeyondOneCycle"/>, at most 27 and unbounded below (14311).
    /// </value>
    public int ClientBillLagDays { get; set; }

    /// <summary>"Combine Invoices": the client default that <c>combine_invoices</c> = 3 refers to.</summary>
    /// <value>Default <see langword="false"/> (short cycle: one invoice per period).</value>
    public bool CombineInvoices { get; set; }

    /// <summary>
    /// "Use alternate proration start date as plan assignment date for retroactive additions": allows a supplemental plan
    /// to start in a previous bill cycle.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool AllowRetroactiveSupplementalStart { get; set; }

    /// <summary>The rules of these options, checked by <c>AddPlans</c> when the host starts.</summary>
    internal static OptionRules<PlansOptions> Rules { get; } = new OptionRules<PlansOptions>(SectionName)
        .InRange(nameof(DefaultAssignmentDirective), o => o.DefaultAssignmentDirective, 1, 11)
        .Must(ClientBillLagDaysProblem);

    /// <summary>
    /// The client default falls back for every master plan instance, whatever its interval, so it is bounded by the shortest
    /// one (monthly: 28 days, so ±27), as <see cref="BillLagCalculator.CheckBounds"/> bounds any value (spec: replace-acct-plan-m.txt, bill_lag_days).
    /// </summary>
    private static string? ClientBillLagDaysProblem(PlansOptions options)
    {
        var limit = BillingInterval.Monthly.MinimumDays - 1;
        var days = options.ClientBillLagDays;
        var key = $"{SectionName}:{nameof(ClientBillLagDays)}";
        if (options.AllowNegativeBillLagBeyondOneCycle)
        {
            return days > limit
                ? string.Create(CultureInfo.InvariantCulture, $"{key} is {days}; it should be at most {limit} (the shortest billing period, monthly, less one day; negative values are unbounded with {nameof(AllowNegativeBillLagBeyondOneCycle)}).")
                : null;
        }

        return days < -limit || days > limit
            ? string.Create(CultureInfo.InvariantCulture, $"{key} is {days}; it should be in range [-{limit}-{limit}] (the shortest billing period, monthly, less one day; set {nameof(AllowNegativeBillLagBeyondOneCycle)} for larger negative values).")
            : null;
    }
}
