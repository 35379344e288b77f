using System.Globalization;

namespace Aria.Billing;

/// <summary>A client (tenant) of the billing system: the spec's <c>client_no</c>. A distinct type so that it cannot be passed where another number is expected.</summary>
/// <param name="Value">The positive number the billing system assigned.</param>
public readonly record struct ClientNumber(long Value) : IComparable<ClientNumber>, ISpanFormattable
{
    /// <summary>Whether this is a real client number (positive), not the default value.</summary>
    public bool IsValid => Value > 0;

    /// <summary>Parses a client number from text; returns <see langword="false"/> for anything but a positive integer.</summary>
    public static bool TryParse(string? text, out ClientNumber result)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            result = new ClientNumber(value);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    public int CompareTo(ClientNumber other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => Value.TryFormat(destination, out charsWritten, format, provider);
}
