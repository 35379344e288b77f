using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aria.Billing.Plans.Tests.DependencyInjection;

public sealed class AddPlansTests
{
    [Fact]
    public void AddPlans_Twice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddAriaBilling().AddPlans();
        var twice = new ServiceCollection();
        twice.AddAriaBilling().AddPlans();
        twice.AddAriaBilling().AddPlans();

        Assert.Equal(once.Count, twice.Count);
    }

    [Fact]
    public void AddPlans_EnginesUseTheConfiguredClientSettingsAndRounding()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling(o => o.MidpointRounding = MidpointRounding.ToEven).AddPlans(o => o.ProrateMidPeriodChanges = false);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var calculator = provider.GetRequiredService<ProrationCalculator>();
        var request = new ProrationRequest
        {
            Cycle = BillingCycle.Monthly(15),
            OldRatePerUnit = Money.Of(0.05m, Currency.USD),
            OldUnits = 1,
            NewRatePerUnit = Money.Of(0.05m, Currency.USD),
            NewUnits = 1,
            EffectiveDate = new LocalDate(2025, 4, 30),
        };

        Assert.Equal(ProrationPolicy.None, calculator.Quote(request with { Policy = ProrationPolicy.ClientRule }).Value.Policy);
        Assert.Equal(0.02m, calculator.Quote(request with { Policy = ProrationPolicy.Full }).Value.Credit.Amount.Amount);
        Assert.Same(calculator, provider.GetRequiredService<ProrationCalculator>());
        Assert.NotNull(provider.GetRequiredService<ReplacePlanValidator>());
    }

    [Fact]
    public void ValidateOnStart_BadDefaultDirective_FailsNamingTheValue()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans(o => o.DefaultAssignmentDirective = 12);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'12'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_BadQueueBatchSize_FailsNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans();
        services.Configure<Aria.Billing.Plans.Queue.PlanChangeQueueOptions>(o => o.BatchSize = 0);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("BatchSize", ex.Message, StringComparison.Ordinal);
    }
}
