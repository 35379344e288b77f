using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;

namespace Aria.Billing.Plans.Tests.Queue;

[CollectionDefinition(nameof(PlansTelemetryTests), DisableParallelization = true)]
public sealed class PlansTelemetryCollection;

[Collection(nameof(PlansTelemetryTests))]
public sealed class PlansTelemetryTests
{
    [Fact]
    public async Task ProcessDue_CountsAppliedAndFailedChanges_OnTheAriaBillingPlansMeter()
    {
        using var metrics = new MetricCollector(PlansTelemetry.Name);
        var f = new QueueFixture(new LocalDate(2025, 2, 1));
        f.AddMaster(10, new LocalDate(2024, 6, 15));
        f.AddMaster(20, new LocalDate(2024, 6, 15));
        await f.QueueAsync(10, PlanChangeKind.Units, new LocalDate(2025, 2, 3));
        var failing = (await f.QueueAsync(20, PlanChangeKind.Replace, new LocalDate(2025, 2, 3))).Value;
        f.Applier.FailOnce.Add(failing.Id);

        await f.Queue.ProcessDueAsync(QueueFixture.Client, new LocalDate(2025, 2, 3));

        Assert.Equal(1, metrics.Sum("aria.billing.plans.changes_applied", "kind", "Units"));
        Assert.Equal(1, metrics.Sum("aria.billing.plans.changes_failed", "kind", "Replace"));
    }
}
