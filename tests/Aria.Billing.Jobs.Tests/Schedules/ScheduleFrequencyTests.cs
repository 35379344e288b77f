using Aria.Billing.Jobs;

namespace Aria.Billing.Jobs.Tests.Schedules;

// spec: job-schedule-management.txt, Examples of Job Schedules — the run dates of each frequency.
public sealed class ScheduleFrequencyTests
{
    [Fact]
    public void OnOrAfter_NearTheLastDateNodaTimeSupports_GivesTheLastRunDatesThenNull()
    {
        var max = LocalDate.MaxIsoValue; // Friday 9999-12-31
        Assert.Equal(max, ScheduleFrequency.Weekly(IsoDayOfWeek.Friday).OnOrAfter(max.PlusDays(-3)));
        Assert.Null(ScheduleFrequency.Weekly(IsoDayOfWeek.Saturday).OnOrAfter(max.PlusDays(-5)));
        Assert.Equal(new LocalDate(9999, 12, 26), ScheduleFrequency.Weekly(IsoDayOfWeek.Sunday).OnOrAfter(max.PlusDays(-7)));
        Assert.Null(ScheduleFrequency.Monthly(15).OnOrAfter(new LocalDate(9999, 12, 16)));
        Assert.Equal(max, ScheduleFrequency.Monthly(31).OnOrAfter(new LocalDate(9999, 12, 16)));
        Assert.Null(ScheduleFrequency.DaysBeforeMonthEnd(2).OnOrAfter(max));
        Assert.Equal(max, ScheduleFrequency.YearEnd.OnOrAfter(new LocalDate(9999, 1, 1)));
        Assert.Equal(max, ScheduleFrequency.Daily.OnOrAfter(max));
    }
}
