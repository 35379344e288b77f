using Aria.Billing.Jobs;
using Aria.Billing.Jobs.Tests.Runs;
using Aria.Billing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aria.Billing.Jobs.Tests;

public sealed class AddJobsTests
{
    [Fact]
    public async Task AddJobs_WiresTheRunnerWithTheRegisteredHandlers_AndRegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddJobs().AddJobHandler<RunFixture.ScriptedHandler>(JobTypes.UsageRating)
            .AddJobHandler<RunFixture.ScriptedHandler>(JobTypes.SyncTransactions).AddJobHandler<RunFixture.ScriptedHandler>(JobTypes.Billing);
        var count = services.Count;
        services.AddAriaBilling().AddJobs();
        Assert.Equal(count, services.Count);

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var runner = provider.GetRequiredService<JobRunner>();
        var run = await runner.CreateRunAsync(RunFixture.Daily, new LocalDate(2025, 4, 27));

        Assert.Equal(BatchStatus.Ok, (await runner.ExecuteAsync(RunFixture.Client, run.Id)).Value.Status);
    }

    [Fact]
    public void ValidateOnStart_NoWorkers_FailsNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddJobs(o => o.Workers = 0);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["AriaBilling:Jobs:Workers is 0; it should be in range [1-64]."], ex.Failures);
    }

    /// <summary>The runner's options bind from AriaBilling:Jobs; the runner built without DI refuses a bad value with the same words.</summary>
    [Fact]
    public void AddJobs_Configuration_BindsTheRunnerOptions_AndTheConstructorUsesTheSameRules()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AriaBilling:Jobs:Workers"] = "2",
            ["AriaBilling:Jobs:Lease"] = "00:00:45",
        }).Build();
        var services = new ServiceCollection();
        services.AddAriaBilling().AddJobs(configuration.GetSection(JobRunnerOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<JobRunnerOptions>>().Value;
        Assert.Equal((2, TimeSpan.FromSeconds(45)), (options.Workers, options.Lease));
        var error = Assert.Throws<ArgumentException>(() => new JobRunner(
            new InMemoryJobRunStore(), new Dictionary<string, IJobHandler>(), new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)),
            new JobRunnerOptions { Lease = TimeSpan.Zero }));
        Assert.StartsWith("AriaBilling:Jobs:Lease is 00:00:00; it should be in range [00:00:01-1.00:00:00].", error.Message, StringComparison.Ordinal);
    }

    /// <summary>AddJobs registers the schedule driver as a hosted service: started, it runs a pass at once and starts the due run.</summary>
    [Fact]
    public async Task AddJobs_RegistersTheDriver_WhichStartsTheDueRunWhenTheHostStarts()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 4, 27, 4, 1));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddAriaBilling().AddJobs().AddJobHandler<RunFixture.ScriptedHandler>(JobTypes.Billing);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IJobScheduleStore>().SaveAsync(TestSchedules.Stored(RunFixture.Client, "daily",
            """{"frequency":"daily","time":"04:00","time_zone":"UTC","jobs":[{"name":"Billing","job_type":"billing"}]}""", Instant.FromUtc(2025, 4, 27, 0, 0), "ops"));
        var hosted = Assert.Single(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>());

        await hosted.StartAsync(default);
        IReadOnlyList<ScheduleRun> runs = [];
        for (var i = 0; i < 200 && runs.Count == 0; i++)
        {
            await Task.Delay(25);
            runs = await provider.GetRequiredService<IJobRunStore>().SearchRunsAsync(new RunSearch(RunFixture.Client, new LocalDate(2025, 4, 27), new LocalDate(2025, 4, 27)));
        }

        await hosted.StopAsync(default);
        Assert.Equal(Instant.FromUtc(2025, 4, 27, 4, 0), Assert.Single(runs).ScheduledAt);
    }
}
