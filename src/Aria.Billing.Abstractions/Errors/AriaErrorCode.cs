using System.Globalization;

namespace Aria.Billing;

/// <summary>
/// A code of the specification's error catalogs: numeric (1010, 1035, 14026, 14310 …) or symbolic
/// (ACCOUNT_IS_NOT_FOUND, SYNC_EVENT_IS_NOT_FOUND …). Compared by its text.
/// </summary>
public readonly record struct AriaErrorCode
{
    private AriaErrorCode(string value, int? number)
    {
        Value = value;
        Number = number;
    }

    /// <summary>The code as text: <c>1035</c> or <c>ACCOUNT_IS_NOT_FOUND</c>.</summary>
    public string Value { get; }

    /// <summary>The numeric code, or <see langword="null"/> for a symbolic one.</summary>
    public int? Number { get; }

    /// <summary>Whether the code is numeric.</summary>
    public bool IsNumeric => Number.HasValue;

    /// <summary>A numeric code of the spec, such as 1035 (invalid assignment directive).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not positive.</exception>
    public static AriaErrorCode Numeric(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return new AriaErrorCode(number.ToString(CultureInfo.InvariantCulture), number);
    }

    /// <summary>A symbolic code, upper snake case, such as ACCOUNT_IS_NOT_FOUND.</summary>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is not upper-case letters, digits and underscores.</exception>
    public static AriaErrorCode Symbolic(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (!symbol.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException($"A symbolic code is upper-case letters, digits and underscores; got '{symbol}'.", nameof(symbol));
        }

        return new AriaErrorCode(symbol, null);
    }

    /// <summary>Converts a numeric spec code.</summary>
    public static implicit operator AriaErrorCode(int number) => Numeric(number);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
