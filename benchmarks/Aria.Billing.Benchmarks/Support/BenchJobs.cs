using Aria.Billing.Jobs;
using NodaTime;

namespace Aria.Billing.Benchmarks.Support;

/// <summary>The job-runner pieces the work-item benchmarks share: a daily billing schedule and a no-op handler.</summary>
internal static class BenchJobs
{
    /// <summary>A daily schedule of one billing job for <paramref name="client"/>.</summary>
    public static JobSchedule DailyBilling(ClientNumber client) => new()
    {
        Name = "daily", Client = client, Calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(1, 0), DateTimeZone.Utc),
        Jobs = [new JobDefinition("Billing", JobTypes.Billing)],
    };

    /// <summary>A runner whose billing job produces <paramref name="keys"/> and does nothing with each.</summary>
    public static JobRunner Runner(IJobRunStore store, string[] keys, int workers) =>
        new(store, new Dictionary<string, IJobHandler> { [JobTypes.Billing] = new Producing(keys) }, FixedClock.Default,
            new JobRunnerOptions { Workers = workers, WorkerId = "bench" });

    private sealed class Producing(string[] keys) : IJobHandler
    {
        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(keys);

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<string?>(null);
    }
}
