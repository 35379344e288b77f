using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans.Tests.Queue;

// spec: release-6.50.txt, "Future Plan Changes (DEV-6103)": View Queued Plan Changes (queued and executed changes are listed).
public sealed class QueuingDecisionTests
{
    private static readonly Instant QueuedAt = Instant.FromUtc(2025, 2, 1, 9, 30);

    private static readonly QueuePlanChangeRequest Request = new()
    {
        Client = QueueFixture.Client, Account = QueueFixture.Account, Instance = new PlanInstanceNumber(11), Kind = PlanChangeKind.Status,
        NewStatus = PlanInstanceStatus.Suspended, DaysUntilStatusChange = 3, NewPlan = new PlanNumber(7), Units = 2, RateSchedule = 5,
    };

    private static readonly QueuingDecision Accepted = new()
    {
        Timing = PlanChangeTiming.Dated, EffectiveDate = new LocalDate(2025, 2, 4), PlanKind = PlanKind.Supplemental,
        ParentInstance = new PlanInstanceNumber(10), ParentChangeId = Guid.NewGuid(), BillingGroup = "BG-1",
    };

    [Fact]
    public void ToChange_Accepted_IsQueuedWithTheRequestAndTheDecision()
    {
        var change = Accepted.ToChange(Request, QueuedAt, "csr-ann");

        Assert.Equal(
            (Request.Id, Request.Client, Request.Account, Request.Instance, PlanChangeKind.Status, PlanChangeState.Queued),
            (change.Id, change.Client, change.Account, change.Instance, change.Kind, change.State));
        Assert.Equal(
            (Accepted.Timing, Accepted.EffectiveDate!.Value, Accepted.PlanKind, Accepted.ParentInstance, Accepted.ParentChangeId, Accepted.BillingGroup),
            (change.Timing, change.EffectiveDate, change.PlanKind, change.ParentInstance, change.ParentChangeId, change.BillingGroup));
        Assert.Equal(((int?)PlanInstanceStatus.Suspended, Request.NewPlan, Request.Units, Request.RateSchedule), (change.NewStatus, change.NewPlan, change.Units, change.RateSchedule));
        Assert.Equal((QueuedAt, "csr-ann"), (change.QueuedAt, change.QueuedBy));
        Assert.Null(change.ClosedAt);
    }

    // spec: release-6.50.txt, "Queuing Restrictions": "If you choose to proceed, the scheduled changes ... are deleted from the queue."
    [Fact]
    public void ToChange_Voided_IsRecordedDeletedWithTheReason_ByTheActor_WhenQueued()
    {
        var change = (Accepted with { VoidReason = "voided on queuing: parent" }).ToChange(Request, QueuedAt, "csr-ann");

        Assert.Equal(
            (PlanChangeState.Deleted, (Instant?)QueuedAt, "csr-ann", "voided on queuing: parent"),
            (change.State, change.ClosedAt, change.ClosedBy, change.Reason));
    }

    [Fact]
    public void ToChange_Refused_Throws()
    {
        var refused = Accepted with { Errors = [new AriaError(PlanChangeQueueErrorCodes.InvalidRequest, "no")] };

        Assert.True(refused.IsRefused);
        Assert.Throws<InvalidOperationException>(() => refused.ToChange(Request, QueuedAt, "csr"));
        Assert.Throws<InvalidOperationException>(() => (Accepted with { EffectiveDate = null }).ToChange(Request, QueuedAt, "csr"));
    }
}
