using Aria.Billing.Plans.Internal;
using NodaTime;

namespace Aria.Billing.Plans.Queue;

/// <summary>
/// The queuing rules (spec: release-6.50.txt, "Schedule a Plan Change for the Future" and "Queuing Restrictions"; DESIGN.md
/// §4 "Plan-change queue") as a pure function of the request, the snapshots of the instances involved, the account's queued
/// changes and today: no I/O, no clock. <see cref="PlanChangeQueue"/> reads the inputs and stores the outcome.
/// </summary>
internal static class QueuingRules
{
    /// <summary>
    /// The instance whose snapshot and ancestors' snapshots <see cref="Decide"/> reads: the instance changed, or, for an
    /// assignment (whose instance does not exist yet), its parent.
    /// </summary>
    public static PlanInstanceNumber? LineageStart(QueuePlanChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind == PlanChangeKind.Assign ? request.ParentInstance : request.Instance;
    }

    /// <summary>Decides whether and when <paramref name="request"/> can be queued.</summary>
    /// <param name="request">The change asked for.</param>
    /// <param name="snapshots">The billing system's view of the instance and its ancestors (see <see cref="LineageStart"/>).</param>
    /// <param name="pending">The account's queued changes.</param>
    /// <param name="today">Today in the client's time zone.</param>
    public static QueuingDecision Decide(
        QueuePlanChangeRequest request,
        IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot> snapshots,
        IReadOnlyList<PlanChange> pending,
        LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(pending);

        var hierarchy = new PlanHierarchy(pending, snapshots);
        var isAssign = request.Kind == PlanChangeKind.Assign;
        var snapshot = isAssign ? null : hierarchy.Snapshot(request.Instance);
        var ownAssign = hierarchy.PendingAssign(request.Instance);
        if (!isAssign && snapshot is null && ownAssign is null)
        {
            return Refused(request, new AriaError(
                PlanChangeQueueErrorCodes.InstanceNotFound,
                ManualText.Compose(ManualText.InvalidPlanInstanceNumber, $"plan instance {request.Instance} does not exist and is not queued for assignment."),
                "plan_instance_no"));
        }

        // spec: replace-acct-plan-m.txt, 14112: "Cannot update/replace/cancel any queued Plan instance which is in queued assignment".
        if (!isAssign && ownAssign is not null)
        {
            return Refused(request, new AriaError(
                PlanChangeQueueErrorCodes.InstanceInQueuedAssignment,
                ManualText.Compose(ManualText.InstanceInQueuedAssignment, $"plan instance {request.Instance} awaits its assignment (change {ownAssign.Id} on {ownAssign.EffectiveDate:uuuu-MM-dd}); change it once that assignment executes."),
                "plan_instance_no"));
        }

        var planKind = isAssign ? request.PlanKind : snapshot!.PlanKind;
        var parent = isAssign ? request.ParentInstance : snapshot!.Parent;
        if (planKind == PlanKind.Supplemental && parent is null)
        {
            return Refused(request, new AriaError(
                PlanChangeQueueErrorCodes.InvalidRequest,
                "A supplemental plan instance needs its parent plan instance.",
                "parent_plan_instance_no"));
        }

        var errors = new List<AriaError>();
        var ancestors = hierarchy.Ancestors(parent);
        var master = planKind == PlanKind.Master ? snapshot : ancestors.LastOrDefault()?.Snapshot;
        var (timing, date) = EffectiveDate(request, planKind, master, today, errors);

        if (request.Kind is PlanChangeKind.Replace or PlanChangeKind.Remove && snapshot is { IsStopped: true })
        {
            errors.Add(new AriaError(
                PlanChangeQueueErrorCodes.InstanceStatusBlocksQueue,
                $"Plan instance {request.Instance} is {snapshot.Status}: it cannot be queued for replacement or removal.",
                "plan_instance_no"));
        }

        if (ancestors.FirstOrDefault(a => a.Snapshot is { IsStopped: true }) is { } stopped)
        {
            errors.Add(new AriaError(
                PlanChangeQueueErrorCodes.ParentStatusBlocksQueue,
                $"Parent plan instance {stopped.Instance} is {stopped.Snapshot!.Status}: its child plans cannot be queued.",
                "parent_plan_instance_no"));
        }

        if (parent is not null && ancestors.Count == 0)
        {
            errors.Add(new AriaError(
                PlanChangeQueueErrorCodes.InstanceNotFound,
                ManualText.Compose(ManualText.InvalidPlanInstanceNumber, $"parent plan instance {parent} does not exist and is not queued for assignment."),
                "parent_plan_instance_no"));
        }

        var parentChangeId = ownAssign?.Id;
        if (date is { } on)
        {
            if (ownAssign is not null && on < ownAssign.EffectiveDate)
            {
                errors.Add(ChildBeforeParent(on, ownAssign));
            }

            foreach (var ancestor in ancestors)
            {
                if (ancestor.PendingAssign is { } assign)
                {
                    parentChangeId ??= assign.Id;
                    if (on < assign.EffectiveDate)
                    {
                        errors.Add(ChildBeforeParent(on, assign));
                    }
                }
                else if (ancestor.Snapshot is { } existing && existing.ActiveFrom > on)
                {
                    errors.Add(new AriaError(
                        existing.PlanKind == PlanKind.Master ? PlanChangeQueueErrorCodes.NoValidMasterOnDate : PlanChangeQueueErrorCodes.ChildBeforeParent,
                        $"Plan instance {ancestor.Instance} is active only from {existing.ActiveFrom:uuuu-MM-dd}; a change under it cannot take effect on {on:uuuu-MM-dd}.",
                        "effective_date"));
                }
            }

            if (request.Kind == PlanChangeKind.Replace && master is not null && DunningBlocks(master, on))
            {
                errors.Add(new AriaError(
                    PlanChangeQueueErrorCodes.DunningBlocksReplace,
                    $"Plan instance {master.Instance} is in dunning ({master.Dunning}) now or on {on:uuuu-MM-dd}: it cannot be replaced.",
                    "plan_instance_no"));
            }
        }

        var decision = new QueuingDecision
        {
            Timing = timing,
            EffectiveDate = date,
            Errors = errors,
            PlanKind = planKind,
            ParentInstance = parent,
            ParentChangeId = parentChangeId,
            BillingGroup = master?.BillingGroup,
        };
        if (errors.Count > 0 || hierarchy.ParentStoppedBy(ancestors, date!.Value) is not { } stop)
        {
            return decision;
        }

        var stopStatus = stop.Kind == PlanChangeKind.Remove ? $"{PlanInstanceStatus.Cancelled} (removed)" : PlanHierarchy.StopStatus(stop).ToString();
        var warning = new AriaWarning(
            PlanChangeQueueWarningCodes.ParentInactiveOnDate,
            $"Parent plan instance {stop.Instance} will be {stopStatus} on {stop.EffectiveDate:uuuu-MM-dd}: this change on {date:uuuu-MM-dd} cannot take effect.");
        return request.Proceed
            ? decision with
            {
                Warnings = [warning],
                VoidReason = $"voided on queuing: parent plan instance {stop.Instance} becomes {stopStatus} on {stop.EffectiveDate:uuuu-MM-dd}",
            }
            : decision with
            {
                Errors = [new AriaError(PlanChangeQueueErrorCodes.ProceedRequired, warning.Message + " Queue it again with proceed to record it as void; the queued changes of the instance and its children are then deleted.", "proceed")],
                Warnings = [warning],
            };
    }

    private static (PlanChangeTiming Timing, LocalDate? Date) EffectiveDate(
        QueuePlanChangeRequest request, PlanKind planKind, PlanInstanceSnapshot? master, LocalDate today, List<AriaError> errors)
    {
        if (request.Kind == PlanChangeKind.Status)
        {
            if (request.NewStatus is null || request.DaysUntilStatusChange is not >= 0)
            {
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.InvalidRequest, "A status change needs the new status and the days until the status change (0 or more).", "days_until_status_change"));
                return (PlanChangeTiming.Dated, null);
            }

            var days = request.DaysUntilStatusChange.Value;
            if (days > Period.DaysBetween(today, BusinessDates.Latest))
            {
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.EffectiveDateNotInFuture, $"days_until_status_change {days} puts the change after {BusinessDates.Latest:uuuu-MM-dd}, the last business date accepted.", "days_until_status_change"));
                return (PlanChangeTiming.Dated, null);
            }

            return (days == 0 ? PlanChangeTiming.Immediate : PlanChangeTiming.Dated, today.PlusDays(days));
        }

        switch (request.Timing)
        {
            case PlanChangeTiming.Immediate:
                return (PlanChangeTiming.Immediate, today);
            case PlanChangeTiming.Dated when request.EffectiveDate is not { } date:
                errors.Add(new AriaError(AriaErrorCodes.MissingRequiredParameter, "Missing input: effective_date is required for a change queued for a date.", "effective_date"));
                return (PlanChangeTiming.Dated, null);
            case PlanChangeTiming.Dated when request.EffectiveDate <= today:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.EffectiveDateNotInFuture, $"The Effective Date must be in the future: {request.EffectiveDate:uuuu-MM-dd} is not after today ({today:uuuu-MM-dd}).", "effective_date"));
                return (PlanChangeTiming.Dated, null);
            case PlanChangeTiming.Dated when BusinessDates.Check(request.EffectiveDate.Value, "effective_date", PlanChangeQueueErrorCodes.EffectiveDateNotInFuture) is { } outside:
                errors.Add(outside);
                return (PlanChangeTiming.Dated, null);
            case PlanChangeTiming.Dated:
                return (PlanChangeTiming.Dated, request.EffectiveDate);
            case PlanChangeTiming.Anniversary when request.Kind == PlanChangeKind.Assign && planKind == PlanKind.Master:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.AnniversaryNotAvailable, "On Anniversary is not available when assigning a master plan.", "timing"));
                return (PlanChangeTiming.Anniversary, null);
            case PlanChangeTiming.Anniversary when master?.Cycle is { } cycle:
                return (PlanChangeTiming.Anniversary, cycle.NextBillDateAfter(today));
            case PlanChangeTiming.Anniversary:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.NoValidMasterOnDate, "The anniversary needs the master plan instance's billing cycle, which is not known.", "timing"));
                return (PlanChangeTiming.Anniversary, null);
            default:
                errors.Add(new AriaError(PlanChangeQueueErrorCodes.InvalidRequest, $"Unknown timing {(int)request.Timing}.", "timing"));
                return (request.Timing, null);
        }
    }

    private static bool DunningBlocks(PlanInstanceSnapshot master, LocalDate date) =>
        master.Dunning != DunningState.None || master.DunningExpectedFrom <= date;

    /// <summary>The error of a change dated before the queued assignment it depends on.</summary>
    internal static AriaError ChildBeforeParent(LocalDate date, PlanChange parent) => new(
        PlanChangeQueueErrorCodes.ChildBeforeParent,
        $"The effective date {date:uuuu-MM-dd} must be on or after {parent.EffectiveDate:uuuu-MM-dd}, the date of the queued assignment of plan instance {parent.Instance}.",
        "effective_date");

    private static QueuingDecision Refused(QueuePlanChangeRequest request, AriaError error) =>
        new() { Timing = request.Timing, PlanKind = request.PlanKind, ParentInstance = request.ParentInstance, Errors = [error] };
}
