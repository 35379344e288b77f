using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.Queue;

/// <summary>
/// FsCheck generators for the queuing rules: an account with an existing master (1) and supplemental (2) plan instance,
/// some queued changes (a master assignment 10, supplemental assignments 11 under 1, 2 or 10 and 12 under 11, a status
/// change and a units change), and a request of any kind on any of these instances (or unknown ones) — dates around a
/// random "today" across decades, so that parents stop, dunning blocks and children fall before their parents often enough.
/// </summary>
internal static class QueuingArb
{
    private static readonly Gen<PlanInstanceNumber> Instance = Gen.Frequency(
        (6, Gen.Elements(1L, 2L, 10L, 11L, 12L)),
        (1, Gen.Elements(20L, 99L))).Select(n => new PlanInstanceNumber(n));

    /// <summary>A rules case: today, the snapshots of the instances, the account's queued changes and the request.</summary>
    public static Gen<QueuingCase> Case { get; } =
        from today in BillingArb.Date
        from snapshots in Snapshots(today)
        from pending in Pending(today)
        from request in Request(today)
        select new QueuingCase(today, snapshots, pending, request);

    /// <summary>A stable id for the queued change in slot <paramref name="slot"/>.</summary>
    public static Guid Id(int slot) => new(slot, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);

    private static Gen<PlanInstanceStatus> Status { get; } = Gen.Frequency(
        (6, Gen.Constant(PlanInstanceStatus.Active)),
        (1, Gen.Elements(PlanInstanceStatus.Suspended, PlanInstanceStatus.Terminated, PlanInstanceStatus.Cancelled, PlanInstanceStatus.Inactive, PlanInstanceStatus.Trial)));

    private static Gen<T?> Maybe<T>(Gen<T> gen, int weightOfSome = 2)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant((T?)null)), (weightOfSome, gen.Select(v => (T?)v)));

    private static Gen<IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot>> Snapshots(LocalDate today) =>
        from masterFrom in Gen.Choose(-800, 60)
        from masterStatus in Status
        from billDay in Maybe(BillingArb.BillDay, 5)
        from dunning in Gen.Frequency((5, Gen.Constant(DunningState.None)), (1, Gen.Elements(DunningState.InProgress, DunningState.Completed)))
        from dunningSince in Gen.Choose(-60, 0)
        from expected in Maybe(Gen.Choose(-10, 90), 1)
        from supplementalAfter in Gen.Choose(0, 60)
        from supplementalStatus in Status
        select (IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot>)new Dictionary<PlanInstanceNumber, PlanInstanceSnapshot>
        {
            [new(1)] = new()
            {
                Instance = new(1), PlanKind = PlanKind.Master, Status = masterStatus, ActiveFrom = today.PlusDays(masterFrom),
                Cycle = billDay is { } day ? BillingCycle.Monthly(day) : null, BillingGroup = "BG-1",
                Dunning = dunning, DunningSince = dunning == DunningState.None ? null : today.PlusDays(dunningSince),
                DunningExpectedFrom = expected is { } days ? today.PlusDays(days) : null,
            },
            [new(2)] = new()
            {
                Instance = new(2), Parent = new(1), PlanKind = PlanKind.Supplemental, Status = supplementalStatus,
                ActiveFrom = today.PlusDays(masterFrom + supplementalAfter),
            },
        };

    private static Gen<IReadOnlyList<PlanChange>> Pending(LocalDate today) =>
        from master in Maybe(Gen.Choose(1, 60), 3)
        from child in Maybe(Gen.Choose(1, 90), 3)
        from childParent in Gen.Elements(1L, 2L, 10L)
        from grandchild in Maybe(Gen.Choose(1, 120), 2)
        from status in Maybe(Gen.Choose(0, 60), 2)
        from statusOf in Gen.Elements(1L, 2L, 10L)
        from newStatus in Gen.Elements(PlanInstanceStatus.Suspended, PlanInstanceStatus.Terminated, PlanInstanceStatus.Cancelled, PlanInstanceStatus.Active)
        from units in Maybe(Gen.Choose(1, 60), 1)
        select (IReadOnlyList<PlanChange>)new[]
            {
                master is { } m ? Change(today, 1, 10, null, PlanKind.Master, PlanChangeKind.Assign, m) : null,
                child is { } c ? Change(today, 2, 11, childParent, PlanKind.Supplemental, PlanChangeKind.Assign, c) : null,
                grandchild is { } g ? Change(today, 3, 12, 11, PlanKind.Supplemental, PlanChangeKind.Assign, g) : null,
                status is { } s ? Change(today, 4, statusOf, statusOf == 2 ? 1 : null, statusOf == 2 ? PlanKind.Supplemental : PlanKind.Master, PlanChangeKind.Status, s) with { NewStatus = (int)newStatus } : null,
                units is { } u ? Change(today, 5, 2, 1, PlanKind.Supplemental, PlanChangeKind.Units, u) with { Units = 3 } : null,
            }
            .OfType<PlanChange>()
            .OrderBy(c => c.EffectiveDate).ThenBy(c => c.QueuedAt).ThenBy(c => c.Id)
            .ToArray()
            .WithoutDanglingParents();

    private static Gen<QueuePlanChangeRequest> Request(LocalDate today) =>
        from kind in Gen.Elements(Enum.GetValues<PlanChangeKind>())
        from instance in Instance
        from parent in Gen.Frequency((1, Gen.Constant((PlanInstanceNumber?)null)), (4, Instance.Select(i => (PlanInstanceNumber?)i)))
        from planKind in Gen.Elements(PlanKind.Master, PlanKind.Supplemental)
        from timing in Gen.Frequency((1, Gen.Constant(PlanChangeTiming.Immediate)), (1, Gen.Constant(PlanChangeTiming.Anniversary)), (4, Gen.Constant(PlanChangeTiming.Dated)))
        from date in Maybe(Gen.Choose(-10, 120), 8)
        from daysUntil in Maybe(Gen.Choose(-2, 60), 8)
        from newStatus in Maybe(Status, 8)
        from proceed in Gen.Elements(true, false)
        select new QueuePlanChangeRequest
        {
            Id = Id(100),
            Client = QueueFixture.Client,
            Account = QueueFixture.Account,
            Instance = instance,
            ParentInstance = parent,
            PlanKind = planKind,
            Kind = kind,
            Timing = timing,
            EffectiveDate = date is { } d ? today.PlusDays(d) : null,
            DaysUntilStatusChange = daysUntil,
            NewStatus = newStatus,
            Units = kind is PlanChangeKind.Units or PlanChangeKind.Assign ? 2 : null,
            Proceed = proceed,
        };

    /// <summary>The changes, each dependency on a queued assignment that is not among them dropped.</summary>
    private static PlanChange[] WithoutDanglingParents(this PlanChange[] changes) =>
        [.. changes.Select(c => c.ParentChangeId is { } id && !changes.Any(p => p.Id == id) ? c with { ParentChangeId = null } : c)];

    private static PlanChange Change(LocalDate today, int slot, long instance, long? parent, PlanKind planKind, PlanChangeKind kind, int inDays) => new()
    {
        Id = Id(slot),
        Client = QueueFixture.Client,
        Account = QueueFixture.Account,
        Instance = new PlanInstanceNumber(instance),
        ParentInstance = parent is { } p ? new PlanInstanceNumber(p) : null,
        PlanKind = planKind,
        Kind = kind,
        Timing = PlanChangeTiming.Dated,
        EffectiveDate = today.PlusDays(inDays),
        ParentChangeId = slot switch { 2 when parent == 10 => Id(1), 3 => Id(2), _ => null },
        QueuedAt = today.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromDays(1) + Duration.FromSeconds(slot),
        QueuedBy = "csr",
    };
}

/// <summary>One generated input of <see cref="QueuingRules.Decide"/>.</summary>
internal sealed record QueuingCase(
    LocalDate Today,
    IReadOnlyDictionary<PlanInstanceNumber, PlanInstanceSnapshot> Snapshots,
    IReadOnlyList<PlanChange> Pending,
    QueuePlanChangeRequest Request)
{
    /// <summary>What the rules decide for this case.</summary>
    public QueuingDecision Decide() => QueuingRules.Decide(Request, Snapshots, Pending, Today);

    /// <inheritdoc />
    public override string ToString() =>
        $"today {Today:uuuu-MM-dd}; request {Request}; snapshots [{string.Join(", ", Snapshots.Values)}]; pending [{string.Join(", ", Pending)}]";
}
