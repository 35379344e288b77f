using System.Globalization;

namespace Aria.Billing.Plans;

/// <summary>
/// Bill lag days (spec: replace-acct-plan-m.txt, <c>bill_lag_days</c>; release-6.50.txt, DEV-7039): resolution by precedence
/// (master plan instance > collection group > payment terms/method > client), bounds (14310, 14311), and the rules of an update.
/// </summary>
public sealed class BillLagCalculator
{
    private readonly PlansOptions _options;

    /// <summary>A calculator for a client's settings (its default lag and the "negative beyond one cycle" parameter).</summary>
    public BillLagCalculator(PlansOptions options)
    {
        PlansOptions.Rules.ThrowIfInvalid(options, nameof(options));
        _options = options;
    }

    /// <summary>The bill lag days in force and the level that supplied them. Allocates nothing.</summary>
    public BillLagResolution Resolve(in BillLagSettings settings)
    {
        ReadOnlySpan<PrecedenceCandidate<BillLagSource, int?>> order =
        [
            PrecedenceCandidate<BillLagSource, int?>.FromNullable(BillLagSource.MasterPlanInstance, settings.MasterPlanInstance),
            PrecedenceCandidate<BillLagSource, int?>.FromNullable(BillLagSource.CollectionGroup, settings.CollectionGroup),
            PrecedenceCandidate<BillLagSource, int?>.FromNullable(BillLagSource.PaymentTermsOrMethod, settings.PaymentTermsOrMethod),
            PrecedenceCandidate<BillLagSource, int?>.With(BillLagSource.Client, _options.ClientBillLagDays),
        ];
        var resolved = Precedence.Resolve(order);
        return new BillLagResolution(resolved.Value!.Value, resolved.Level);
    }

    /// <summary>
    /// Checks <paramref name="days"/> against the bounds for <paramref name="interval"/>: within ± (the shortest period − 1)
    /// (14310); with "allow negative bill lag beyond one cycle", negatives are unbounded and positives still capped (14311).
    /// </summary>
    public AriaResult<int> CheckBounds(int days, BillingInterval interval)
    {
        var limit = interval.MinimumDays - 1;
        if (_options.AllowNegativeBillLagBeyondOneCycle)
        {
            return days <= limit
                ? days
                : new AriaError(
                    PlanErrorCodes.BillLagDaysAboveInterval,
                    $"Enter a Bill Lag days less than/equal to Plan's Billing Interval. {days.ToString(CultureInfo.InvariantCulture)} is above {limit.ToString(CultureInfo.InvariantCulture)} for a {interval} interval.",
                    "bill_lag_days");
        }

        return Math.Abs((long)days) <= limit
            ? days
            : new AriaError(
                PlanErrorCodes.BillLagDaysOutOfRange,
                $"Enter a Bill Lag days between +/- Plan's Billing Interval. {days.ToString(CultureInfo.InvariantCulture)} is outside [-{limit.ToString(CultureInfo.InvariantCulture)}, {limit.ToString(CultureInfo.InvariantCulture)}] for a {interval} interval.",
                "bill_lag_days");
    }

    /// <summary>
    /// Applies an update's <c>bill_lag_days</c> to <paramref name="current"/>: refused alone (1010), ignored with a warning on
    /// a change scheduled for the anniversary, bounded (14310/14311), <c>~</c> erases the instance value.
    /// </summary>
    public AriaResult<BillLagSettings> ApplyUpdate(in BillLagSettings current, BillLagUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!update.BillLagDays.IsGiven)
        {
            return current;
        }

        if (update.ScheduledForAnniversary)
        {
            return AriaResult.Success(current, [new AriaWarning(
                PlanWarningCodes.BillLagDaysIgnored,
                $"bill_lag_days {update.BillLagDays} is ignored: it cannot be set by a change scheduled for the anniversary date.")]);
        }

        if (!update.ChangesUnitsStatusOrRateSchedule)
        {
            return new AriaError(
                PlanErrorCodes.MissingRequiredParameter,
                "bill_lag_days cannot be passed by itself: pass plan units, plan status or an alternate rate schedule with it.",
                "bill_lag_days");
        }

        if (update.BillLagDays.Kind == BillLagDaysInputKind.Value)
        {
            var bounded = CheckBounds(update.BillLagDays.Days, update.Interval);
            if (bounded.IsFailure)
            {
                return AriaResult.Failure<BillLagSettings>(bounded.Errors);
            }
        }

        return current.With(update.BillLagDays);
    }
}
