namespace Aria.Billing;

/// <summary>
/// A client (tenant) of the billing system: the spec's <c>client_no</c>. A distinct type so that it cannot be passed where another number is expected; valid once built (positive).
/// </summary>
/// <remarks>As for every struct, <c>default(ClientNumber)</c> exists; it holds 0 and is never a real client number.</remarks>
public readonly record struct ClientNumber : IIdentifier<ClientNumber>
{
    /// <summary>A client number.</summary>
    /// <param name="value">The positive number the billing system assigned.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public ClientNumber(long value) => Value = Identifier<ClientNumber>.Positive(value);

    /// <inheritdoc />
    public long Value { get; }

    /// <inheritdoc />
    static string IIdentifier<ClientNumber>.FieldName => "client_no";

    /// <inheritdoc />
    static ClientNumber IIdentifier<ClientNumber>.Create(long value) => new(value);

    /// <summary>Parses a client number; anything but a positive integer is refused with <see cref="AriaErrorCodes.InvalidIdentifier"/>.</summary>
    /// <param name="text">The text, as sent (no sign, no separators, no spaces).</param>
    public static AriaResult<ClientNumber> Parse(string? text) => Identifier<ClientNumber>.Parse(text);

    /// <summary>Parses a client number; returns <see langword="false"/> for anything but a positive integer.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The number, or the default value.</param>
    public static bool TryParse(string? text, out ClientNumber result) => Identifier<ClientNumber>.TryParse(text, out result);

    /// <inheritdoc />
    public int CompareTo(ClientNumber other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Identifier<ClientNumber>.Format(Value);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);
}
