namespace Aria.Billing.Invoicing;

/// <summary>What <see cref="IPaymentTermStore.AddAsync"/> did: the terms as saved (with their number), or the conflict that stopped it.</summary>
public sealed record PaymentTermAddResult
{
    /// <summary>Why nothing was added; <see cref="PaymentTermConflict.None"/> when the terms were.</summary>
    public PaymentTermConflict Conflict { get; init; }

    /// <summary>The terms as saved; <see langword="null"/> when not added.</summary>
    public PaymentTerm? Term { get; init; }

    /// <summary>Whether the terms were added.</summary>
    public bool Added => Conflict == PaymentTermConflict.None;

    /// <summary>Terms that were added.</summary>
    public static PaymentTermAddResult Saved(PaymentTerm term) => new() { Term = term };

    /// <summary>Terms that were not added.</summary>
    public static PaymentTermAddResult Refused(PaymentTermConflict conflict) => new() { Conflict = conflict };
}
