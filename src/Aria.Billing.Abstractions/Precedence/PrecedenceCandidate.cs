namespace Aria.Billing;

/// <summary>One level of a precedence order and the value it holds, if any.</summary>
/// <typeparam name="TLevel">What names a level (usually an enum such as a bill-lag source).</typeparam>
/// <typeparam name="TValue">The value being resolved.</typeparam>
public readonly record struct PrecedenceCandidate<TLevel, TValue>
{
    private PrecedenceCandidate(TLevel level, bool hasValue, TValue value)
    {
        Level = level;
        HasValue = hasValue;
        Value = value;
    }

    /// <summary>The level.</summary>
    public TLevel Level { get; }

    /// <summary>Whether the level supplies a value.</summary>
    public bool HasValue { get; }

    /// <summary>The value when <see cref="HasValue"/>; otherwise the default.</summary>
    public TValue Value { get; }

    /// <summary>A level that supplies <paramref name="value"/>.</summary>
    public static PrecedenceCandidate<TLevel, TValue> With(TLevel level, TValue value) => new(level, true, value);

    /// <summary>A level that supplies nothing; resolution passes it by.</summary>
    public static PrecedenceCandidate<TLevel, TValue> Without(TLevel level) => new(level, false, default!);

    /// <summary>A level that supplies <paramref name="value"/> when it is not <see langword="null"/>.</summary>
    public static PrecedenceCandidate<TLevel, TValue> FromNullable(TLevel level, TValue? value)
        => value is null ? Without(level) : With(level, value);
}
