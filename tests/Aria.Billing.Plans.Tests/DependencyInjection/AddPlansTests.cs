using Aria.Billing.Testing;
using Microsoft.Extensions.Configuration;
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

        Assert.Equal(["AriaBilling:Plans:DefaultAssignmentDirective is 12; it should be in range [1-11]."], ex.Failures);
    }

    /// <summary>spec: replace-acct-plan-m.txt, bill_lag_days: the client default is bounded as any value, by the shortest (monthly) period.</summary>
    [Theory]
    [InlineData(28, false, "AriaBilling:Plans:ClientBillLagDays is 28; it should be in range [-27-27]")]
    [InlineData(-28, false, "AriaBilling:Plans:ClientBillLagDays is -28; it should be in range [-27-27]")]
    [InlineData(28, true, "AriaBilling:Plans:ClientBillLagDays is 28; it should be at most 27")]
    public void ValidateOnStart_ClientBillLagDaysOutOfBounds_FailsNamingTheValue(int days, bool negativeBeyondOneCycle, string expected)
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans(o => (o.ClientBillLagDays, o.AllowNegativeBillLagBeyondOneCycle) = (days, negativeBeyondOneCycle));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith(expected, Assert.Single(ex.Failures), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BillLagCalculator(new PlansOptions { ClientBillLagDays = days, AllowNegativeBillLagBeyondOneCycle = negativeBeyondOneCycle }));
    }

    [Theory]
    [InlineData(27, false)]
    [InlineData(-27, false)]
    [InlineData(-400, true)]
    public void ValidateOnStart_ClientBillLagDaysWithinBounds_Starts(int days, bool negativeBeyondOneCycle)
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans(o => (o.ClientBillLagDays, o.AllowNegativeBillLagBeyondOneCycle) = (days, negativeBeyondOneCycle));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(days, provider.GetRequiredService<BillLagCalculator>().Resolve(default).Days);
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

    /// <summary>One declaration of each rule: the host at start and the queue's constructor refuse with the same words.</summary>
    [Fact]
    public void QueueOptions_SameRule_InDiAndInTheConstructor()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans();
        services.Configure<Aria.Billing.Plans.Queue.PlanChangeQueueOptions>(o => o.BatchSize = 50_000);
        using var provider = services.BuildServiceProvider();

        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var inConstructor = Assert.Throws<ArgumentException>(() => new Aria.Billing.Plans.Queue.PlanChangeQueue(
            new Aria.Billing.Plans.Queue.InMemoryPlanChangeStore(), new Queue.QueueFixture.FakeDirectory(), new Queue.QueueFixture.RecordingApplier(), new FakeClock(Instant.FromUtc(2025, 4, 27, 0, 0)), DateTimeZone.Utc,
            new Aria.Billing.Plans.Queue.PlanChangeQueueOptions { BatchSize = 50_000 }));

        const string Expected = "AriaBilling:Plans:Queue:BatchSize is 50000; it should be in range [1-10000].";
        Assert.Equal([Expected], atStart.Failures);
        Assert.StartsWith(Expected, inConstructor.Message, StringComparison.Ordinal);
    }

    /// <summary>The queue's options bind from the Queue section under the plans section, its ordering and lease included.</summary>
    [Fact]
    public void AddPlans_Configuration_BindsTheQueueSection()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AriaBilling:Plans:DefaultAssignmentDirective"] = "3",
            ["AriaBilling:Plans:Queue:Ordering"] = "LatestWins",
            ["AriaBilling:Plans:Queue:ClaimLease"] = "00:00:30",
            ["AriaBilling:Plans:Queue:BatchSize"] = "7",
        }).Build();
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans(configuration.GetSection(PlansOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var queue = provider.GetRequiredService<IOptions<Aria.Billing.Plans.Queue.PlanChangeQueueOptions>>().Value;
        Assert.Equal((Aria.Billing.Plans.Queue.QueueOrdering.LatestWins, TimeSpan.FromSeconds(30), 7), (queue.Ordering, queue.ClaimLease, queue.BatchSize));
        Assert.Equal(3, provider.GetRequiredService<IOptions<PlansOptions>>().Value.DefaultAssignmentDirective);
        Assert.Equal("AriaBilling:Plans:Queue", Aria.Billing.Plans.Queue.PlanChangeQueueOptions.SectionName);
    }
}
