namespace Aria.Billing.Plans;

/// <summary>
/// Validates a <c>replace_acct_plan_m</c> request (spec: replace-acct-plan-m.txt) against a <see cref="ReplacePlanContext"/>:
/// every code of the manual's error table whose input is given, with the manual's message (then what was wrong) and its
/// associated input, all errors at once. Pure and synchronous: the same request and context always give the same result,
/// and no input text or snapshot makes it throw. <see cref="ReplacePlanService"/> loads the context from the host.
/// </summary>
/// <remarks>
/// <para>What is checked, by concern:</para>
/// <list type="bullet">
/// <item>required inputs and one-of pairs (1010); <c>client_no</c> is the context's client (1004); a snapshot that
/// contradicts itself (1001);</item>
/// <item>the account (1009, with the manual's "Account not found: AriaNo (…)" and "ClientId (…)"), its status (1049 for
/// inactive 0, archived -99 or in dunning; 14077 for other negative codes); the instance (14046, 14047, 14112 for one in
/// queued assignment; 14060 master, 14079 supplemental for a suspended, terminated or cancelled one; 14101 for a mandatory
/// child); the new plan (14004, 14035, 14075, 14008, 14022, 1034 when nothing changes);</item>
/// <item>the directive (1035, 1101, 1010, 1024, 14023–14026), <c>alt_proration_start_date</c> (1024, 3017), bill lag days
/// (14310, 14311 against the billing interval the master plan instance will have), <c>plan_status</c> (14077 master, 14079
/// supplemental), <c>plan_units</c> (14086, 14087);</item>
/// <item>rate schedules and currency (14006, 14039, 14012, 14013; with <c>force_currency_change</c>: 14307, 14300, 14302–14306,
/// 14313, 14314), rollovers (14317, 16021), custom rates (14107, 14036, 14005, 14014 — also against the base schedule's tiers
/// and units — 14015, 14027, 14043, 14129);</item>
/// <item>plan instance fields (5052, 5053, 5059, 5060, 5061, 5062, 5063), promo code (14033, <c>~</c> removes), coupons
/// (15001, 15002, 15011, 15012), surcharges (15006, 15008, 15009, 15013, 15015, 1064), service location (29001–29003),
/// contact (29005), account group (12010), <c>new_client_plan_instance_id</c> (14063);</item>
/// <item>enumerations and flags (1033, 3018 — option 2 only for supplemental plans — 5060, 7035, 7036, 14019, 14098, 14136,
/// 14137, 14402, 23013).</item>
/// </list>
/// <para>
/// 25020 ("Illegal characters entered") covers the character inputs of the manual's list: they may not hold control
/// characters (U+0000–U+001F, U+007F–U+009F, tab and line breaks included), the markup delimiters <c>&lt;</c> and
/// <c>&gt;</c>, or unpaired UTF-16 surrogates; such an input is not checked further. 25020 also reports text that is no number
/// in a numeric input (<c>plan_units</c>, <c>bill_lag_days</c>, <c>offset_interval</c>, <c>offset_months</c>, custom rate
/// numbers), and a value outside the allowable values of an input the manual gives no code of its own
/// (<c>transaction_type</c>, <c>recurring_processing_model_ind</c>, <c>usage_accumulation_reset_months_renewal_option</c>,
/// <c>force_bill_date_reset</c>, <c>force_master_bill_date_reset</c>, <c>combine_invoices</c>). Identifiers that are no
/// number name nothing: the code of the thing they name (1009, 14046, 14004, 14006 …).
/// </para>
/// <para>4027 (a failed collection) is an outcome of applying the change; the host's applier reports it.</para>
/// </remarks>
public sealed class ReplacePlanValidator
{
    private readonly AssignmentDirectiveValidator _directives;
    private readonly BillLagCalculator _billLag;

    /// <summary>A validator for a client's settings.</summary>
    public ReplacePlanValidator(PlansOptions options)
    {
        PlansOptions.Rules.ThrowIfInvalid(options, nameof(options));
        _directives = new AssignmentDirectiveValidator(options);
        _billLag = new BillLagCalculator(options);
    }

    /// <summary>Validates <paramref name="request"/> against <paramref name="context"/>: the request parsed and resolved, or every error found.</summary>
    public AriaResult<ValidReplacePlan> Validate(ReplacePlanRequest request, ReplacePlanContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return new ReplacePlanCheck(request, context, _directives, _billLag).Run();
    }
}
