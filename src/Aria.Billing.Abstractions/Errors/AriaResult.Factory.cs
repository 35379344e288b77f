namespace Aria.Billing;

/// <summary>Builds <see cref="AriaResult{T}"/> values.</summary>
public static class AriaResult
{
    /// <summary>A successful result, with optional warnings.</summary>
    public static AriaResult<T> Success<T>(T value, IReadOnlyList<AriaWarning>? warnings = null) => new(value, null, warnings);

    /// <summary>A failed result; <paramref name="errors"/> must hold at least one error.</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static AriaResult<T> Failure<T>(IReadOnlyList<AriaError> errors, IReadOnlyList<AriaWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure carries at least one error.", nameof(errors));
        }

        return new AriaResult<T>(default, errors, warnings);
    }

    /// <summary>A failed result with one error.</summary>
    public static AriaResult<T> Failure<T>(AriaError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new AriaResult<T>(default, [error], null);
    }
}
