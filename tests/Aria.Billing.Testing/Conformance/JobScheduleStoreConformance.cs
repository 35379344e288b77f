using Aria.Billing.Testing.Skipping;
using NodaTime;
using Xunit;
using Aria.Billing.Jobs;

namespace Aria.Billing.Testing.Conformance;

/// <summary>The semantics every <see cref="IJobScheduleStore"/> shares, written once against the contract.</summary>
public abstract class JobScheduleStoreConformance
{
    private static readonly ClientNumber Client = new(1000);
    private static readonly Instant Now = Instant.FromUtc(2025, 4, 27, 1, 0);

    /// <summary>A new, empty store.</summary>
    protected abstract IJobScheduleStore CreateStore();

    /// <summary>A definition: daily billing unless another frequency or other jobs are given.</summary>
    public static ScheduleDefinition Definition(string name, ScheduleFrequency? frequency = null, ClientNumber? client = null, params string[] jobTypes) => new()
    {
        Client = client ?? Client, Name = name, Frequency = frequency ?? ScheduleFrequency.Daily, Time = new LocalTime(4, 0),
        Jobs = [.. (jobTypes.Length == 0 ? [JobTypes.UsageRating, JobTypes.Billing] : jobTypes).Select(t => new JobDefinition(t, t))],
    };

    private static StoredSchedule Stored(ScheduleDefinition definition, string by = "ops") => new(definition, Now, by);

    /// <summary>Save adds or replaces per client and name; list is by name; delete says whether there was one.</summary>
    [StoreFact]
    public async Task Save_Get_List_Delete()
    {
        var store = CreateStore();

        Assert.Equal(ScheduleStoreOutcome.Saved, await store.SaveAsync(Stored(Definition("daily"))));
        await store.SaveAsync(new StoredSchedule(Definition("daily") with { Time = new LocalTime(5, 30) }, Now.Plus(Duration.FromMinutes(1)), "ann"));
        await store.SaveAsync(Stored(Definition("a-month-end", ScheduleFrequency.MonthEnd)));
        await store.SaveAsync(Stored(Definition("daily", client: new ClientNumber(2000)), "x"));

        var daily = (await store.GetAsync(Client, "daily"))!;
        Assert.Equal((new LocalTime(5, 30), Now.Plus(Duration.FromMinutes(1)), "ann"), (daily.Definition.Time, daily.SavedAt, daily.SavedBy));
        Assert.Equal(["a-month-end", "daily"], (await store.ListAsync(Client)).Select(s => s.Name));
        Assert.Equal([(1000L, "a-month-end"), (1000L, "daily"), (2000L, "daily")], (await store.ListAllAsync()).Select(s => (s.Client.Value, s.Name)));
        Assert.Null(await store.GetAsync(Client, "DAILY"));
        Assert.Equal(ScheduleStoreOutcome.Deleted, await store.DeleteAsync(Client, "daily"));
        Assert.Equal(ScheduleStoreOutcome.NotFound, await store.DeleteAsync(Client, "daily"));
        Assert.Null(await store.GetAsync(Client, "daily"));
        Assert.Equal("x", (await store.GetAsync(new ClientNumber(2000), "daily"))!.SavedBy);
    }

    /// <summary>Every part of a definition comes back as saved.</summary>
    [StoreFact]
    public async Task Save_TypedDefinition_RoundTrips()
    {
        var store = CreateStore();
        var definition = Definition("weekly", ScheduleFrequency.Weekly(IsoDayOfWeek.Friday), null, JobTypes.Billing, JobTypes.Rerating) with
        {
            Time = new LocalTime(23, 45), TimeZoneId = "America/Denver",
            ExceptionWindows = [new ExceptionWindow(Instant.FromUtc(2025, 5, 2, 0, 0), Instant.FromUtc(2025, 5, 3, 6, 0))],
        };
        await store.SaveAsync(Stored(definition));
        await store.SaveAsync(Stored(Definition("before-end", ScheduleFrequency.DaysBeforeMonthEnd(3))));

        var back = (await store.GetAsync(Client, "weekly"))!.Definition;
        Assert.Equal(definition.ToJson(), back.ToJson());
        Assert.Equal((ScheduleFrequency.Weekly(IsoDayOfWeek.Friday), "America/Denver"), (back.Frequency, back.TimeZoneId));
        Assert.Equal(definition.ExceptionWindows, back.ExceptionWindows);
        Assert.Equal(ScheduleFrequency.DaysBeforeMonthEnd(3), (await store.GetAsync(Client, "before-end"))!.Definition.Frequency);
    }

    /// <summary>
    /// Kept daily billing: neither a delete nor a replacement by a schedule that is not daily billing may leave the client
    /// without one (job-schedule-management.txt); without the flag the store writes as asked.
    /// </summary>
    [StoreFact]
    public async Task KeepDailyBilling_TheLastOneIsNeitherDeletedNorReplaced()
    {
        var store = CreateStore();
        await store.SaveAsync(Stored(Definition("daily")));
        await store.SaveAsync(Stored(Definition("month-end", ScheduleFrequency.MonthEnd)));

        Assert.Equal(ScheduleStoreOutcome.LastDailyBilling, await store.DeleteAsync(Client, "daily", keepDailyBilling: true));
        Assert.Equal(ScheduleStoreOutcome.LastDailyBilling, await store.SaveAsync(Stored(Definition("daily", null, null, JobTypes.UsageRating)), keepDailyBilling: true));
        Assert.True((await store.GetAsync(Client, "daily"))!.Definition.IsDailyBilling);
        Assert.Equal(ScheduleStoreOutcome.Deleted, await store.DeleteAsync(Client, "month-end", keepDailyBilling: true));

        await store.SaveAsync(Stored(Definition("daily-2")));
        Assert.Equal(ScheduleStoreOutcome.Deleted, await store.DeleteAsync(Client, "daily", keepDailyBilling: true));
        Assert.Equal(ScheduleStoreOutcome.LastDailyBilling, await store.DeleteAsync(Client, "daily-2", keepDailyBilling: true));
        Assert.Equal(ScheduleStoreOutcome.Deleted, await store.DeleteAsync(Client, "daily-2"));
    }

    /// <summary>Two writers removing the last two daily billing schedules at once: one is refused, whatever the timing.</summary>
    [StoreFact]
    public async Task KeepDailyBilling_ConcurrentDeletesOfTheLastTwo_LeaveOne()
    {
        var store = CreateStore();
        for (var round = 0; round < 20; round++)
        {
            var client = new ClientNumber(5000 + round);
            await store.SaveAsync(Stored(Definition("a", client: client)));
            await store.SaveAsync(Stored(Definition("b", client: client)));

            var outcomes = await Task.WhenAll(
                Task.Run(() => store.DeleteAsync(client, "a", keepDailyBilling: true)),
                Task.Run(() => store.SaveAsync(Stored(Definition("b", client: client, jobTypes: JobTypes.UsageRating)), keepDailyBilling: true)));

            Assert.Contains(ScheduleStoreOutcome.LastDailyBilling, outcomes);
            Assert.Single(await store.ListAsync(client), s => s.Definition.IsDailyBilling);
        }
    }
}
