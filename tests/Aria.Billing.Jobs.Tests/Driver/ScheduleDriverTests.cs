using Aria.Billing.Jobs.Tests.Runs;
using Aria.Billing.Testing;

namespace Aria.Billing.Jobs.Tests.Driver;

// spec: job-schedule-management.txt, "Job schedules are executed manually or automatically" — the driver starts each stored
// schedule's runs at their time, catches up the dates a downtime missed, and continues what a crash left.
public sealed class ScheduleDriverTests
{
    private const string DailyDefinition =
        """{"frequency":"daily","time":"04:00","time_zone":"UTC","jobs":[{"name":"Usage Rating","job_type":"usage-rating"},{"name":"Billing","job_type":"billing"}]}""";

    private readonly RunFixture _f = new();
    private readonly InMemoryJobScheduleStore _schedules = new();
    private readonly ClientTimeZones _clients;

    public ScheduleDriverTests() =>
        _clients = new ClientTimeZones(new AriaBillingOptions { ClientTimeZones = { ["1000"] = "Asia/Tokyo" } }, DateTimeZoneProviders.Tzdb, _f.Clock);

    private ScheduleDriver Driver(ScheduleDriverOptions? options = null, JobRunner? runner = null) =>
        new(_schedules, _f.Store, runner ?? _f.Runner, _f.Clock, DateTimeZoneProviders.Tzdb, _clients, options ?? new ScheduleDriverOptions());

    private Task SaveAsync(string name, string definition, Instant? savedAt = null) =>
        _schedules.SaveAsync(TestSchedules.Stored(RunFixture.Client, name, definition, savedAt ?? Instant.FromUtc(2025, 1, 1, 0, 0), "ops"));

    private async Task<IReadOnlyList<ScheduleRun>> RunsAsync(string schedule = "daily") =>
        [.. (await _f.Store.SearchRunsAsync(new RunSearch(RunFixture.Client, new LocalDate(2000, 1, 1), new LocalDate(2100, 1, 1)))).Where(r => r.Schedule == schedule).OrderBy(r => r.RunDate)];

    [Fact]
    public async Task RunOnce_BeforeAndAtTheExecutionTime_StartsTheRunOnTime_AndExecutesIt()
    {
        await SaveAsync("daily", DailyDefinition);
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 3, 59));
        Assert.Empty(await Driver(new ScheduleDriverOptions { CatchUpWindow = TimeSpan.FromHours(1) }).RunOnceAsync(default)); // today's time has not come
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 4, 1));

        var started = await Driver(new ScheduleDriverOptions { CatchUpWindow = TimeSpan.FromHours(1) }).RunOnceAsync(default);

        var run = Assert.Single(started);
        Assert.Equal((new LocalDate(2025, 4, 27), Instant.FromUtc(2025, 4, 27, 4, 0), false, "schedule"), (run.RunDate, run.ScheduledAt, run.CaughtUp, run.StartedBy));
        Assert.Equal(BatchStatus.Ok, (await _f.Store.GetRunAsync(RunFixture.Client, run.Id))!.Status);
    }

    [Fact]
    public async Task RunOnce_AfterDowntime_CatchesUpEveryMissedDate_OldestFirst_Once()
    {
        await SaveAsync("daily", DailyDefinition, Instant.FromUtc(2025, 4, 20, 0, 0));
        _f.Clock.Set(Instant.FromUtc(2025, 4, 20, 4, 2));
        await Driver(new ScheduleDriverOptions { CatchUpWindow = TimeSpan.FromHours(1) }).RunOnceAsync(default);
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 4, 3)); // down from Apr 20 to Apr 27

        var started = await Driver().RunOnceAsync(default);
        var again = await Driver().RunOnceAsync(default);

        Assert.Equal(Enumerable.Range(21, 7).Select(d => new LocalDate(2025, 4, d)), started.Select(r => r.RunDate));
        Assert.All(started.Take(6), r => Assert.True(r.CaughtUp));
        Assert.False(started[^1].CaughtUp); // 3 minutes late is on time (tolerance 5 minutes)
        Assert.Empty(again);
        var runs = await RunsAsync();
        Assert.Equal(Enumerable.Range(20, 8).Select(d => new LocalDate(2025, 4, d)), runs.Select(r => r.RunDate));
        Assert.All(runs, r => Assert.Equal(BatchStatus.Ok, r.Status));
    }

    [Fact]
    public async Task RunOnce_ScheduleSavedToday_DoesNotBackFillThePast()
    {
        await SaveAsync("daily", DailyDefinition, Instant.FromUtc(2025, 4, 27, 3, 0));
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 4, 0));

        var started = await Driver().RunOnceAsync(default);

        Assert.Equal([new LocalDate(2025, 4, 27)], started.Select(r => r.RunDate));
    }

    /// <summary>A definition without time_zone runs in its client's zone: 04:00 in Tokyo is 19:00 UTC the day before.</summary>
    [Fact]
    public async Task RunOnce_NoTimeZoneInTheDefinition_RunsInTheClientsZone()
    {
        await SaveAsync("daily", DailyDefinition.Replace(",\"time_zone\":\"UTC\"", "", StringComparison.Ordinal), Instant.FromUtc(2025, 4, 26, 0, 0));
        _f.Clock.Set(Instant.FromUtc(2025, 4, 26, 19, 1));

        var started = await Driver().RunOnceAsync(default);

        Assert.Equal((new LocalDate(2025, 4, 27), Instant.FromUtc(2025, 4, 26, 19, 0)), (Assert.Single(started).RunDate, started[0].ScheduledAt!.Value));
    }

    [Fact]
    public async Task RunOnce_LatestOnly_RunsOnlyTheLatestMissedDate()
    {
        await SaveAsync("daily", DailyDefinition);
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 5, 0));

        var started = await Driver(new ScheduleDriverOptions { MissedRuns = MissedRuns.LatestOnly, CatchUpWindow = TimeSpan.FromDays(10) }).RunOnceAsync(default);

        Assert.Equal([new LocalDate(2025, 4, 27)], started.Select(r => r.RunDate));
    }

    /// <summary>spec: job-schedule-management.txt — a month-end schedule: a downtime over February's end still runs Feb 28.</summary>
    [Fact]
    public async Task RunOnce_MonthEndMissedOverFebruary_RunsFebruary28()
    {
        await SaveAsync("month-end", DailyDefinition.Replace("\"daily\"", "\"month_end\"", StringComparison.Ordinal));
        _f.Clock.Set(Instant.FromUtc(2025, 3, 2, 0, 0));

        var started = await Driver().RunOnceAsync(default);

        Assert.Equal([new LocalDate(2025, 1, 31), new LocalDate(2025, 2, 28)], started.Select(r => r.RunDate));
    }

    [Fact]
    public async Task RunOnce_TwoNodesAtOnce_EachRunDateExactlyOnce()
    {
        await SaveAsync("daily", DailyDefinition);
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 4, 30));
        var other = new JobRunner(_f.Store, new Dictionary<string, IJobHandler> { [JobTypes.UsageRating] = _f.Handler, [JobTypes.Billing] = _f.Handler }, _f.Clock,
            new JobRunnerOptions { WorkerId = "node-b" });

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Driver(runner: i % 2 == 0 ? _f.Runner : other).RunOnceAsync(default))));

        var started = passes.SelectMany(p => p).ToArray();
        Assert.Equal(started.Length, started.Select(r => r.RunDate).Distinct().Count());
        var runs = await RunsAsync();
        Assert.Equal(36, runs.Count); // Mar 23 … Apr 27: the 35-day window and today
        Assert.Equal(runs.Select(r => r.Id).Order(), started.Select(r => r.Id).Order());
        Assert.All(runs, r => Assert.True(r.Status == BatchStatus.Ok, string.Join("; ", r.Jobs.Select(j => $"{j.Name} {j.Status} {j.Error}"))));
    }

    [Fact]
    public async Task RunOnce_RunLeftNewYearsAgo_IsContinued_WhateverItsDate()
    {
        var left = await _f.Runner.CreateRunAsync(RunFixture.Daily, new LocalDate(2019, 1, 31));
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 0, 0));

        await Driver().RunOnceAsync(default);

        Assert.Equal(BatchStatus.Ok, (await _f.Store.GetRunAsync(RunFixture.Client, left.Id))!.Status);
    }

    [Fact]
    public async Task RunOnce_ManualOnlyOrInAnUnknownZone_StartsNothing_AndTheOthersStillRun()
    {
        await SaveAsync("manual", DailyDefinition.Replace("\"daily\"", "\"manual_only\"", StringComparison.Ordinal));
        await SaveAsync("elsewhere", DailyDefinition.Replace("\"UTC\"", "\"Mars/Olympus_Mons\"", StringComparison.Ordinal));
        await SaveAsync("daily", DailyDefinition);
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 4, 0));

        var started = await Driver(new ScheduleDriverOptions { CatchUpWindow = TimeSpan.Zero }).RunOnceAsync(default);

        Assert.Equal(["daily"], started.Select(r => r.Schedule));
    }

    [Fact]
    public async Task RunOnce_Disabled_StartsNothing_ButRecoveryStillContinues()
    {
        await SaveAsync("daily", DailyDefinition);
        var left = await _f.Runner.CreateRunAsync(RunFixture.Daily, new LocalDate(2025, 4, 1));
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 5, 0));

        Assert.Empty(await Driver(new ScheduleDriverOptions { Enabled = false }).RunOnceAsync(default));

        Assert.Single(await RunsAsync());
        Assert.Equal(BatchStatus.Ok, (await _f.Store.GetRunAsync(RunFixture.Client, left.Id))!.Status);
    }

    [Fact]
    public async Task RunOnce_AHeldRun_IsLeftForItsExecute_ThenRecoveredOnceItHasBegun()
    {
        // spec: job-schedule-management.txt — an operator may create a schedule's run for a date and run it later; recovery
        // continues what was started, not what waits for the operator.
        await SaveAsync("daily", DailyDefinition);
        var held = await _f.Runner.CreateHeldRunAsync(RunFixture.Daily, new LocalDate(2025, 4, 1), "ops");
        _f.Clock.Set(Instant.FromUtc(2025, 4, 27, 5, 0));

        await Driver(new ScheduleDriverOptions { Enabled = false }).RunOnceAsync(default);

        var waiting = (await _f.Store.GetRunAsync(RunFixture.Client, held.Id))!;
        Assert.True(waiting.IsHeld);
        Assert.Equal(BatchStatus.New, waiting.Status);
        Assert.Equal("held:ops", waiting.StartedBy);
        Assert.Equal(BatchStatus.Ok, (await _f.Runner.ExecuteAsync(RunFixture.Client, held.Id)).Value.Status);
        Assert.False((await _f.Store.GetRunAsync(RunFixture.Client, held.Id))!.IsHeld);
    }

    [Fact]
    public void Constructor_BadOptions_NamesTheKeyAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => Driver(new ScheduleDriverOptions { Interval = TimeSpan.Zero }));

        Assert.StartsWith("AriaBilling:Jobs:Driver:Interval is 00:00:00; it should be in range [00:00:01-01:00:00].", error.Message, StringComparison.Ordinal);
    }
}
