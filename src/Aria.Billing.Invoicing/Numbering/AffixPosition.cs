namespace Aria.Billing.Invoicing;

/// <summary>Where a sequence's string goes ("Credit Memo / Rebill Sequence Append Option").</summary>
public enum AffixPosition
{
    /// <summary>Before the number (the default).</summary>
    Prefix = 0,

    /// <summary>After the number.</summary>
    Suffix = 1,
}
