using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>
/// The credit and charge of a mid-period plan change, with the factors that produced them. Stored compactly (one
/// currency, plain decimals) so that quoting stays allocation-free and cheap to copy.
/// </summary>
public readonly record struct ProrationQuote
{
    private readonly Currency _currency;
    private readonly BillingPeriod _creditPeriod;
    private readonly BillingPeriod _chargePeriod;
    private readonly decimal _oldFull;
    private readonly decimal _newFull;
    private readonly decimal _credit;
    private readonly decimal _charge;
    private readonly int _creditDays;
    private readonly int _chargeDays;

    internal ProrationQuote(
        ProrationPolicy policy,
        LocalDate spanStart,
        MidpointRounding rounding,
        Currency currency,
        BillingPeriod creditPeriod,
        int creditDays,
        decimal oldFull,
        decimal credit,
        BillingPeriod chargePeriod,
        int chargeDays,
        decimal newFull,
        decimal charge)
    {
        Policy = policy;
        SpanStart = spanStart;
        Rounding = rounding;
        _currency = currency;
        _creditPeriod = creditPeriod;
        _creditDays = creditDays;
        _oldFull = oldFull;
        _credit = credit;
        _chargePeriod = chargePeriod;
        _chargeDays = chargeDays;
        _newFull = newFull;
        _charge = charge;
    }

    /// <summary>The policy applied, after the client's rule (never <see cref="ProrationPolicy.ClientRule"/>).</summary>
    public ProrationPolicy Policy { get; }

    /// <summary>The first day of the prorated span: the alternate proration start date or the effective date.</summary>
    public LocalDate SpanStart { get; }

    /// <summary>How the one rounding of each side treated a midpoint.</summary>
    public MidpointRounding Rounding { get; }

    /// <summary>The credit for the old plan's unused days.</summary>
    public ProratedAmount Credit => new(
        Money.Of(_oldFull, _currency), _creditPeriod, _creditDays, Money.Of(_credit, _currency),
        Policy is ProrationPolicy.Full or ProrationPolicy.CreditsOnly, LineType.ServiceCredit);

    /// <summary>The charge for the new plan's remaining days.</summary>
    public ProratedAmount Charge => new(
        Money.Of(_newFull, _currency), _chargePeriod, _chargeDays, Money.Of(_charge, _currency),
        Policy is ProrationPolicy.Full or ProrationPolicy.ChargesOnly, LineType.RecurringCharge);

    /// <summary>Charge minus credit: what the account owes for the change (negative when it is owed).</summary>
    public Money Net => Money.Of(_charge - _credit, _currency);

    /// <inheritdoc />
    public override string ToString() => $"{Policy} from {SpanStart:uuuu-MM-dd}: credit {Credit}; charge {Charge}; net {Net}";
}
