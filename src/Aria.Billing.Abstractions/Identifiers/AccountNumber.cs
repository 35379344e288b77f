namespace Aria.Billing;

/// <summary>
/// An account in the billing system: the spec's <c>acct_no</c>. A distinct type so that it cannot be passed where another number is expected; valid once built (positive).
/// </summary>
/// <remarks>As for every struct, <c>default(AccountNumber)</c> exists; it holds 0 and is never a real account number.</remarks>
public readonly record struct AccountNumber : IIdentifier<AccountNumber>
{
    /// <summary>An account number.</summary>
    /// <param name="value">The positive number the billing system assigned.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public AccountNumber(long value) => Value = Identifier<AccountNumber>.Positive(value);

    /// <inheritdoc />
    public long Value { get; }

    /// <inheritdoc />
    static string IIdentifier<AccountNumber>.FieldName => "acct_no";

    /// <inheritdoc />
    static AccountNumber IIdentifier<AccountNumber>.Create(long value) => new(value);

    /// <summary>Parses a account number; anything but a positive integer is refused with <see cref="AriaErrorCodes.InvalidIdentifier"/>.</summary>
    /// <param name="text">The text, as sent (no sign, no separators, no spaces).</param>
    public static AriaResult<AccountNumber> Parse(string? text) => Identifier<AccountNumber>.Parse(text);

    /// <summary>Parses a account number; returns <see langword="false"/> for anything but a positive integer.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The number, or the default value.</param>
    public static bool TryParse(string? text, out AccountNumber result) => Identifier<AccountNumber>.TryParse(text, out result);

    /// <inheritdoc />
    public int CompareTo(AccountNumber other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Identifier<AccountNumber>.Format(Value);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);
}
