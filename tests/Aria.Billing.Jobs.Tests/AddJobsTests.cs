using Aria.Billing.Jobs;
using Aria.Billing.Jobs.Tests.Runs;
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

        Assert.Contains("Workers", ex.Message, StringComparison.Ordinal);
    }
}
