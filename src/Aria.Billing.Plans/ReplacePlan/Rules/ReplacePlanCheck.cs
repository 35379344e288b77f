using System.Globalization;
using Aria.Billing.Plans.Internal;
using Aria.Billing.Plans.Queue;

namespace Aria.Billing.Plans;

/// <summary>
/// One validation of one request against one context: the state the rules share (what has been resolved so far, the errors
/// and warnings found) and the order they run in. Built and run by <see cref="ReplacePlanValidator.Validate"/>; the rules
/// live in the other files of this type, by concern.
/// </summary>
internal sealed partial class ReplacePlanCheck
{
    private static readonly string[] PlanStatusValues = ["1", "31", "32", "61", "41"];

    private readonly ReplacePlanRequest _request;
    private readonly ReplacePlanContext _context;
    private readonly AssignmentDirectiveValidator _directives;
    private readonly BillLagCalculator _billLag;
    private readonly List<AriaError> _errors = [];
    private readonly List<AriaWarning> _warnings = [];

    private AccountFacts? _account;
    private PlanInstanceFacts? _instance;
    private PlanInstanceFacts? _master;
    private CatalogPlan? _currentPlan;
    private CatalogPlan? _newPlan;
    private ResolvedDirective? _directive;
    private CatalogRateSchedule? _altSchedule;
    private Currency? _currency;
    private bool _changesCurrency;
    private bool _consistent = true;
    private bool _doWrite = true;
    private bool? _forceCurrencyChange;
    private bool? _usagePooling;
    private NodaTime.LocalDate? _altProrationStart;
    private BillLagDaysInput _billLagDays;
    private PlanStatus? _planStatus;
    private decimal? _planUnits;
    private CombineInvoices _combine = CombineInvoices.ClientDefault;
    private IReadOnlyDictionary<string, IReadOnlyList<RateTier>> _customRates = new Dictionary<string, IReadOnlyList<RateTier>>();

    public ReplacePlanCheck(ReplacePlanRequest request, ReplacePlanContext context, AssignmentDirectiveValidator directives, BillLagCalculator billLag)
    {
        _request = request;
        _context = context;
        _directives = directives;
        _billLag = billLag;
    }

    private ProductCatalog Catalog => _context.Catalog ?? ProductCatalog.Empty;

    private AccountPlanInstances Instances => _context.PlanInstances ?? AccountPlanInstances.Empty;

    /// <summary>The kind of the instance replaced, or of the new plan while the instance is unknown.</summary>
    private PlanKind? Kind => _instance?.Kind ?? _newPlan?.Kind;

    /// <summary>Runs every rule; the order matters only where a rule reads what an earlier one resolved.</summary>
    public AriaResult<ValidReplacePlan> Run()
    {
        Characters();
        Required();
        Client();
        Consistency();
        Account();
        Instance();
        NewPlan();
        Booleans();
        Directive();
        AltProrationStartDate();
        BillLag();
        PlanStatusValue();
        PlanUnits();
        RateSchedule();
        Fields();
        CustomRates();
        PromoCode();
        Coupons();
        Surcharges();
        ServiceLocation();
        Contact();
        AccountGroup();
        NewClientPlanInstanceId();
        Enumerations();
        NothingToModify();

        if (_errors.Count > 0)
        {
            return AriaResult.Failure<ValidReplacePlan>(_errors, _warnings);
        }

        return AriaResult.Success(
            new ValidReplacePlan
            {
                Directive = _directive!,
                AccountNumber = _account!.Number,
                ClientAccountId = Clean(_request.ClientAcctId) ?? _account.ClientAccountId,
                PlanInstanceNumber = _instance!.Number,
                ClientPlanInstanceId = Clean(_request.ClientPlanInstanceId) ?? _instance.ClientId,
                PlanKind = _instance.Kind,
                NewPlanNumber = _newPlan!.Number,
                NewClientPlanId = Clean(_request.NewClientPlanId) ?? _newPlan.ClientId,
                AltRateScheduleNumber = _altSchedule?.Number,
                Currency = _currency ?? _account.Currency,
                ChangesCurrency = _changesCurrency,
                AltProrationStartDate = _altProrationStart,
                BillLagDays = _billLagDays,
                PlanStatus = _planStatus,
                PlanUnits = _planUnits,
                CombineInvoices = _combine,
                DoWrite = _doWrite,
                CustomRates = _customRates,
                PromoCode = Clean(_request.PromoCd),
                CouponCodes = [.. (_request.CouponCodes ?? []).Select(Clean).OfType<string>()],
                InvoicedAtCancellation = CancellationCharges(_currentPlan),
            },
            _warnings);
    }

    /// <summary>The charges the replaced plan's cancellation invoices whatever the directive: usage and arrears services, then the fee.</summary>
    private IReadOnlyList<CancellationCharge> CancellationCharges(CatalogPlan? plan)
    {
        if (plan is null)
        {
            return [];
        }

        var charges = new List<CancellationCharge>();
        foreach (var number in plan.Services.Order())
        {
            if (Catalog.Services.TryGetValue(number, out var service))
            {
                if (service.Type == ServiceType.Usage)
                {
                    charges.Add(new CancellationCharge(CancellationChargeKind.UsageInArrears, number));
                }
                else if (service.Type == ServiceType.Recurring && service.BilledInArrears)
                {
                    charges.Add(new CancellationCharge(CancellationChargeKind.RecurringInArrears, number));
                }
            }
        }

        if (plan.HasCancellationFee)
        {
            charges.Add(new CancellationCharge(CancellationChargeKind.CancellationFee, null));
        }

        return charges;
    }

    private void Add(AriaErrorCode code, string manual, string detail, params string[] inputs) =>
        _errors.Add(new AriaError(code, ManualText.Compose(manual, detail), inputs));

    /// <summary>The trimmed text of an input, or <see langword="null"/> when blank or holding illegal characters (reported by <see cref="Characters"/>).</summary>
    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) || IllegalCharacters.In(text) ? null : text.Trim();

    private static bool Given(string? text) => !string.IsNullOrWhiteSpace(text);

    private static string Quote(string text) => "'" + InputParser.Shorten(text.Trim()) + "'";

    private static bool TryPositive(string? text, out long value) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static bool TryWhole(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool IsStopped(PlanInstanceStatus status) =>
        status is PlanInstanceStatus.Suspended or PlanInstanceStatus.Terminated or PlanInstanceStatus.Cancelled;

    private static bool IsDefined(BillingInterval interval) => interval.Months is >= 1 and <= BillingInterval.MaxMonths;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>25020 for a value outside the allowable values of an input the manual gives no code of its own.</summary>
    private string? Enumerated(string? text, string input, string[] allowed, string allowedText) =>
        Enumerated(text, input, allowed, PlanErrorCodes.IllegalCharacters, ManualText.IllegalCharacters, allowedText);

    private string? Enumerated(string? text, string input, string[] allowed, AriaErrorCode code, string manual, string allowedText, bool required = false)
    {
        if (!Given(text))
        {
            if (required)
            {
                Add(code, manual, $"{input} is required: use {allowedText}.", input);
            }

            return null;
        }

        var trimmed = text!.Trim();
        if (Array.IndexOf(allowed, trimmed) >= 0)
        {
            return trimmed;
        }

        Add(code, manual, $"{input} {Quote(text)} is not an allowable value: use {allowedText}.", input);
        return null;
    }
}
