using Aria.Billing.Jobs;
using Aria.Billing.Jobs.Tests.Runs;
using Aria.Billing.Testing;
using Aria.Billing.Testing.Conformance;

namespace Aria.Billing.Jobs.Tests.Definitions;

// spec: job-schedule-management.txt — several schedules per client; a client of the rating engine always has a daily billing
// schedule; the recommended daily order is rating → sync transactions → billing.
public sealed class JobScheduleRegistryTests
{
    private static readonly ClientNumber Client = RunFixture.Client;
    private readonly InMemoryJobScheduleStore _store = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2025, 4, 27, 1, 0));

    private JobScheduleRegistry Registry(JobRunnerOptions? options = null) => new(_store, _clock, DateTimeZoneProviders.Tzdb, options: options);

    private static ScheduleDefinition Daily(string name = "daily") =>
        JobScheduleStoreConformance.Definition(name, null, Client, JobTypes.UsageRating, JobTypes.SyncTransactions, JobTypes.Billing);

    private static ScheduleDefinition MonthEnd() => JobScheduleStoreConformance.Definition("month-end", ScheduleFrequency.MonthEnd, Client, JobTypes.Billing);

    [Fact]
    public async Task Remove_TheLastDailyBillingSchedule_IsRefused()
    {
        var registry = Registry();
        await registry.SaveAsync(Daily(), "ops");
        await registry.SaveAsync(MonthEnd(), "ops");

        Assert.True((await registry.RemoveAsync(Client, "daily")).HasError(JobErrorCodes.LastDailyBillingSchedule));
        Assert.True((await registry.RemoveAsync(Client, "month-end")).IsSuccess);
        Assert.True((await registry.SaveAsync(Daily() with { Jobs = [new JobDefinition("Rating", JobTypes.UsageRating)] }, "ops")).HasError(JobErrorCodes.LastDailyBillingSchedule));

        await registry.SaveAsync(Daily("daily-2"), "ops");
        Assert.True((await registry.RemoveAsync(Client, "daily")).IsSuccess);
        Assert.Equal(["daily-2"], (await registry.ListAsync(Client)).Select(s => s.Name));
        Assert.True((await registry.RemoveAsync(Client, "nope")).HasError(JobErrorCodes.ScheduleNotFound));
    }

    [Fact]
    public async Task Remove_ByAnotherNodesRegistry_SeesTheSameSchedules()
    {
        // Two nodes, one store: the rule holds against what every node defined, not one node's memory.
        await Registry().SaveAsync(Daily(), "node-a");
        Assert.True((await Registry().RemoveAsync(Client, "daily")).HasError(JobErrorCodes.LastDailyBillingSchedule));
        Assert.Equal(ScheduleStoreOutcome.LastDailyBilling, await _store.DeleteAsync(Client, "daily", keepDailyBilling: true));
    }

    [Fact]
    public async Task Remove_ForAClientNotFlaggedForTheRatingEngine_IsAllowed()
    {
        var options = new JobRunnerOptions { EveryClientUsesRatingEngine = false, RatingEngineClients = [2000] };
        await Registry(options).SaveAsync(Daily(), "ops");
        Assert.True((await Registry(options).RemoveAsync(Client, "daily")).IsSuccess);

        var flagged = Daily() with { Client = new ClientNumber(2000) };
        await Registry(options).SaveAsync(flagged, "ops");
        Assert.True((await Registry(options).RemoveAsync(flagged.Client, "daily")).HasError(JobErrorCodes.LastDailyBillingSchedule));
    }

    [Fact]
    public async Task Save_ADifferentDailyOrder_GetsAWarning()
    {
        var registry = Registry();
        var reversed = Daily() with { Jobs = [.. Daily().Jobs.Reverse()] };

        var saved = await registry.SaveAsync(reversed, "ops");

        Assert.True(saved.IsSuccess);
        Assert.Equal(JobWarningCodes.NotRecommendedOrder, Assert.Single(saved.Warnings).Code);
        Assert.Empty((await registry.SaveAsync(Daily(), "ops")).Warnings);
        Assert.True((await registry.SaveAsync(Daily() with { Jobs = [] }, "ops")).HasError(JobErrorCodes.InvalidSchedule));
        Assert.True((await registry.SaveAsync(Daily() with { TimeZoneId = "Mars/Olympus_Mons" }, "ops")).HasError(JobErrorCodes.InvalidSchedule));
    }

    [Fact]
    public async Task Resolve_WithoutAZone_RunsInTheClientsZone()
    {
        var zones = new ClientTimeZones(new AriaBillingOptions { ClientTimeZones = { ["1000"] = "Asia/Tokyo" } }, DateTimeZoneProviders.Tzdb, _clock);
        var registry = new JobScheduleRegistry(_store, _clock, DateTimeZoneProviders.Tzdb, zones);
        await registry.SaveAsync(Daily(), "ops");
        await registry.SaveAsync(Daily("denver") with { TimeZoneId = "America/Denver" }, "ops");

        Assert.Equal("Asia/Tokyo", (await registry.ResolveAsync(Client, "daily"))!.Calendar.Zone.Id);
        Assert.Equal("America/Denver", (await registry.ResolveAsync(Client, "denver"))!.Calendar.Zone.Id);
        Assert.Null(await registry.ResolveAsync(Client, "nope"));
    }
}
