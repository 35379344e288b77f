using System.Globalization;
using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// Plans the invoices of a master plan instance: catch-up after bill lag or a late start, short cycle (one invoice per
/// period) or long cycle (one combined invoice), and the catch-up of a retroactively started supplemental plan
/// (spec: release-6.50.txt, DEV-7038 and DEV-7187).
/// </summary>
public sealed class InvoicePlanner
{
    private const int MaxPlanningDays = 100 * 365;

    private readonly PlansOptions _options;
    private readonly MidpointRounding _rounding;

    /// <summary>A planner for a client's settings ("Combine Invoices", retroactive starts).</summary>
    public InvoicePlanner(PlansOptions options, MidpointRounding rounding = MidpointRounding.AwayFromZero)
    {
        PlansOptions.Rules.ThrowIfInvalid(options, nameof(options));
        _options = options;
        _rounding = rounding;
    }

    /// <summary>
    /// The invoices whose invoice date (bill date + lag) is on or before <see cref="InvoicePlanRequest.AsOf"/>. Short cycle:
    /// one per period, dated bill date + lag. Long cycle: one invoice covering every period due, dated as the last of them.
    /// An explicit long cycle with a pending rollover or change is refused (LONG_CYCLE_NOT_AVAILABLE); the client default
    /// falls back to short cycle with a warning.
    /// </summary>
    public AriaResult<InvoicePlan> Plan(InvoicePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CombineInvoices is < 1 or > 3)
        {
            return new AriaError(
                PlanErrorCodes.InvalidCombineInvoices,
                $"combine_invoices '{request.CombineInvoices.ToString(CultureInfo.InvariantCulture)}' is not 1 (combine, long cycle), 2 (do not combine, short cycle) or 3 (client default).",
                "combine_invoices");
        }

        var warnings = new List<AriaWarning>();
        var combine = (CombineInvoices)request.CombineInvoices;
        if (combine == CombineInvoices.ClientDefault)
        {
            combine = _options.CombineInvoices ? CombineInvoices.LongCycle : CombineInvoices.ShortCycle;
            if (combine == CombineInvoices.LongCycle && request.HasPendingRolloverOrChange)
            {
                combine = CombineInvoices.ShortCycle;
                warnings.Add(new AriaWarning(
                    PlanWarningCodes.LongCycleFellBackToShortCycle,
                    "The client default combines invoices, but a plan rollover or future plan change is pending: one invoice per period is planned instead."));
            }
        }
        else if (combine == CombineInvoices.LongCycle && request.HasPendingRolloverOrChange)
        {
            return new AriaError(
                PlanErrorCodes.LongCycleNotAvailable,
                "A long cycle (combined) invoice is not available: the plan instance has a pending plan rollover, contract rollover or future plan change.",
                "combine_invoices");
        }

        if ((BusinessDates.Check(request.FirstUninvoicedPeriodStart, "first_uninvoiced_period_start") ?? BusinessDates.Check(request.AsOf, "as_of")) is { } outside)
        {
            return outside;
        }

        if (Period.DaysBetween(request.FirstUninvoicedPeriodStart, request.AsOf) > MaxPlanningDays || request.BillLagDays is < -MaxPlanningDays or > MaxPlanningDays)
        {
            return new AriaError(
                PlanErrorCodes.PlanningRangeTooLong,
                $"Invoices are planned over at most {MaxPlanningDays / 365} years; {request.FirstUninvoicedPeriodStart:uuuu-MM-dd} to {request.AsOf:uuuu-MM-dd} with {request.BillLagDays} lag days is more.",
                "as_of");
        }

        var due = new List<(BillingPeriod Period, LocalDate InvoiceDate)>();
        for (var period = request.Cycle.PeriodContaining(request.FirstUninvoicedPeriodStart); ; period = request.Cycle.Next(period))
        {
            var invoiceDate = period.Start.PlusDays(request.BillLagDays);
            if (invoiceDate > request.AsOf)
            {
                break;
            }

            due.Add((period, invoiceDate));
        }

        IReadOnlyList<PlannedInvoice> invoices = combine == CombineInvoices.LongCycle && due.Count > 1
            ? [new PlannedInvoice(due[^1].InvoiceDate, due.Select(d => new CoveredPeriod(d.Period, d.Period.Start, null)).ToArray())]
            : due.Select(d => new PlannedInvoice(d.InvoiceDate, [new CoveredPeriod(d.Period, d.Period.Start, null)])).ToArray();
        return AriaResult.Success(new InvoicePlan(invoices, combine, due.Count), warnings);
    }

    /// <summary>
    /// Plans a supplemental plan's start on <see cref="RetroactiveStartRequest.AltProrationStartDate"/>: never before the
    /// parent's start; in the future at most the next bill-through date; in a previous cycle only with the client parameter
    /// enabled and an <c>invoicing_option</c>, producing the catch-up invoices at once (one consolidated or one per period).
    /// </summary>
    public AriaResult<RetroactiveStartPlan> PlanRetroactiveStart(RetroactiveStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = request.AltProrationStartDate;
        if ((BusinessDates.Check(start, "alt_proration_start_date") ?? BusinessDates.Check(request.ParentStartDate, "parent_start_date") ?? BusinessDates.Check(request.Today, "today")) is { } outside)
        {
            return outside;
        }

        if (Math.Abs(Period.DaysBetween(start, request.Today)) > MaxPlanningDays)
        {
            return new AriaError(PlanErrorCodes.PlanningRangeTooLong, $"alt_proration_start_date {start:uuuu-MM-dd} is more than {MaxPlanningDays / 365} years from today.", "alt_proration_start_date");
        }

        var current = request.Cycle.PeriodContaining(request.Today);
        var errors = new List<AriaError>();

        if (start < request.ParentStartDate)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.AltProrationStartDateBeforeParent,
                $"alt_proration_start_date {start:uuuu-MM-dd} may not be earlier than the parent plan instance's start {request.ParentStartDate:uuuu-MM-dd}.",
                "alt_proration_start_date"));
        }

        if (start > current.LastDay)
        {
            errors.Add(new AriaError(
                PlanErrorCodes.AltProrationStartDateOutOfRange,
                $"alt_proration_start_date {start:uuuu-MM-dd} is in the future beyond the next bill-through date {current.LastDay:uuuu-MM-dd}.",
                "alt_proration_start_date"));
        }

        var retroactive = start < current.Start;
        InvoicingOption option = default;
        if (retroactive)
        {
            if (!_options.AllowRetroactiveSupplementalStart)
            {
                errors.Add(new AriaError(
                    PlanErrorCodes.RetroactiveStartNotEnabled,
                    $"alt_proration_start_date {start:uuuu-MM-dd} is in a previous bill cycle: enable 'Use alternate proration start date as plan assignment date for retroactive additions' to allow it.",
                    "alt_proration_start_date"));
            }

            switch (request.InvoicingOption)
            {
                case null:
                    errors.Add(new AriaError(
                        PlanErrorCodes.MissingRequiredParameter,
                        "Missing input: invoicing_option (1 consolidated, 2 individual) is required when alt_proration_start_date is in a previous bill cycle.",
                        "invoicing_option"));
                    break;
                case 1 or 2:
                    option = (InvoicingOption)request.InvoicingOption.Value;
                    break;
                default:
                    errors.Add(new AriaError(
                        PlanErrorCodes.InvalidInvoicingOption,
                        $"invoicing_option '{request.InvoicingOption.Value.ToString(CultureInfo.InvariantCulture)}' is not 1 (consolidated) or 2 (individual).",
                        "invoicing_option"));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return AriaResult.Failure<RetroactiveStartPlan>(errors);
        }

        var full = request.RatePerUnit is { } rate ? rate * request.Units : (Money?)null;
        var covered = new List<CoveredPeriod>();
        for (var period = request.Cycle.PeriodContaining(start); period.Start < current.Start; period = request.Cycle.Next(period))
        {
            covered.Add(Cover(period, start > period.Start ? start : period.Start, full));
        }

        IReadOnlyList<PlannedInvoice> catchUp = covered.Count == 0 ? []
            : option == InvoicingOption.Consolidated ? [new PlannedInvoice(request.Today, covered)]
            : covered.Select(c => new PlannedInvoice(request.Today, [c])).ToArray();

        // The start is at most the current bill-through date, so the regular invoice covers the current period from
        // the later of its start and the plan's start.
        var regular = start > current.Start ? start : current.Start;
        var plan = new RetroactiveStartPlan(start, current, catchUp, Cover(current, regular, full));
        return retroactive && option == InvoicingOption.Consolidated && request.HasPendingRollover
            ? AriaResult.Success(plan, [new AriaWarning(
                PlanWarningCodes.RetroactiveStartWithPendingRollover,
                "Combining invoices when a retroactive start date is used together with a plan rollover is not yet supported by the billing system and should be avoided: consider invoicing_option 2 (individual bills).")])
            : plan;
    }

    private CoveredPeriod Cover(BillingPeriod period, LocalDate from, Money? full) =>
        new(period, from, full is { } amount ? ProrationCalculator.Prorate(amount, period.DaysRemainingFrom(from), period.Days, _rounding) : null);
}
