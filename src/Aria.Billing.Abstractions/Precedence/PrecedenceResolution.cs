namespace Aria.Billing;

/// <summary>The answer of a precedence order: the value and the level that supplied it, or that no level did.</summary>
/// <typeparam name="TLevel">What names a level.</typeparam>
/// <typeparam name="TValue">The value resolved.</typeparam>
public readonly record struct PrecedenceResolution<TLevel, TValue>
{
    internal PrecedenceResolution(bool found, TLevel level, TValue value, int position)
    {
        Found = found;
        Level = level;
        Value = value;
        Position = position;
    }

    /// <summary>Whether some level supplied a value.</summary>
    public bool Found { get; }

    /// <summary>The level that supplied the value (the default when nothing was found).</summary>
    public TLevel Level { get; }

    /// <summary>The value supplied (the default when nothing was found).</summary>
    public TValue Value { get; }

    /// <summary>The zero-based position of the winning level in the order; -1 when nothing was found.</summary>
    public int Position { get; }

    /// <inheritdoc />
    public override string ToString() => Found ? $"{Value} (from {Level})" : "(no level supplied a value)";
}
