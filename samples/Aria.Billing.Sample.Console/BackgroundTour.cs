using Aria.Billing.Jobs;
using Aria.Billing.Plans;
using Aria.Billing.Plans.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Aria.Billing.Sample;

/// <summary>
/// The packages run by themselves: a small in-memory host whose clock the tour moves forward, so that a schedule fires at
/// its time and a dated plan change applies on its date without the tour calling anything.
/// </summary>
internal static class BackgroundTour
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<bool> RunAsync(TextWriter output)
    {
        var clock = new SteppedClock(Instant.FromUtc(2025, 4, 27, 3, 58));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IClock>(clock);
        builder.Services.AddAriaBilling().AddPlans().AddJobs().AddJobHandler<InvoiceEveryAccount>(JobTypes.Billing);
        builder.Services.Configure<ScheduleDriverOptions>(o => o.Interval = TimeSpan.FromSeconds(1));
        builder.Services.Configure<PlanChangeQueueOptions>(o => o.ProcessDueEvery = TimeSpan.FromSeconds(1));
        var billing = new SampleBillingSystem();
        builder.Services.AddSingleton<IPlanInstanceDirectory>(billing);
        builder.Services.AddSingleton<IPlanChangeApplier>(billing);
        using var host = builder.Build();
        var client = new ClientNumber(1000);
        billing.Add(new PlanInstanceSnapshot { Instance = new PlanInstanceNumber(1), PlanKind = PlanKind.Master, ActiveFrom = new LocalDate(2025, 1, 15) });

        output.WriteLine("7. Running by themselves — a host with the packages' background duties, its clock moved forward by the tour");
        await host.Services.GetRequiredService<JobScheduleRegistry>().SaveAsync(new ScheduleDefinition
        {
            Client = client, Name = "daily", Frequency = ScheduleFrequency.Daily, Time = new LocalTime(4, 0), TimeZoneId = "UTC",
            Jobs = [new JobDefinition("Billing", JobTypes.Billing)],
        }, "ops");
        var change = (await host.Services.GetRequiredService<PlanChangeQueue>().QueueAsync(new QueuePlanChangeRequest
        {
            Client = client, Account = new AccountNumber(42), Instance = new PlanInstanceNumber(1), Kind = PlanChangeKind.Units, PlanKind = PlanKind.Master,
            Timing = PlanChangeTiming.Dated, EffectiveDate = new LocalDate(2025, 4, 28), Units = 7,
        }, "csr")).Value;
        output.WriteLine("   saved a daily 04:00 UTC billing schedule and queued 7 units on instance 1 for 2025-04-28; it is 2025-04-27 03:58 UTC");
        await host.StartAsync();

        clock.Set(Instant.FromUtc(2025, 4, 27, 4, 1));
        var runs = host.Services.GetRequiredService<IJobRunStore>();
        var run = await UntilAsync(async () => (await runs.SearchRunsAsync(new RunSearch(client, new LocalDate(2025, 4, 27), new LocalDate(2025, 4, 27))))
            .FirstOrDefault(r => r.Status is not (BatchStatus.New or BatchStatus.Running)));
        output.WriteLine(run is null
            ? "   04:01: the schedule did not fire"
            : $"   04:01: the schedule fired by itself — run of {run.RunDate:uuuu-MM-dd} {run.Status}, meant for {run.ScheduledAt:HH:mm} UTC, {(run.CaughtUp ? "caught up" : "on time")}");

        clock.Set(Instant.FromUtc(2025, 4, 28, 0, 30));
        var store = host.Services.GetRequiredService<IPlanChangeStore>();
        var applied = await UntilAsync(async () => await store.GetAsync(client, change.Id) is { State: PlanChangeState.Executed } done ? done : null);
        output.WriteLine(applied is null
            ? "   2025-04-28: the dated change was not applied"
            : $"   2025-04-28 00:30: the dated change applied by itself — {applied.Units} units on instance {applied.Instance}, executed at {applied.ClosedAt:uuuu-MM-dd HH:mm}");
        output.WriteLine();
        await host.StopAsync();
        return run is not null && applied is not null;
    }

    private static async Task<T?> UntilAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < until)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>A billing job that invoices three accounts.</summary>
    private sealed class InvoiceEveryAccount : IJobHandler
    {
        public ValueTask<IReadOnlyList<string>> ProduceWorkItemsAsync(ScheduleRun run, JobRun job, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(["account-41", "account-42", "account-43"]);

        public ValueTask<string?> ProcessAsync(ScheduleRun run, JobRun job, WorkItem item, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<string?>(null);
    }

    /// <summary>A clock the tour moves forward (the background duties read "now" from it).</summary>
    private sealed class SteppedClock(Instant start) : IClock
    {
        private long _ticks = start.ToUnixTimeTicks();

        public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

        public void Set(Instant instant) => Interlocked.Exchange(ref _ticks, instant.ToUnixTimeTicks());
    }
}
