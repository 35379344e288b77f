using System.Globalization;

namespace Aria.Billing.Plans;

/// <summary>
/// The keys a replace-plan request names, so that an <see cref="IReplacePlanFactsSource"/> can fetch their facts in one
/// round trip. Inputs that are not well-formed keys are left out (the validator reports them).
/// </summary>
public sealed record ReplacePlanFactsQuery
{
    /// <summary><c>acct_no</c>.</summary>
    public AccountNumber? Account { get; init; }

    /// <summary><c>client_acct_id</c>.</summary>
    public string? ClientAccountId { get; init; }

    /// <summary><c>plan_instance_no</c>.</summary>
    public PlanInstanceNumber? Instance { get; init; }

    /// <summary><c>client_plan_instance_id</c>.</summary>
    public string? ClientPlanInstanceId { get; init; }

    /// <summary><c>new_plan_no</c>.</summary>
    public IReadOnlyList<PlanNumber> Plans { get; init; } = [];

    /// <summary><c>new_client_plan_id</c>.</summary>
    public IReadOnlyList<string> ClientPlanIds { get; init; } = [];

    /// <summary><c>alt_rate_schedule_no</c> and the surcharges' <c>mp_rate_schedule_no</c>.</summary>
    public IReadOnlyList<long> RateSchedules { get; init; } = [];

    /// <summary><c>client_alt_rate_schedule_id</c>.</summary>
    public IReadOnlyList<string> ClientRateScheduleIds { get; init; } = [];

    /// <summary><c>custom_rate_service_no</c>.</summary>
    public IReadOnlyList<long> Services { get; init; } = [];

    /// <summary><c>custom_rate_client_service_id</c>.</summary>
    public IReadOnlyList<string> ClientServiceIds { get; init; } = [];

    /// <summary><c>plan_instance_field_name</c>.</summary>
    public IReadOnlyList<string> PlanInstanceFields { get; init; } = [];

    /// <summary><c>promo_cd</c> (not the erase indicator).</summary>
    public string? PromoCode { get; init; }

    /// <summary><c>coupon_codes</c>.</summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];

    /// <summary><c>mp_surcharge_no</c>.</summary>
    public IReadOnlyList<long> Surcharges { get; init; } = [];

    /// <summary><c>svc_location_no</c>.</summary>
    public IReadOnlyList<long> ServiceLocations { get; init; } = [];

    /// <summary><c>client_svc_location_id</c>.</summary>
    public IReadOnlyList<string> ClientServiceLocationIds { get; init; } = [];

    /// <summary><c>alt_client_acct_group_id</c>.</summary>
    public string? ClientAccountGroupId { get; init; }

    /// <summary>The keys <paramref name="request"/> names.</summary>
    public static ReplacePlanFactsQuery For(ReplacePlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ReplacePlanFactsQuery
        {
            Account = AccountNumber.TryParse(request.AcctNo?.Trim(), out var account) ? account : null,
            ClientAccountId = Text(request.ClientAcctId),
            Instance = PlanInstanceNumber.TryParse(request.PlanInstanceNo?.Trim(), out var instance) ? instance : null,
            ClientPlanInstanceId = Text(request.ClientPlanInstanceId),
            Plans = PlanNumber.TryParse(request.NewPlanNo?.Trim(), out var plan) ? [plan] : [],
            ClientPlanIds = Texts([request.NewClientPlanId]),
            RateSchedules = Numbers([request.AltRateScheduleNo, .. (request.Surcharges ?? []).Select(s => s?.RateScheduleNo)]),
            ClientRateScheduleIds = Texts([request.ClientAltRateScheduleId]),
            Services = Numbers((request.CustomRates ?? []).Select(r => r?.ServiceNo)),
            ClientServiceIds = Texts((request.CustomRates ?? []).Select(r => r?.ClientServiceId)),
            PlanInstanceFields = Texts((request.PlanInstanceFields ?? []).Select(f => f?.Name)),
            PromoCode = Text(request.PromoCd) is { } promo && promo != "~" ? promo : null,
            CouponCodes = Texts(request.CouponCodes ?? []),
            Surcharges = Numbers((request.Surcharges ?? []).Select(s => s?.SurchargeNo)),
            ServiceLocations = Numbers([request.SvcLocationNo]),
            ClientServiceLocationIds = Texts([request.ClientSvcLocationId]),
            ClientAccountGroupId = Text(request.AltClientAcctGroupId),
        };
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] Texts(IEnumerable<string?> texts) =>
        [.. texts.Select(Text).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static long[] Numbers(IEnumerable<string?> texts) =>
        [.. texts.Select(t => long.TryParse(t?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0).Where(n => n > 0).Distinct()];
}
