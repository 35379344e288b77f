namespace Aria.Billing.Plans.Tests.ReplacePlan;

/// <summary>
/// One client's billing system for the replace-plan tests: account 42 (ACME-42, USD) with master plan instance 7 (mpi-7,
/// plan 3 "basic", monthly on day 15) and its supplemental instances 11 (plan 22) and 14 (plan 21), and a catalog around
/// plan 9 ("gold"), against which <see cref="Valid"/> replaces instance 7 by plan 9 without an error.
/// </summary>
internal static class ReplacePlanFixture
{
    public static readonly ClientNumber Client = new(1000);
    public static readonly LocalDate Today = new(2025, 4, 27);
    private static readonly PlanNumber[] Supplementals = [P(21), P(22), P(23), P(24), P(25)];

    /// <summary>Replaces master plan instance 7 of account 42 by plan 9: valid against <see cref="Context"/>.</summary>
    public static ReplacePlanRequest Valid => new()
    {
        ClientNo = "1000",
        AuthKey = "secret",
        AcctNo = "42",
        PlanInstanceNo = "7",
        NewPlanNo = "9",
    };

    public static PlanNumber P(long number) => new(number);

    public static PlanInstanceNumber I(long number) => new(number);

    public static RateTier T(int seq, decimal from, decimal? to, decimal rate) => new(seq, from, to, rate);

    public static ProductCatalog Catalog { get; } = ProductCatalog.Create(
        plans:
        [
            Master(3, "basic") with { PlanInstanceFields = ["size"], Services = [100] },
            Master(9, "gold") with { PlanInstanceFields = ["color", "size", "tags"], Services = [100, 101, 102, 104], MinUnits = 1, MaxUnits = 100 },
            Master(4, "quarterly") with { Interval = BillingInterval.Quarterly },
            Master(5, "euro"),
            Master(6, "bundle") with { MandatoryChildPlans = [P(23)] },
            Master(8, "with-rollover") with { RolloverPlan = P(15) },
            Master(12, "per-record") with { RatesUsagePerRecord = true },
            Master(13, "narrow") with { SupplementalPlans = [P(21)] },
            Master(15, "rollover-eur"),
            Supplemental(21, "addon"), Supplemental(22, "storage"), Supplemental(23, "support"), Supplemental(24, "legacy"),
            Supplemental(25, "storage-plus"), Supplemental(26, "not-offered"),
        ],
        rateSchedules:
        [
            Schedule(901, 9, Currency.USD, "gold-usd") with
            {
                IsDefault = true,
                Tiers = new Dictionary<long, IReadOnlyList<RateTier>> { [100] = [T(1, 1, 100, 0.10m), T(2, 101, null, 0.05m)], [101] = [T(1, 1, null, 30m)] },
            },
            Schedule(902, 9, Currency.EUR, "gold-eur"),
            Schedule(903, 9, Currency.USD, "gold-usd-rollover") with { RolloverRateSchedule = 951 },
            Schedule(904, 3, Currency.USD, "basic-usd") with { IsDefault = true },
            Schedule(905, 4, Currency.USD), Schedule(906, 5, Currency.EUR), Schedule(907, 6, Currency.USD), Schedule(908, 8, Currency.USD),
            Schedule(912, 12, Currency.USD), Schedule(913, 13, Currency.USD), Schedule(951, 15, Currency.EUR),
            Schedule(921, 21, Currency.USD), Schedule(931, 21, Currency.EUR), Schedule(922, 22, Currency.USD), Schedule(932, 22, Currency.EUR),
            Schedule(923, 23, Currency.USD), Schedule(924, 24, Currency.USD), Schedule(925, 25, Currency.USD), Schedule(926, 26, Currency.USD),
            Schedule(990, 9, Currency.USD, "gold-retired") with { IsActive = false },
        ],
        services:
        [
            new CatalogService { Number = 100, ClientId = "svc-usage", Type = ServiceType.Usage },
            new CatalogService { Number = 101, ClientId = "svc-recurring", Type = ServiceType.Recurring },
            new CatalogService { Number = 102, ClientId = "svc-activation", Type = ServiceType.Other },
            new CatalogService { Number = 103, ClientId = "svc-extra", Type = ServiceType.Usage },
            new CatalogService { Number = 104, ClientId = "svc-minutes", Type = ServiceType.Usage },
        ],
        planInstanceFields:
        [
            new PlanInstanceFieldDefinition { Name = "color", AllowedValues = ["red", "green", "blue"], MaxValues = 2 },
            new PlanInstanceFieldDefinition { Name = "size", IsRequired = true },
            new PlanInstanceFieldDefinition { Name = "tags", MinValues = 2, MaxValues = 3 },
            new PlanInstanceFieldDefinition { Name = "region" },
            new PlanInstanceFieldDefinition { Name = "notes", IsPlanInstanceField = false },
        ],
        promoCodes: ["SPRING"],
        coupons:
        [
            new CatalogCoupon { Code = "WELCOME" },
            new CatalogCoupon { Code = "OLD", ExpiresOn = new LocalDate(2025, 1, 31) },
            new CatalogCoupon { Code = "ACCT", Scope = CouponScope.Account },
            new CatalogCoupon { Code = "ONCE" },
        ],
        surcharges:
        [
            new CatalogSurcharge { Number = 31, RateSchedules = [311] },
            new CatalogSurcharge { Number = 32, Scope = SurchargeScope.Account },
            new CatalogSurcharge { Number = 33, Scope = SurchargeScope.PaymentMethod },
        ],
        serviceLocations: [new ServiceLocation { Number = 41, ClientId = "loc-1" }, new ServiceLocation { Number = 42, ClientId = "loc-2", IsActive = false }],
        accountGroups: ["collections-east"],
        supplementalExclusionGroups: [[P(22), P(25)]]);

    public static AccountFacts Account { get; } = new()
    {
        Number = new AccountNumber(42),
        ClientAccountId = "ACME-42",
        Currency = Currency.USD,
        ContactNumbers = [501, 502],
        AppliedCoupons = ["ONCE"],
    };

    public static PlanInstanceFacts Master7 { get; } = new()
    {
        Number = I(7), ClientId = "mpi-7", Plan = P(3), Cycle = BillingCycle.Monthly(15),
        Fields = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["M"] },
    };

    public static PlanInstanceFacts Supplemental11 { get; } = new() { Number = I(11), ClientId = "spi-11", Plan = P(22), Parent = I(7) };

    public static PlanInstanceFacts Supplemental14 { get; } = new() { Number = I(14), ClientId = "spi-14", Plan = P(21), Parent = I(7) };

    public static ReplacePlanContext Context { get; } = new()
    {
        Client = Client,
        Today = Today,
        Account = Account,
        PlanInstances = AccountPlanInstances.Create([Master7, Supplemental11, Supplemental14]),
        Catalog = Catalog,
    };

    /// <summary>The context with the account's instances replaced by <paramref name="instances"/>.</summary>
    public static ReplacePlanContext WithInstances(this ReplacePlanContext context, params PlanInstanceFacts[] instances) =>
        context with { PlanInstances = AccountPlanInstances.Create(instances) };

    /// <summary>The context with one instance changed (or added).</summary>
    public static ReplacePlanContext WithInstance(this ReplacePlanContext context, PlanInstanceFacts instance) =>
        context with { PlanInstances = AccountPlanInstances.Create([.. context.PlanInstances.ByNumber.Values.Where(i => i.Number != instance.Number), instance], context.PlanInstances.QueuedAssignments) };

    /// <summary>The context with the account's currency-change facts replaced.</summary>
    public static ReplacePlanContext WithCurrencyChange(this ReplacePlanContext context, CurrencyChangeFacts facts) =>
        context with { Account = context.Account! with { CurrencyChange = facts } };

    private static CatalogPlan Master(long number, string clientId) =>
        new() { Number = P(number), ClientId = clientId, Kind = PlanKind.Master, SupplementalPlans = Supplementals };

    private static CatalogPlan Supplemental(long number, string clientId) =>
        new() { Number = P(number), ClientId = clientId, Kind = PlanKind.Supplemental };

    private static CatalogRateSchedule Schedule(long number, long plan, Currency currency, string? clientId = null) =>
        new() { Number = number, Plan = P(plan), Currency = currency, ClientId = clientId };
}
