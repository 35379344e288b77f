namespace Aria.Billing;

/// <summary>
/// A plan in the product catalog: the spec's <c>plan_no</c>. A distinct type so that it cannot be passed where another number is expected; valid once built (positive).
/// </summary>
/// <remarks>As for every struct, <c>default(PlanNumber)</c> exists; it holds 0 and is never a real plan number.</remarks>
public readonly record struct PlanNumber : IIdentifier<PlanNumber>
{
    /// <summary>A plan number.</summary>
    /// <param name="value">The positive number the billing system assigned.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public PlanNumber(long value) => Value = Identifier<PlanNumber>.Positive(value);

    /// <inheritdoc />
    public long Value { get; }

    /// <inheritdoc />
    static string IIdentifier<PlanNumber>.FieldName => "plan_no";

    /// <inheritdoc />
    static PlanNumber IIdentifier<PlanNumber>.Create(long value) => new(value);

    /// <summary>Parses a plan number; anything but a positive integer is refused with <see cref="AriaErrorCodes.InvalidIdentifier"/>.</summary>
    /// <param name="text">The text, as sent (no sign, no separators, no spaces).</param>
    public static AriaResult<PlanNumber> Parse(string? text) => Identifier<PlanNumber>.Parse(text);

    /// <summary>Parses a plan number; returns <see langword="false"/> for anything but a positive integer.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The number, or the default value.</param>
    public static bool TryParse(string? text, out PlanNumber result) => Identifier<PlanNumber>.TryParse(text, out result);

    /// <inheritdoc />
    public int CompareTo(PlanNumber other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Identifier<PlanNumber>.Format(Value);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);
}
