using Aria.Billing.Jobs;
using Aria.Billing.Jobs.Tests.Runs;

namespace Aria.Billing.Jobs.Tests.Definitions;

// spec: job-schedule-management.txt — several schedules per client; a client of the rating engine always has a daily billing
// schedule; the recommended daily order is rating → sync transactions → billing.
public sealed class JobScheduleRegistryTests
{
    private static readonly JobSchedule MonthEnd = RunFixture.Daily with
    {
        Name = "month-end",
        Calendar = new ScheduleCalendar(ScheduleFrequency.MonthEnd, new LocalTime(22, 0), DateTimeZone.Utc),
        Jobs = [new JobDefinition("Billing", JobTypes.Billing)],
    };

    [Fact]
    public void Remove_TheLastDailyBillingSchedule_IsRefused()
    {
        var registry = new JobScheduleRegistry();
        registry.Save(RunFixture.Daily);
        registry.Save(MonthEnd);

        Assert.True(registry.Remove(RunFixture.Client, "daily").HasError(JobErrorCodes.LastDailyBillingSchedule));
        Assert.True(registry.Remove(RunFixture.Client, "month-end").IsSuccess);
        Assert.True(registry.Save(RunFixture.Daily with { Jobs = [new JobDefinition("Rating", JobTypes.UsageRating)] }).HasError(JobErrorCodes.LastDailyBillingSchedule));

        registry.Save(RunFixture.Daily with { Name = "daily-2" });
        Assert.True(registry.Remove(RunFixture.Client, "daily").IsSuccess);
        Assert.Equal(["daily-2"], registry.List(RunFixture.Client).Select(s => s.Name));
        Assert.True(registry.Remove(RunFixture.Client, "nope").HasError(JobErrorCodes.ScheduleNotFound));
    }

    [Fact]
    public void Save_ADifferentDailyOrder_GetsAWarning()
    {
        var registry = new JobScheduleRegistry();
        var reversed = RunFixture.Daily with { Jobs = [.. RunFixture.Daily.Jobs.Reverse()] };

        var saved = registry.Save(reversed);

        Assert.True(saved.IsSuccess);
        Assert.Equal(JobWarningCodes.NotRecommendedOrder, Assert.Single(saved.Warnings).Code);
        Assert.Empty(registry.Save(RunFixture.Daily).Warnings);
        Assert.True(registry.Save(RunFixture.Daily with { Jobs = [] }).HasError(JobErrorCodes.InvalidSchedule));
    }
}
