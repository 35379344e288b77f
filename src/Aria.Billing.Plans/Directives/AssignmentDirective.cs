using System.Globalization;

namespace Aria.Billing.Plans;

/// <summary>
/// An assignment directive of the spec (1–11): when a plan change takes effect and which proration it produces
/// (spec: replace-acct-plan-m.txt, <c>assignment_directive</c>).
/// </summary>
public readonly record struct AssignmentDirective
{
    private AssignmentDirective(int code)
    {
        Code = code;
    }

    /// <summary>The directive's number, 1–11.</summary>
    public int Code { get; }

    /// <summary>When the change takes effect.</summary>
    public ChangeTiming Timing => Code switch
    {
        1 => ChangeTiming.Anniversary,
        <= 6 => ChangeTiming.Immediate,
        _ => ChangeTiming.EffectiveDate,
    };

    /// <summary>Which prorated amounts the change produces.</summary>
    public ProrationPolicy Proration => Code switch
    {
        1 => ProrationPolicy.None,
        2 or 7 => ProrationPolicy.ClientRule,
        3 or 8 => ProrationPolicy.None,
        4 or 9 => ProrationPolicy.Full,
        5 or 10 => ProrationPolicy.ChargesOnly,
        _ => ProrationPolicy.CreditsOnly,
    };

    /// <summary>Directive 1: on the next anniversary, no proration.</summary>
    public static AssignmentDirective Anniversary => new(1);

    /// <summary>Directive 2: immediately, honoring the client's proration rule.</summary>
    public static AssignmentDirective ImmediateClientRule => new(2);

    /// <summary>Every directive, 1 to 11.</summary>
    public static IReadOnlyList<AssignmentDirective> All { get; } = Enumerable.Range(1, 11).Select(c => new AssignmentDirective(c)).ToArray();

    /// <summary>The directive with this number, or error 1035 when there is none.</summary>
    public static AriaResult<AssignmentDirective> FromCode(int code) =>
        code is >= 1 and <= 11
            ? new AssignmentDirective(code)
            : new AriaError(
                PlanErrorCodes.InvalidAssignmentDirective,
                $"Invalid Assignment Directive: {code.ToString(CultureInfo.InvariantCulture)}. Allowed values are 1 to 11.",
                "assignment_directive");

    /// <summary>The directive for a timing and proration policy.</summary>
    /// <exception cref="ArgumentException">Anniversary with a policy other than <see cref="ProrationPolicy.None"/>: no directive does that.</exception>
    public static AssignmentDirective For(ChangeTiming timing, ProrationPolicy proration)
    {
        if (timing == ChangeTiming.Anniversary)
        {
            return proration == ProrationPolicy.None
                ? Anniversary
                : throw new ArgumentException("A change on the anniversary is never prorated (directive 1).", nameof(proration));
        }

        var offset = proration switch
        {
            ProrationPolicy.ClientRule => 0,
            ProrationPolicy.None => 1,
            ProrationPolicy.Full => 2,
            ProrationPolicy.ChargesOnly => 3,
            ProrationPolicy.CreditsOnly => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(proration), proration, "Not a ProrationPolicy value."),
        };
        return timing switch
        {
            ChangeTiming.Immediate => new AssignmentDirective(2 + offset),
            ChangeTiming.EffectiveDate => new AssignmentDirective(7 + offset),
            _ => throw new ArgumentOutOfRangeException(nameof(timing), timing, "Not a ChangeTiming value."),
        };
    }

    /// <summary>
    /// The policy after applying the client's universal rule: <see cref="ProrationPolicy.ClientRule"/> becomes
    /// <see cref="ProrationPolicy.Full"/> or <see cref="ProrationPolicy.None"/>.
    /// </summary>
    public ProrationPolicy EffectiveProration(bool clientProratesMidPeriodChanges) =>
        Proration == ProrationPolicy.ClientRule
            ? (clientProratesMidPeriodChanges ? ProrationPolicy.Full : ProrationPolicy.None)
            : Proration;

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Timing}, {Proration})";
}
