using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans.Tests.Queue;

// spec: release-6.50.txt, "Future Plan Changes (DEV-6103)": Schedule a Plan Change for the Future, View Queued Plan Changes,
// Queuing Restrictions; and "Future Plan Changes - API (DEV-6103)": Queuing Restrictions. DESIGN.md §4 "Plan-change queue".
public sealed class QueuingRulesTests
{
    private static readonly LocalDate Today = D(2, 1);
    private static readonly PlanInstanceNumber Master = new(10);
    private static readonly PlanInstanceNumber Supplemental = new(11);

    private static LocalDate D(int month, int day) => new(2025, month, day);

    private static PlanInstanceSnapshot MasterSnapshot(LocalDate? activeFrom = null) => new()
    {
        Instance = Master, PlanKind = PlanKind.Master, ActiveFrom = activeFrom ?? new LocalDate(2024, 6, 15),
        Cycle = BillingCycle.Monthly(15), BillingGroup = "BG-1",
    };

    private static PlanInstanceSnapshot SupplementalSnapshot() => new()
    {
        Instance = Supplemental, Parent = Master, PlanKind = PlanKind.Supplemental, ActiveFrom = new LocalDate(2024, 6, 15),
    };

    private static Dictionary<PlanInstanceNumber, PlanInstanceSnapshot> Known(params PlanInstanceSnapshot[] snapshots) =>
        snapshots.ToDictionary(s => s.Instance);

    private static QueuePlanChangeRequest Request(
        long instance, PlanChangeKind kind, LocalDate? date = null, long? parent = null, PlanKind planKind = PlanKind.Supplemental,
        PlanChangeTiming timing = PlanChangeTiming.Dated, PlanInstanceStatus? status = null, int? daysUntil = null, bool proceed = false) => new()
    {
        Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = new PlanInstanceNumber(instance), Kind = kind,
        EffectiveDate = date, ParentInstance = parent is { } p ? new PlanInstanceNumber(p) : null, PlanKind = planKind, Timing = timing,
        NewStatus = status, DaysUntilStatusChange = daysUntil, Proceed = proceed,
    };

    private static PlanChange Queued(long instance, PlanChangeKind kind, LocalDate date, long? parent = null, PlanKind planKind = PlanKind.Supplemental, Guid? parentChange = null, PlanInstanceStatus? status = null) => new()
    {
        Id = Guid.NewGuid(), Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = new PlanInstanceNumber(instance),
        ParentInstance = parent is { } p ? new PlanInstanceNumber(p) : null, PlanKind = planKind, Kind = kind, Timing = PlanChangeTiming.Dated,
        EffectiveDate = date, ParentChangeId = parentChange, NewStatus = status is { } s ? (int)s : null,
        QueuedAt = Instant.FromUtc(2025, 1, 31, 0, 0), QueuedBy = "csr",
    };

    private static QueuingDecision Decide(QueuePlanChangeRequest request, IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot>? known = null, params PlanChange[] pending) =>
        QueuingRules.Decide(request, known ?? Known(), pending, Today);

    // spec: release-6.50.txt, "Schedule a Plan Change for the Future": In Future.
    [Fact]
    public void Decide_DatedAfterToday_IsAcceptedForThatDate()
    {
        var decision = Decide(Request(10, PlanChangeKind.Units, D(3, 1)), Known(MasterSnapshot()));

        Assert.False(decision.IsRefused);
        Assert.Equal((PlanChangeTiming.Dated, D(3, 1)), (decision.Timing, decision.EffectiveDate));
        Assert.Equal(PlanKind.Master, decision.PlanKind);
        Assert.Equal("BG-1", decision.BillingGroup);
        Assert.Empty(decision.Warnings);
    }

    // spec: release-6.50.txt, "Schedule a Plan Change for the Future": In Future ("The Effective Date must be in the future").
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Decide_DatedOnOrBeforeToday_IsRefusedAsNotInTheFuture(int days)
    {
        var decision = Decide(Request(10, PlanChangeKind.Units, Today.PlusDays(days)), Known(MasterSnapshot()));

        Assert.Equal(PlanChangeQueueErrorCodes.EffectiveDateNotInFuture, Assert.Single(decision.Errors).Code);
        Assert.Null(decision.EffectiveDate);
    }

    // spec: release-6.50.txt, "Schedule a Plan Change for the Future": "the Effective Date field displays".
    [Fact]
    public void Decide_DatedWithoutADate_IsRefusedAsMissingInput()
    {
        var decision = Decide(Request(10, PlanChangeKind.Units), Known(MasterSnapshot()));

        Assert.Equal(AriaErrorCodes.MissingRequiredParameter, Assert.Single(decision.Errors).Code);
    }

    // spec: release-6.50.txt, "Schedule a Plan Change for the Future": Immediately.
    [Fact]
    public void Decide_Immediate_TakesEffectToday()
    {
        var decision = Decide(Request(10, PlanChangeKind.Units, D(9, 9), timing: PlanChangeTiming.Immediate), Known(MasterSnapshot()));

        Assert.Equal((PlanChangeTiming.Immediate, Today), (decision.Timing, decision.EffectiveDate));
    }

    // spec: release-6.50.txt, "Schedule a Plan Change for the Future": "this option is replaced by Days Until Status Change".
    [Theory]
    [InlineData(0, PlanChangeTiming.Immediate)]
    [InlineData(1, PlanChangeTiming.Dated)]
    [InlineData(20, PlanChangeTiming.Dated)]
    public void Decide_StatusChange_TakesEffectAfterTheDaysUntilStatusChange(int days, PlanChangeTiming timing)
    {
        var decision = Decide(
            Request(10, PlanChangeKind.Status, D(9, 9), status: PlanInstanceStatus.Suspended, daysUntil: days, timing: PlanChangeTiming.Anniversary),
            Known(MasterSnapshot()));

        Assert.False(decision.IsRefused);
        Assert.Equal((timing, Today.PlusDays(days)), (decision.Timing, decision.EffectiveDate));
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData(PlanInstanceStatus.Suspended, null)]
    [InlineData(PlanInstanceStatus.Suspended, -1)]
    public void Decide_StatusChangeWithoutStatusOrDays_IsRefusedAsInvalid(PlanInstanceStatus? status, int? days)
    {
        var decision = Decide(Request(10, PlanChangeKind.Status, status: status, daysUntil: days), Known(MasterSnapshot()));

        Assert.Equal(PlanChangeQueueErrorCodes.InvalidRequest, Assert.Single(decision.Errors).Code);
    }

    // spec: release-6.50.txt, "Schedule a Plan Change for the Future": On Anniversary ("not available when assigning a master plan").
    [Fact]
    public void Decide_AnniversaryForAMasterAssignment_IsRefused()
    {
        var decision = Decide(Request(10, PlanChangeKind.Assign, planKind: PlanKind.Master, timing: PlanChangeTiming.Anniversary));

        Assert.Equal(PlanChangeQueueErrorCodes.AnniversaryNotAvailable, Assert.Single(decision.Errors).Code);
    }

    // spec: release-6.50.txt, "Schedule a Plan Change for the Future": On Anniversary ("the account's anniversary date").
    [Fact]
    public void Decide_AnniversaryUnderAMaster_FallsOnTheMastersNextBillDate()
    {
        var decision = Decide(Request(11, PlanChangeKind.Assign, parent: 10, timing: PlanChangeTiming.Anniversary), Known(MasterSnapshot()));

        Assert.Equal((PlanChangeTiming.Anniversary, D(2, 15)), (decision.Timing, decision.EffectiveDate));
    }

    [Fact]
    public void Decide_AnniversaryWithoutAKnownCycle_IsRefused()
    {
        var decision = Decide(Request(10, PlanChangeKind.Units, timing: PlanChangeTiming.Anniversary), Known(MasterSnapshot() with { Cycle = null }));

        Assert.Equal(PlanChangeQueueErrorCodes.NoValidMasterOnDate, Assert.Single(decision.Errors).Code);
    }

    [Fact]
    public void Decide_UnknownTiming_IsRefusedAsInvalid()
    {
        var decision = Decide(Request(10, PlanChangeKind.Units, D(3, 1), timing: (PlanChangeTiming)9), Known(MasterSnapshot()));

        Assert.Equal(PlanChangeQueueErrorCodes.InvalidRequest, Assert.Single(decision.Errors).Code);
    }

    [Fact]
    public void Decide_ChangeOfAnInstanceThatDoesNotExistAndIsNotQueued_IsRefusedAsNotFound()
    {
        var decision = Decide(Request(10, PlanChangeKind.Units, D(3, 1)));

        var error = Assert.Single(decision.Errors);
        Assert.Equal(PlanChangeQueueErrorCodes.InstanceNotFound, error.Code);
        Assert.Equal(["plan_instance_no"], error.AssociatedInputs);
    }

    [Fact]
    public void Decide_SupplementalAssignmentWithoutParent_IsRefusedAsInvalid()
    {
        var decision = Decide(Request(11, PlanChangeKind.Assign, D(3, 1)), Known(MasterSnapshot()));

        Assert.Equal(PlanChangeQueueErrorCodes.InvalidRequest, Assert.Single(decision.Errors).Code);
    }

    [Fact]
    public void Decide_ParentThatDoesNotExistAndIsNotQueued_IsRefusedAsNotFound()
    {
        var decision = Decide(Request(12, PlanChangeKind.Assign, D(3, 1), parent: 99), Known(MasterSnapshot()));

        var error = Assert.Single(decision.Errors);
        Assert.Equal(PlanChangeQueueErrorCodes.InstanceNotFound, error.Code);
        Assert.Equal(["parent_plan_instance_no"], error.AssociatedInputs);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "Plans and plan instances that have a status of "Suspended",
    // "Terminated" or "Canceled" cannot be queued for addition, replacement, or deletion."
    [Theory]
    [InlineData(PlanInstanceStatus.Suspended, PlanChangeKind.Replace)]
    [InlineData(PlanInstanceStatus.Terminated, PlanChangeKind.Remove)]
    [InlineData(PlanInstanceStatus.Cancelled, PlanChangeKind.Replace)]
    public void Decide_ReplaceOrRemoveOfAStoppedInstance_IsRefused(PlanInstanceStatus status, PlanChangeKind kind)
    {
        var decision = Decide(Request(10, kind, D(3, 1)), Known(MasterSnapshot() with { Status = status }));

        Assert.Equal(PlanChangeQueueErrorCodes.InstanceStatusBlocksQueue, Assert.Single(decision.Errors).Code);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "If a parent plan or plan instance's status is "Suspended",
    // "Terminated" or "Canceled", then its child plans cannot be queued."
    [Theory]
    [InlineData(PlanInstanceStatus.Suspended)]
    [InlineData(PlanInstanceStatus.Terminated)]
    [InlineData(PlanInstanceStatus.Cancelled)]
    public void Decide_ChildOfAStoppedParent_IsRefused(PlanInstanceStatus status)
    {
        var decision = Decide(Request(11, PlanChangeKind.Assign, D(3, 1), parent: 10), Known(MasterSnapshot() with { Status = status }));

        Assert.Equal(PlanChangeQueueErrorCodes.ParentStatusBlocksQueue, Assert.Single(decision.Errors).Code);
    }

    // spec: release-6.50.txt, View Queued Plan Changes, Execute: "Assume today's date is 2/1, and you queue a master plan to
    // be assigned on 2/22. Then, a child supplemental plan is queued, so the effective date of the child plan must be on or after 2/22."
    [Fact]
    public void Decide_ChildBeforeItsParentsQueuedAssignment_IsRefused_OnOrAfterIsAccepted()
    {
        var master = Queued(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master);

        var early = Decide(Request(11, PlanChangeKind.Assign, D(2, 21), parent: 10), null, master);
        var onTheDay = Decide(Request(11, PlanChangeKind.Assign, D(2, 22), parent: 10), null, master);

        Assert.Equal(PlanChangeQueueErrorCodes.ChildBeforeParent, Assert.Single(early.Errors).Code);
        Assert.False(onTheDay.IsRefused);
        Assert.Equal(master.Id, onTheDay.ParentChangeId);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "If a child instance is also a parent plan instance to another plan, the
    // effective date ... must be on or after the effective date of the queued plan assignment on a parent plan instance".
    [Fact]
    public void Decide_GrandchildOfQueuedAssignments_DependsOnTheNearest_AndIsCheckedAgainstEveryOne()
    {
        var master = Queued(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master);
        var child = Queued(11, PlanChangeKind.Assign, D(2, 25), parent: 10, parentChange: master.Id);

        var accepted = Decide(Request(12, PlanChangeKind.Assign, D(2, 25), parent: 11), null, master, child);
        var early = Decide(Request(12, PlanChangeKind.Assign, D(2, 21), parent: 11), null, master, child);

        Assert.Equal(child.Id, accepted.ParentChangeId);
        Assert.Equal([PlanChangeQueueErrorCodes.ChildBeforeParent, PlanChangeQueueErrorCodes.ChildBeforeParent], early.Errors.Select(e => e.Code));
    }

    // spec: replace-acct-plan-m.txt, error codes: "14112 Cannot update/replace/cancel any queued Plan instance which is in
    // queued assignment" (Associated Inputs: plan_instance_no).
    [Theory]
    [InlineData(PlanChangeKind.Units)]
    [InlineData(PlanChangeKind.Replace)]
    [InlineData(PlanChangeKind.Remove)]
    [InlineData(PlanChangeKind.Status)]
    [InlineData(PlanChangeKind.RateSchedule)]
    public void Decide_UpdateReplaceOrCancelOfAnInstanceStillQueuedForAssignment_IsRefusedWith14112(PlanChangeKind kind)
    {
        var master = Queued(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master);
        var request = kind == PlanChangeKind.Status
            ? Request(10, kind, status: PlanInstanceStatus.Suspended, daysUntil: 30)
            : Request(10, kind, D(2, 23));

        var decision = Decide(request, null, master);

        var error = Assert.Single(decision.Errors);
        Assert.Equal((AriaErrorCode)14112, error.Code);
        Assert.Equal(PlanChangeQueueErrorCodes.InstanceInQueuedAssignment, error.Code);
        Assert.Equal(["plan_instance_no"], error.AssociatedInputs);
    }

    [Fact]
    public void Decide_ChildAssignmentUnderAnInstanceStillQueuedForAssignment_IsAccepted()
    {
        var master = Queued(10, PlanChangeKind.Assign, D(2, 22), planKind: PlanKind.Master);

        var child = Decide(Request(11, PlanChangeKind.Assign, D(2, 23), parent: 10), null, master);

        Assert.False(child.IsRefused);
        Assert.Equal(master.Id, child.ParentChangeId);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "Supplemental plans can only be queued for dates when a valid master plan is available."
    [Fact]
    public void Decide_SupplementalBeforeItsMasterIsActive_IsRefused()
    {
        var known = Known(MasterSnapshot(activeFrom: D(3, 1)));

        Assert.Equal(PlanChangeQueueErrorCodes.NoValidMasterOnDate, Assert.Single(Decide(Request(11, PlanChangeKind.Assign, D(2, 20), parent: 10), known).Errors).Code);
        Assert.False(Decide(Request(11, PlanChangeKind.Assign, D(3, 1), parent: 10), known).IsRefused);
    }

    [Fact]
    public void Decide_GrandchildBeforeItsSupplementalParentIsActive_IsRefusedAsChildBeforeParent()
    {
        var known = Known(MasterSnapshot(), SupplementalSnapshot() with { ActiveFrom = D(3, 1) });

        var decision = Decide(Request(12, PlanChangeKind.Assign, D(2, 20), parent: 11), known);

        Assert.Equal(PlanChangeQueueErrorCodes.ChildBeforeParent, Assert.Single(decision.Errors).Code);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "Plans and plan instances cannot be replaced if their dunning state is
    // currently either "In Progress" or "Completed", or if the plan will be in that state at the time of the effective date."
    [Theory]
    [InlineData(DunningState.InProgress, null, 3, 1, true)]
    [InlineData(DunningState.Completed, null, 3, 1, true)]
    [InlineData(DunningState.None, 20, 3, 1, true)]
    [InlineData(DunningState.None, 20, 2, 15, false)]
    [InlineData(DunningState.None, null, 3, 1, false)]
    public void Decide_ReplaceInDunningNowOrOnTheDate_IsRefused(DunningState dunning, int? expectedFromFeb, int month, int day, bool refused)
    {
        var master = MasterSnapshot() with { Dunning = dunning, DunningExpectedFrom = expectedFromFeb is { } d ? D(2, d) : null };

        var decision = Decide(Request(10, PlanChangeKind.Replace, D(month, day)), Known(master));

        Assert.Equal(refused, decision.Errors.Any(e => e.Code == PlanChangeQueueErrorCodes.DunningBlocksReplace));
        Assert.Equal(refused, decision.IsRefused);
    }

    [Fact]
    public void Decide_UnitsChangeInDunning_IsAccepted()
    {
        var decision = Decide(Request(10, PlanChangeKind.Units, D(3, 1)), Known(MasterSnapshot() with { Dunning = DunningState.InProgress }));

        Assert.False(decision.IsRefused);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "at the time of the effective date, the parent plan will have a status of
    // "Suspended", "Terminated" or "Canceled" ... you receive a warning message ... and asking if you want to proceed."
    [Fact]
    public void Decide_ParentStoppedOnTheDateWithoutProceed_IsRefusedWithTheWarning()
    {
        var suspend = Queued(10, PlanChangeKind.Status, D(2, 21), planKind: PlanKind.Master, status: PlanInstanceStatus.Suspended);

        var decision = Decide(Request(11, PlanChangeKind.Units, D(3, 1)), Known(MasterSnapshot(), SupplementalSnapshot()), suspend);

        Assert.Equal(PlanChangeQueueErrorCodes.ProceedRequired, Assert.Single(decision.Errors).Code);
        var warning = Assert.Single(decision.Warnings);
        Assert.Equal(PlanChangeQueueWarningCodes.ParentInactiveOnDate, warning.Code);
        Assert.Equal("Parent plan instance 10 will be Suspended on 2025-02-21: this change on 2025-03-01 cannot take effect.", warning.Message);
        Assert.Null(decision.VoidReason);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "If you choose to proceed, the scheduled changes for the supplemental
    // plan instance and all of its child plans are deleted from the queue."
    [Fact]
    public void Decide_ParentStoppedOnTheDateWithProceed_IsAcceptedAsVoid()
    {
        var suspend = Queued(10, PlanChangeKind.Status, D(2, 21), planKind: PlanKind.Master, status: PlanInstanceStatus.Suspended);

        var decision = Decide(Request(11, PlanChangeKind.Units, D(3, 1), proceed: true), Known(MasterSnapshot(), SupplementalSnapshot()), suspend);

        Assert.False(decision.IsRefused);
        Assert.Single(decision.Warnings);
        Assert.Equal("voided on queuing: parent plan instance 10 becomes Suspended on 2025-02-21", decision.VoidReason);
    }

    [Theory]
    [InlineData(PlanInstanceStatus.Active, 2, 21)]
    [InlineData(PlanInstanceStatus.Suspended, 3, 2)]
    public void Decide_ParentStatusChangeThatDoesNotStopItByTheDate_RaisesNothing(PlanInstanceStatus status, int month, int day)
    {
        var change = Queued(10, PlanChangeKind.Status, D(month, day), planKind: PlanKind.Master, status: status);

        var decision = Decide(Request(11, PlanChangeKind.Units, D(3, 1)), Known(MasterSnapshot(), SupplementalSnapshot()), change);

        Assert.False(decision.IsRefused);
        Assert.Empty(decision.Warnings);
    }

    // spec: release-6.50.txt, "Future Plan Changes (DEV-6103)": a removal "cancels the plan instance"; Queuing Restrictions:
    // "at the time of the effective date, the parent plan will have a status of ... "Canceled"" — a queued removal of the
    // master counts as stopping its children.
    [Fact]
    public void Decide_MasterQueuedForRemovalByTheDate_NeedsProceed_AndWithItIsVoid()
    {
        var remove = Queued(10, PlanChangeKind.Remove, D(2, 21), planKind: PlanKind.Master);

        var asked = Decide(Request(11, PlanChangeKind.Units, D(3, 1)), Known(MasterSnapshot(), SupplementalSnapshot()), remove);
        var proceeded = Decide(Request(11, PlanChangeKind.Units, D(3, 1), proceed: true), Known(MasterSnapshot(), SupplementalSnapshot()), remove);

        Assert.Equal(PlanChangeQueueErrorCodes.ProceedRequired, Assert.Single(asked.Errors).Code);
        Assert.Equal("Parent plan instance 10 will be Cancelled (removed) on 2025-02-21: this change on 2025-03-01 cannot take effect.", Assert.Single(asked.Warnings).Message);
        Assert.Equal("voided on queuing: parent plan instance 10 becomes Cancelled (removed) on 2025-02-21", proceeded.VoidReason);
        Assert.False(Decide(Request(11, PlanChangeKind.Units, D(2, 20)), Known(MasterSnapshot(), SupplementalSnapshot()), remove).IsRefused);
    }

    // spec: release-6.50.txt, Queuing Restrictions: the parent's status "at the time of the effective date" — a queued
    // reactivation cancels an earlier queued suspension.
    [Fact]
    public void Decide_ParentSuspendedThenReactivatedBeforeTheDate_RaisesNothing()
    {
        var suspend = Queued(10, PlanChangeKind.Status, D(2, 10), planKind: PlanKind.Master, status: PlanInstanceStatus.Suspended);
        var reactivate = Queued(10, PlanChangeKind.Status, D(2, 20), planKind: PlanKind.Master, status: PlanInstanceStatus.Active);

        var after = Decide(Request(11, PlanChangeKind.Units, D(3, 1)), Known(MasterSnapshot(), SupplementalSnapshot()), suspend, reactivate);
        var between = Decide(Request(11, PlanChangeKind.Units, D(2, 15)), Known(MasterSnapshot(), SupplementalSnapshot()), suspend, reactivate);

        Assert.False(after.IsRefused);
        Assert.Empty(after.Warnings);
        Assert.Equal(PlanChangeQueueErrorCodes.ProceedRequired, Assert.Single(between.Errors).Code);
    }

    [Fact]
    public void Decide_SeveralRestrictionsBroken_ReportsEveryOne_WithoutTheParentWarning()
    {
        var master = MasterSnapshot() with { Dunning = DunningState.Completed };
        var supplemental = SupplementalSnapshot() with { Status = PlanInstanceStatus.Terminated };
        var suspend = Queued(10, PlanChangeKind.Status, D(2, 2), planKind: PlanKind.Master, status: PlanInstanceStatus.Suspended);

        var decision = Decide(Request(11, PlanChangeKind.Replace, D(3, 1), proceed: true), Known(master, supplemental), suspend);

        Assert.Equal([PlanChangeQueueErrorCodes.InstanceStatusBlocksQueue, PlanChangeQueueErrorCodes.DunningBlocksReplace], decision.Errors.Select(e => e.Code));
        Assert.Empty(decision.Warnings);
        Assert.Null(decision.VoidReason);
    }

    [Fact]
    public void LineageStart_AssignmentStartsAtItsParent_OtherChangesAtTheirInstance()
    {
        Assert.Equal(Master, QueuingRules.LineageStart(Request(11, PlanChangeKind.Assign, parent: 10)));
        Assert.Null(QueuingRules.LineageStart(Request(10, PlanChangeKind.Assign, planKind: PlanKind.Master)));
        Assert.Equal(Supplemental, QueuingRules.LineageStart(Request(11, PlanChangeKind.Units, parent: 10)));
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "the effective date of a queued plan or plan instance assignment on a child
    // plan instance must be on or after the effective date of the queued plan assignment on a parent plan instance".
    [Fact]
    public void Decide_AnyRequest_AnAcceptedChildIsNeverBeforeItsParents()
    {
        Prop.ForAll(QueuingArb.Case.ToArbitrary(), c =>
        {
            var decision = c.Decide();
            if (decision.IsRefused)
            {
                return true;
            }

            var date = decision.EffectiveDate!.Value;
            var parentChange = c.Pending.SingleOrDefault(p => p.Id == decision.ParentChangeId);
            return date >= c.Today
                && (decision.ParentChangeId is null || (parentChange is not null && parentChange.EffectiveDate <= date))
                && Lineage(c, decision.ParentInstance).All(a => a.Assign is { } assign ? assign.EffectiveDate <= date : a.Snapshot!.ActiveFrom <= date);
        }).QuickCheckThrowOnFailure();
    }

    // spec: release-6.50.txt, "Queuing Restrictions": a request that breaks a restriction "results in an error"; "proceed" only
    // confirms a change whose parent will be inactive on its date.
    [Fact]
    public void Decide_AnyRequest_ARefusalCarriesItsErrorsAndNothingToQueue_AndProceedOnlyLiftsTheParentInactiveRefusal()
    {
        Prop.ForAll(QueuingArb.Case.ToArbitrary(), c =>
        {
            var asked = QueuingRules.Decide(c.Request with { Proceed = false }, c.Snapshots, c.Pending, c.Today);
            var proceeded = QueuingRules.Decide(c.Request with { Proceed = true }, c.Snapshots, c.Pending, c.Today);
            var refusedOnlyForProceed = asked.Errors.Count == 1 && asked.Errors[0].Code == PlanChangeQueueErrorCodes.ProceedRequired;

            var refusalQueuesNothing = !asked.IsRefused
                || (asked.VoidReason is null && Throws(() => asked.ToChange(c.Request, Instant.FromUtc(2025, 1, 1, 0, 0), "csr")));
            var proceedIsConsistent = refusedOnlyForProceed
                ? !proceeded.IsRefused && proceeded.VoidReason is not null && proceeded.Warnings.SequenceEqual(asked.Warnings)
                : proceeded.Errors.SequenceEqual(asked.Errors) && proceeded.VoidReason is null && asked.VoidReason is null;
            return refusalQueuesNothing && proceedIsConsistent;
        }).QuickCheckThrowOnFailure();
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>An independent walk up from <paramref name="parent"/>: each level's queued assignment or snapshot.</summary>
    private static List<(PlanChange? Assign, PlanInstanceSnapshot? Snapshot)> Lineage(QueuingCase c, PlanInstanceNumber? parent)
    {
        var levels = new List<(PlanChange? Assign, PlanInstanceSnapshot? Snapshot)>();
        for (var instance = parent; instance is { } current && levels.Count < 16;)
        {
            var assign = c.Pending.FirstOrDefault(p => p.Instance == current && p.Kind == PlanChangeKind.Assign);
            var snapshot = c.Snapshots.GetValueOrDefault(current);
            if (assign is null && snapshot is null)
            {
                break;
            }

            levels.Add((assign, snapshot));
            instance = snapshot?.Parent ?? assign?.ParentInstance;
        }

        return levels;
    }
}
