using Aria.Billing.Plans.Queue;
using Aria.Billing.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Aria.Billing.Plans.Tests.ReplacePlan.ReplacePlanFixture;

namespace Aria.Billing.Plans.Tests.ReplacePlan;

// spec: replace-acct-plan-m.txt: a request validated against the billing system's facts, loaded in one round trip.
public sealed class ReplacePlanServiceTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 4, 27, 2, 0); // Apr 26 in New York, Apr 27 in UTC

    private readonly InMemoryReplacePlanFactsSource _facts = new InMemoryReplacePlanFactsSource()
        .SetCatalog(Client, Catalog)
        .SetAccount(Client, Account, Context.PlanInstances);

    private readonly InMemoryPlanChangeStore _queue = new();

    [Fact]
    public async Task ValidateAsync_LoadsTheFactsOfTheClientAndValidates()
    {
        var result = await Service().ValidateAsync(Client, Valid);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal((new AccountNumber(42), I(7), P(9)), (result.Value.AccountNumber, result.Value.PlanInstanceNumber, result.Value.NewPlanNumber));
    }

    [Fact]
    public async Task ValidateAsync_ForAnotherClient_NothingOfClient1000IsFound()
    {
        var other = new ClientNumber(2000);

        var result = await Service().ValidateAsync(other, Valid);

        Assert.Equal([1004, 1009, 14004], result.Errors.Select(e => e.Code.Number!.Value)); // client_no, the account, the plan: all client 1000's
    }

    [Fact]
    public async Task ValidateAsync_AnInstanceTheQueueWillAssign_Is14112()
    {
        await _queue.AddAsync(new PlanChange
        {
            Id = Guid.NewGuid(), Client = Client, Account = Account.Number, Instance = I(70), ParentInstance = I(7), PlanKind = PlanKind.Supplemental,
            Kind = PlanChangeKind.Assign, Timing = PlanChangeTiming.Dated, EffectiveDate = new LocalDate(2025, 5, 10), NewPlan = P(21),
            QueuedAt = Now, QueuedBy = "csr-ann",
        });

        var result = await Service().ValidateAsync(Client, Valid with { PlanInstanceNo = "70", NewPlanNo = "22" });

        var error = Assert.Single(result.Errors);
        Assert.Equal(14112, error.Code.Number);
        Assert.Contains("2025-05-10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadContextAsync_TodayIsTheClientsDate_AndTheAccountIsFoundByItsClientId()
    {
        var zones = new ClientTimeZones(new AriaBillingOptions { ClientTimeZones = { ["1000"] = "America/New_York" } }, DateTimeZoneProviders.Tzdb, new FakeClock(Now));
        var service = new ReplacePlanService(new ReplacePlanValidator(new PlansOptions()), _facts, zones, _queue);

        var context = await service.LoadContextAsync(Client, Valid with { AcctNo = null, ClientAcctId = "ACME-42" });

        Assert.Equal(new LocalDate(2025, 4, 26), context.Today);
        Assert.Equal(Account, context.Account);
        Assert.Equal(3, context.PlanInstances.ByNumber.Count);
        Assert.Same(Catalog, context.Catalog);
    }

    [Fact]
    public async Task InMemorySource_UnknownAccountOrClient_HasNoAccount()
    {
        Assert.Null((await _facts.LoadAsync(Client, new ReplacePlanFactsQuery { Account = new AccountNumber(43) })).Account);
        Assert.Null((await _facts.LoadAsync(new ClientNumber(2000), ReplacePlanFactsQuery.For(Valid))).Account);
        Assert.True(_facts.RemoveAccount(Client, Account.Number));
        Assert.Null((await _facts.LoadAsync(Client, ReplacePlanFactsQuery.For(Valid))).Account);
    }

    [Fact]
    public void Query_NamesTheRequestsWellFormedKeys()
    {
        var request = Valid with
        {
            ClientAcctId = " ACME-42 ", AltRateScheduleNo = "901", Surcharges = [new("31", "311"), new("x")], PromoCd = "~",
            CustomRates = [new() { ServiceNo = "100" }, new() { ClientServiceId = "svc-recurring" }], CouponCodes = ["WELCOME", "WELCOME", " "],
            PlanInstanceFields = [new("1", "color", "red")], SvcLocationNo = "-4", AltClientAcctGroupId = "east",
        };

        var query = ReplacePlanFactsQuery.For(request);

        Assert.Equal((new AccountNumber(42), "ACME-42", I(7), null as string), (query.Account, query.ClientAccountId, query.Instance, query.PromoCode));
        Assert.Equal([P(9)], query.Plans);
        Assert.Equal([901L, 311L], query.RateSchedules);
        Assert.Equal([31L], query.Surcharges);
        Assert.Equal([100L], query.Services);
        Assert.Equal(["svc-recurring"], query.ClientServiceIds);
        Assert.Equal(["WELCOME"], query.CouponCodes);
        Assert.Equal(["color"], query.PlanInstanceFields);
        Assert.Empty(query.ServiceLocations);
        Assert.Equal("east", query.ClientAccountGroupId);
    }

    [Fact]
    public async Task AddPlans_RegistersTheServiceOverTheHostsSource()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans();
        services.AddSingleton<NodaTime.IClock>(new FakeClock(Now));
        services.AddSingleton<IReplacePlanFactsSource>(_facts);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ReplacePlanService>().ValidateAsync(Client, Valid);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task AddPlans_WithoutASource_SaysWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddAriaBilling().AddPlans();
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ReplacePlanService>());

        Assert.Contains("IReplacePlanFactsSource", ex.Message, StringComparison.Ordinal);
    }

    private ReplacePlanService Service() =>
        new(new ReplacePlanValidator(new PlansOptions()), _facts, new ClientTimeZones(new AriaBillingOptions(), DateTimeZoneProviders.Tzdb, new FakeClock(Now)), _queue);
}
