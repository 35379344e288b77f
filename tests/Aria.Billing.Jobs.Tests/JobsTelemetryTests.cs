using Aria.Billing.Jobs;
using Aria.Billing.Jobs.Tests.Runs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests;

[CollectionDefinition(nameof(JobsTelemetryTests), DisableParallelization = true)]
public sealed class JobsTelemetryCollection;

[Collection(nameof(JobsTelemetryTests))]
public sealed class JobsTelemetryTests
{
    [Fact]
    public async Task Execute_CountsWorkItemsByJobType_OnTheAriaBillingJobsMeter()
    {
        using var metrics = new MetricCollector(JobsTelemetry.Name);
        var f = new RunFixture();
        f.Handler.FailingKeys["billing-1"] = true;
        var run = await f.Runner.CreateRunAsync(RunFixture.Daily, new LocalDate(2025, 4, 27));

        await f.Runner.ExecuteAsync(RunFixture.Client, run.Id);

        Assert.Equal(5, metrics.Sum("aria.billing.jobs.work_items_completed", "job_type", JobTypes.UsageRating));
        Assert.Equal(3, metrics.Sum("aria.billing.jobs.work_items_completed", "job_type", JobTypes.Billing));
        Assert.Equal(1, metrics.Sum("aria.billing.jobs.work_items_failed", "job_type", JobTypes.Billing));
    }
}
