using System.Globalization;

namespace Aria.Billing.Invoicing;

/// <summary>
/// A client-level numbering of credit memos or rebills (spec: release-6.50.txt, Credit Memo Numbering, Rebill Numbering):
/// the first number, how many digits a number has, and a string added before or after it. The ledger hands the numbers
/// out in order, one per saved document, without gaps.
/// </summary>
public sealed class NumberSequence
{
    /// <summary>The first number of the sequence.</summary>
    /// <value>Default 1. At least 1.</value>
    public long Start { get; set; } = 1;

    /// <summary>How many digits a number has (zero-padded).</summary>
    /// <value>Default 8. From 1 to 18; the sequence ends at the largest number of that many digits.</value>
    public int Digits { get; set; } = 8;

    /// <summary>The string added to every number; none by default.</summary>
    /// <value>Default empty. At most 20 characters.</value>
    public string Affix { get; set; } = "";

    /// <summary>Whether <see cref="Affix"/> goes before or after the number.</summary>
    /// <value>Default <see cref="AffixPosition.Prefix"/>.</value>
    public AffixPosition Position { get; set; } = AffixPosition.Prefix;

    /// <summary>The largest number the sequence can give: 10^<see cref="Digits"/> − 1.</summary>
    public long Last => Digits >= 18 ? 999_999_999_999_999_999L : (long)Math.Pow(10, Digits) - 1;

    /// <summary>Whether <paramref name="number"/> is one the sequence can give.</summary>
    public bool Contains(long number) => number >= Start && number <= Last;

    /// <summary>The number as people see it: <c>CM-00000042</c> with prefix <c>CM-</c> and 8 digits.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside the sequence.</exception>
    public string Format(long number)
    {
        if (!Contains(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"Value should be in range [{Start}-{Last}]");
        }

        var digits = number.ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Position == AffixPosition.Prefix ? Affix + digits : digits + Affix;
    }
}
