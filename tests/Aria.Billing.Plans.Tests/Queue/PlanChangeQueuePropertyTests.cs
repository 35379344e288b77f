using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans.Tests.Queue;

/// <summary>
/// A state-machine property: over random sequences of queue / execute / change-date / delete / process, the queue's
/// invariants hold after every step (applies fail at random too) — no child before its parent, no orphan descendants, nothing applied twice, children
/// applied after their parents, nothing lost (every change ends queued, executed, or deleted with a reason).
/// </summary>
public sealed class PlanChangeQueuePropertyTests
{
    private static readonly LocalDate Start = new(2025, 2, 1);

    private enum OpKind
    {
        QueueMaster,
        QueueChild,
        QueueUnits,
        Execute,
        ChangeDate,
        Delete,
        Process,
        FailNextApply,
    }

    private sealed record Op(OpKind Kind, int Instance, int Parent, int Days, int Pick);

    private static readonly Gen<Op> Ops =
        from kind in Gen.Elements(Enum.GetValues<OpKind>())
        from instance in Gen.Choose(1, 8)
        from parent in Gen.Choose(1, 8)
        from days in Gen.Choose(1, 40)
        from pick in Gen.Choose(0, 50)
        select new Op(kind, instance, parent, days, pick);

    [Fact]
    public void Property_InvariantsHoldOverRandomOperationSequences()
    {
        var gen = from count in Gen.Choose(5, 40) from ops in Gen.ArrayOf(Ops, count) select ops;
        Prop.ForAll(gen.ToArbitrary(), ops => Run(ops).GetAwaiter().GetResult()).QuickCheckThrowOnFailure();
    }

    // spec: release-6.50.txt, "Queuing Restrictions": a request that breaks a restriction results in an error and is not queued.
    [Fact]
    public void QueueAsync_AnyRequest_ARefusedRequestQueuesNothing_AndTheOutcomeIsTheRulesDecision()
    {
        Prop.ForAll(QueuingArb.Case.ToArbitrary(), c => QueueOnce(c).GetAwaiter().GetResult()).QuickCheckThrowOnFailure();
    }

    private static async Task<bool> QueueOnce(QueuingCase c)
    {
        var f = new QueueFixture(c.Today);
        foreach (var snapshot in c.Snapshots.Values)
        {
            f.Directory.Set(snapshot);
        }

        foreach (var change in c.Pending)
        {
            await f.Store.AddAsync(change);
        }

        var query = new PlanChangeQuery(QueueFixture.Client, QueueFixture.Account);
        var before = await f.Store.ListAsync(query);
        var decision = c.Decide();

        var result = await f.Queue.QueueAsync(c.Request, "csr");

        var after = await f.Store.ListAsync(query);
        if (result.IsFailure)
        {
            return decision.IsRefused && result.Errors.SequenceEqual(decision.Errors) && result.Warnings.SequenceEqual(decision.Warnings)
                && after.SequenceEqual(before) && f.Applier.Applied.Count == 0;
        }

        var added = after.Where(a => !before.Any(b => b.Id == a.Id)).ToArray();
        return !decision.IsRefused && added.Length == 1 && added[0].Id == c.Request.Id && added[0] with { Version = 0 } == result.Value with { Version = 0 }
            && result.Value.EffectiveDate == decision.EffectiveDate && result.Value.Timing == decision.Timing
            && result.Value.State == (decision.VoidReason is null ? PlanChangeState.Queued : PlanChangeState.Deleted);
    }

    private static async Task<bool> Run(Op[] ops)
    {
        var f = new QueueFixture(Start);
        f.AddMaster(1, new LocalDate(2024, 1, 1));
        f.AddMaster(2, new LocalDate(2024, 1, 1));
        var accepted = new HashSet<Guid>();
        var today = Start;

        foreach (var op in ops)
        {
            var all = await f.Store.ListAsync(new PlanChangeQuery(QueueFixture.Client, QueueFixture.Account));
            var target = all.Count == 0 ? null : all[op.Pick % all.Count];
            switch (op.Kind)
            {
                case OpKind.QueueMaster:
                    Track(await f.QueueAsync(100 + op.Instance, PlanChangeKind.Assign, today.PlusDays(op.Days), planKind: PlanKind.Master), accepted);
                    break;
                case OpKind.QueueChild:
                    Track(await f.QueueAsync(200 + op.Instance, PlanChangeKind.Assign, today.PlusDays(op.Days), parent: ParentOf(op.Parent)), accepted);
                    break;
                case OpKind.QueueUnits:
                    Track(await f.QueueAsync(ParentOf(op.Instance), PlanChangeKind.Units, today.PlusDays(op.Days)), accepted);
                    break;
                case OpKind.Execute when target is not null:
                    await f.Queue.ExecuteNowAsync(QueueFixture.Client, target.Id, "csr");
                    break;
                case OpKind.ChangeDate when target is not null:
                    await f.Queue.ChangeDateAsync(QueueFixture.Client, target.Id, today.PlusDays(op.Days), "csr");
                    break;
                case OpKind.Delete when target is not null:
                    await f.Queue.DeleteAsync(QueueFixture.Client, target.Id, "csr");
                    break;
                case OpKind.FailNextApply when target is not null:
                    lock (f.Applier.FailOnce)
                    {
                        f.Applier.FailOnce.Add(target.Id);
                    }

                    break;
                case OpKind.Process:
                    today = today.PlusDays(op.Days % 10);
                    f.Clock.Set(today.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
                    await f.Queue.ProcessDueAsync(QueueFixture.Client, today);
                    break;
            }

            if (!await InvariantsHold(f, accepted))
            {
                return false;
            }
        }

        return true;
    }

    private static long ParentOf(int pick) => pick switch
    {
        1 or 2 => pick,                 // existing masters
        <= 5 => 100 + pick,             // masters that may be queued
        _ => 200 + pick,                // supplemental instances that may be queued
    };

    private static void Track(AriaResult<PlanChange> result, HashSet<Guid> accepted)
    {
        if (result.IsSuccess)
        {
            accepted.Add(result.Value.Id);
        }
    }

    private static async Task<bool> InvariantsHold(QueueFixture f, HashSet<Guid> accepted)
    {
        var all = (await f.Store.ListAsync(new PlanChangeQuery(QueueFixture.Client, QueueFixture.Account))).ToDictionary(c => c.Id);
        var order = f.Applier.Order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        foreach (var change in all.Values)
        {
            var parent = change.ParentChangeId is { } p ? all[p] : null;
            var ok = change.State switch
            {
                PlanChangeState.Queued => parent is null
                    || (parent.State == PlanChangeState.Queued && parent.EffectiveDate <= change.EffectiveDate)
                    || parent.State == PlanChangeState.Executed,
                PlanChangeState.Executed => f.Applier.Applied.GetValueOrDefault(change.Id) == 1 && change.ClosedAt is not null
                    && (parent is null || (parent.State == PlanChangeState.Executed && order[parent.Id] < order[change.Id])),
                PlanChangeState.Deleted => !string.IsNullOrEmpty(change.Reason) && !f.Applier.Applied.ContainsKey(change.Id),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        // Nothing lost: every accepted change is still there; nothing applied that is not recorded as executed.
        return accepted.All(all.ContainsKey)
            && f.Applier.Applied.Keys.All(id => all.TryGetValue(id, out var c) && c.State == PlanChangeState.Executed);
    }
}
