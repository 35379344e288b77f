using NodaTime;

namespace Aria.Billing.Plans;

/// <summary>The credit and charge of a mid-period plan change, with the factors that produced them.</summary>
/// <param name="Policy">The policy applied, after the client's rule (never <see cref="ProrationPolicy.ClientRule"/>).</param>
/// <param name="SpanStart">The first day of the prorated span: the alternate proration start date or the effective date.</param>
/// <param name="Credit">The credit for the old plan's unused days.</param>
/// <param name="Charge">The charge for the new plan's remaining days.</param>
/// <param name="Rounding">How the one rounding of each side treated a midpoint.</param>
public readonly record struct ProrationQuote(
    ProrationPolicy Policy,
    LocalDate SpanStart,
    ProratedAmount Credit,
    ProratedAmount Charge,
    MidpointRounding Rounding)
{
    /// <summary>Charge minus credit: what the account owes for the change (negative when it is owed).</summary>
    public Money Net => Charge.Amount - Credit.Amount;

    /// <inheritdoc />
    public override string ToString() => $"{Policy} from {SpanStart:uuuu-MM-dd}: credit {Credit}; charge {Charge}; net {Net}";
}
