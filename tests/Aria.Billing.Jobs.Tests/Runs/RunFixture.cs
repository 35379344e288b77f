using System.Collections.Concurrent;
using Aria.Billing.Jobs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Runs;

/// <summary>A runner over the in-memory store with scripted handlers: items per job type, failing keys, a failing producer.</summary>
internal sealed class RunFixture
{
    public static readonly ClientNumber Client = new(1000);

    public RunFixture(JobRunnerOptions? options = null)
    {
        Runner = new JobRunner(Store, new Dictionary<string, IJobHandler>
        {
            [JobTypes.UsageRating] = Handler,
            [JobTypes.SyncTransactions] = Handler,
            [JobTypes.Billing] = Handler,
        }, Clock, options ?? new JobRunnerOptions { WorkerId = "node-a", Workers = 2 });
    }

    public FakeClock Clock { get; } = FakeClock.AtUtc(new LocalDate(2025, 4, 27));

    public InMemoryJobRunStore Store { get; } = new();

    public ScriptedHandler Handler { get; } = new();

    public JobRunner Runner { get; }

    public static JobSchedule Daily { get; } = new()
    {
        Name = "daily",
        Client = Client,
        Calendar = new ScheduleCalendar(ScheduleFrequency.Daily, new LocalTime(1, 0), DateTimeZone.Utc),
        Jobs =
        [
            new JobDefinition("Bill Time Usage Rating", JobTypes.UsageRating),
            new JobDefinition("Sync Transactions", JobTypes.SyncTransactions),
            new JobDefinition("Billing", JobTypes.Billing),
        ],
    };

    public sealed class ScriptedHandler : IJobHandler
    {
        public ConcurrentDictionary<string, int> Items { get; } = new() { [JobTypes.UsageRating] = 5, [JobTypes.SyncTransactions] = 0, [JobTypes.Billing] = 4 };

        public ConcurrentDictionary<string, bool> FailingKeys { get; } = new();

        public ConcurrentDictionary<string, bool> FailingProducers { get; } = new();

        public ConcurrentDictionary<string, int> Processed { get; } = new();

        /// <summary>The job index of each item processed, in the order processing started.</summary>
        public ConcurrentQueue<int> Order { get; } = new();

        /// <summary>Whether producing and processing go asynchronous first, so concurrent runners interleave.</summary>
        public bool Yield { get; set; }

        public async ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default)
        {
            if (Yield)
            {
                await Task.Yield();
            }

            if (FailingProducers.ContainsKey(job.JobType))
            {
                throw new InvalidOperationException($"{job.Name}: the rating engine is unreachable");
            }

            return Enumerable.Range(1, Items[job.JobType]).Select(i => $"{job.JobType}-{i}").ToArray();
        }

        public async ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default)
        {
            Order.Enqueue(job.Index);
            if (Yield)
            {
                await Task.Yield();
            }

            Processed.AddOrUpdate(item.Key, 1, (_, n) => n + 1);
            return FailingKeys.ContainsKey(item.Key) ? $"account {item.Key} has no bill-to contact" : null;
        }
    }
}
