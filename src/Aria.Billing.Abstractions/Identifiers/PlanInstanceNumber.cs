namespace Aria.Billing;

/// <summary>
/// A plan instance on an account (a master plan instance or a supplemental plan instance): the spec's <c>plan_instance_no</c>. A distinct type so that it cannot be passed where another number is expected; valid once built (positive).
/// </summary>
/// <remarks>As for every struct, <c>default(PlanInstanceNumber)</c> exists; it holds 0 and is never a real plan instance number.</remarks>
public readonly record struct PlanInstanceNumber : IIdentifier<PlanInstanceNumber>
{
    /// <summary>A plan instance number.</summary>
    /// <param name="value">The positive number the billing system assigned.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public PlanInstanceNumber(long value) => Value = Identifier<PlanInstanceNumber>.Positive(value);

    /// <inheritdoc />
    public long Value { get; }

    /// <inheritdoc />
    static string IIdentifier<PlanInstanceNumber>.FieldName => "plan_instance_no";

    /// <inheritdoc />
    static PlanInstanceNumber IIdentifier<PlanInstanceNumber>.Create(long value) => new(value);

    /// <summary>Parses a plan instance number; anything but a positive integer is refused with <see cref="AriaErrorCodes.InvalidIdentifier"/>.</summary>
    /// <param name="text">The text, as sent (no sign, no separators, no spaces).</param>
    public static AriaResult<PlanInstanceNumber> Parse(string? text) => Identifier<PlanInstanceNumber>.Parse(text);

    /// <summary>Parses a plan instance number; returns <see langword="false"/> for anything but a positive integer.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The number, or the default value.</param>
    public static bool TryParse(string? text, out PlanInstanceNumber result) => Identifier<PlanInstanceNumber>.TryParse(text, out result);

    /// <inheritdoc />
    public int CompareTo(PlanInstanceNumber other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Identifier<PlanInstanceNumber>.Format(Value);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format, provider);
}
