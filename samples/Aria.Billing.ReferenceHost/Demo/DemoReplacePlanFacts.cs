using System.Globalization;
using Aria.Billing.Plans;
using NodaTime;
using NodaTime.Text;

namespace Aria.Billing.ReferenceHost.Demo;

/// <summary>
/// The demo billing system's answer to replace-plan requests: accounts, their plan instances and a product catalog read
/// from configuration (<c>AriaHost:DemoReplacePlan</c> in appsettings.json), the same for every client. Replace it with an
/// <see cref="IReplacePlanFactsSource"/> that asks your billing system for the account, its instances and the catalog
/// entries a request names, in one round trip.
/// </summary>
internal sealed class DemoReplacePlanFacts(IConfiguration configuration) : IReplacePlanFactsSource
{
    /// <summary>The configuration section of the demo facts.</summary>
    public const string SectionName = "AriaHost:DemoReplacePlan";

    private readonly Lazy<Snapshot> _snapshot = new(() => Snapshot.From(configuration.GetSection(SectionName).Get<Settings>() ?? new Settings()));

    /// <inheritdoc />
    public ValueTask<ReplacePlanFacts> LoadAsync(ClientNumber client, ReplacePlanFactsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = _snapshot.Value;
        var found = query.Account is { } number
            ? snapshot.Accounts.FirstOrDefault(a => a.Account.Number == number)
            : snapshot.Accounts.FirstOrDefault(a => query.ClientAccountId is not null && string.Equals(a.Account.ClientAccountId, query.ClientAccountId, StringComparison.Ordinal));
        return ValueTask.FromResult(new ReplacePlanFacts
        {
            Account = found?.Account,
            PlanInstances = found?.Instances ?? AccountPlanInstances.Empty,
            Catalog = snapshot.Catalog,
            ClientParameters = snapshot.Parameters,
        });
    }

    private sealed record DemoAccount(AccountFacts Account, AccountPlanInstances Instances);

    /// <summary>The configuration, read once into the package's records.</summary>
    private sealed record Snapshot(IReadOnlyList<DemoAccount> Accounts, ProductCatalog Catalog, ClientParameters Parameters)
    {
        public static Snapshot From(Settings settings) => new(
            [.. settings.Accounts.Select(a => new DemoAccount(
                new AccountFacts
                {
                    Number = new AccountNumber(a.AcctNo), ClientAccountId = a.ClientAcctId, Currency = Currency.FromCode(a.Currency),
                    Status = (AccountStatus)a.Status, ContactNumbers = a.Contacts, AppliedCoupons = a.AppliedCoupons,
                },
                AccountPlanInstances.Create(a.Instances.Select(i => new PlanInstanceFacts
                {
                    Number = new PlanInstanceNumber(i.No), ClientId = i.ClientId, Plan = new PlanNumber(i.Plan),
                    Parent = i.Parent is { } parent ? new PlanInstanceNumber(parent) : null,
                    Status = i.Status, IsMandatoryChild = i.MandatoryChild, Units = i.Units,
                    Cycle = i.BillDay is { } day
                        ? BillingCycle.Anchored(i.CycleStart is null ? new LocalDate(2020, 1, day) : Date(i.CycleStart), BillingInterval.FromMonths(i.IntervalMonths), day)
                        : null,
                    Fields = i.Fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.OrdinalIgnoreCase),
                }))))],
            ProductCatalog.Create(
                plans: settings.Plans.Select(p => new CatalogPlan
                {
                    Number = new PlanNumber(p.No), ClientId = p.ClientId, Kind = p.Kind, Interval = BillingInterval.FromMonths(p.IntervalMonths),
                    IsBillable = p.Billable, SupplementalPlans = [.. p.Supplementals.Select(n => new PlanNumber(n))],
                    MandatoryChildPlans = [.. p.MandatoryChildren.Select(n => new PlanNumber(n))], Services = p.Services, PlanInstanceFields = p.Fields,
                    MinUnits = p.MinUnits, MaxUnits = p.MaxUnits, RatesUsagePerRecord = p.RatesUsagePerRecord,
                    RolloverPlan = p.RolloverPlan is { } rollover ? new PlanNumber(rollover) : null,
                }),
                rateSchedules: settings.RateSchedules.Select(s => new CatalogRateSchedule
                {
                    Number = s.No, ClientId = s.ClientId, Plan = new PlanNumber(s.Plan), Currency = Currency.FromCode(s.Currency), IsDefault = s.Default,
                    IsActive = s.Active, RolloverRateSchedule = s.RolloverRateSchedule,
                    Tiers = s.Tiers.ToDictionary(
                        t => long.Parse(t.Key, CultureInfo.InvariantCulture),
                        t => (IReadOnlyList<RateTier>)[.. t.Value.Select((tier, i) => new RateTier(i + 1, tier.From, tier.To, tier.Rate))]),
                }),
                services: settings.Services.Select(s => new CatalogService { Number = s.No, ClientId = s.ClientId, Type = s.Type }),
                planInstanceFields: settings.Fields.Select(f => new PlanInstanceFieldDefinition
                {
                    Name = f.Name, IsPlanInstanceField = f.PlanInstanceField, IsRequired = f.Required, AllowedValues = f.Allowed, MinValues = f.MinValues, MaxValues = f.MaxValues,
                }),
                promoCodes: settings.PromoCodes,
                coupons: settings.Coupons.Select(c => new CatalogCoupon { Code = c.Code, ExpiresOn = c.ExpiresOn is { } expires ? Date(expires) : null, Scope = c.Scope, AllowsReuse = c.AllowsReuse }),
                surcharges: settings.Surcharges.Select(s => new CatalogSurcharge { Number = s.No, Scope = s.Scope, RateSchedules = s.RateSchedules }),
                serviceLocations: settings.ServiceLocations.Select(l => new ServiceLocation { Number = l.No, ClientId = l.ClientId, IsActive = l.Active }),
                accountGroups: settings.AccountGroups,
                supplementalExclusionGroups: settings.ExclusionGroups.Select(g => g.Select(n => new PlanNumber(n)))),
            new ClientParameters { AllowMpiLevelUsagePooling = settings.AllowMpiLevelUsagePooling });

        private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();
    }

    /// <summary>The shape of <c>AriaHost:DemoReplacePlan</c>.</summary>
    internal sealed class Settings
    {
        public List<AccountSettings> Accounts { get; set; } = [];

        public List<PlanSettings> Plans { get; set; } = [];

        public List<ScheduleSettings> RateSchedules { get; set; } = [];

        public List<ServiceSettings> Services { get; set; } = [];

        public List<FieldSettings> Fields { get; set; } = [];

        public List<string> PromoCodes { get; set; } = [];

        public List<CouponSettings> Coupons { get; set; } = [];

        public List<SurchargeSettings> Surcharges { get; set; } = [];

        public List<LocationSettings> ServiceLocations { get; set; } = [];

        public List<string> AccountGroups { get; set; } = [];

        public List<List<long>> ExclusionGroups { get; set; } = [];

        public bool AllowMpiLevelUsagePooling { get; set; }
    }

    internal sealed class AccountSettings
    {
        public long AcctNo { get; set; }

        public string? ClientAcctId { get; set; }

        public string Currency { get; set; } = "USD";

        public int Status { get; set; } = 1;

        public List<long> Contacts { get; set; } = [];

        public List<string> AppliedCoupons { get; set; } = [];

        public List<InstanceSettings> Instances { get; set; } = [];
    }

    internal sealed class InstanceSettings
    {
        public long No { get; set; }

        public string? ClientId { get; set; }

        public long Plan { get; set; }

        public long? Parent { get; set; }

        public Aria.Billing.Plans.Queue.PlanInstanceStatus Status { get; set; } = Aria.Billing.Plans.Queue.PlanInstanceStatus.Active;

        public bool MandatoryChild { get; set; }

        public decimal Units { get; set; } = 1;

        public int? BillDay { get; set; }

        public int IntervalMonths { get; set; } = 1;

        public string? CycleStart { get; set; }

        public Dictionary<string, List<string>> Fields { get; set; } = [];
    }

    internal sealed class PlanSettings
    {
        public long No { get; set; }

        public string? ClientId { get; set; }

        public PlanKind Kind { get; set; }

        public int IntervalMonths { get; set; } = 1;

        public bool Billable { get; set; } = true;

        public List<long> Supplementals { get; set; } = [];

        public List<long> MandatoryChildren { get; set; } = [];

        public List<long> Services { get; set; } = [];

        public List<string> Fields { get; set; } = [];

        public decimal? MinUnits { get; set; }

        public decimal? MaxUnits { get; set; }

        public bool RatesUsagePerRecord { get; set; }

        public long? RolloverPlan { get; set; }
    }

    internal sealed class ScheduleSettings
    {
        public long No { get; set; }

        public string? ClientId { get; set; }

        public long Plan { get; set; }

        public string Currency { get; set; } = "USD";

        public bool Default { get; set; }

        public bool Active { get; set; } = true;

        public long? RolloverRateSchedule { get; set; }

        public Dictionary<string, List<TierSettings>> Tiers { get; set; } = [];
    }

    internal sealed class TierSettings
    {
        public decimal From { get; set; } = 1;

        public decimal? To { get; set; }

        public decimal Rate { get; set; }
    }

    internal sealed class ServiceSettings
    {
        public long No { get; set; }

        public string? ClientId { get; set; }

        public ServiceType Type { get; set; }
    }

    internal sealed class FieldSettings
    {
        public string Name { get; set; } = "";

        public bool PlanInstanceField { get; set; } = true;

        public bool Required { get; set; }

        public List<string> Allowed { get; set; } = [];

        public int? MinValues { get; set; }

        public int? MaxValues { get; set; }
    }

    internal sealed class CouponSettings
    {
        public string Code { get; set; } = "";

        public string? ExpiresOn { get; set; }

        public CouponScope Scope { get; set; } = CouponScope.Both;

        public bool AllowsReuse { get; set; }
    }

    internal sealed class SurchargeSettings
    {
        public long No { get; set; }

        public SurchargeScope Scope { get; set; } = SurchargeScope.Both;

        public List<long> RateSchedules { get; set; } = [];
    }

    internal sealed class LocationSettings
    {
        public long No { get; set; }

        public string? ClientId { get; set; }

        public bool Active { get; set; } = true;
    }
}
