using System.Diagnostics.CodeAnalysis;

namespace Aria.Billing;

/// <summary>
/// The outcome of an engine call: a value, or one or more coded errors; warnings in either case. A value type, so a
/// successful call without warnings allocates nothing.
/// </summary>
/// <typeparam name="T">The value of a successful call.</typeparam>
public readonly struct AriaResult<T>
{
    private readonly T? _value;
    private readonly IReadOnlyList<AriaError>? _errors;
    private readonly IReadOnlyList<AriaWarning>? _warnings;

    internal AriaResult(T? value, IReadOnlyList<AriaError>? errors, IReadOnlyList<AriaWarning>? warnings)
    {
        _value = value;
        _errors = errors is { Count: > 0 } ? errors : null;
        _warnings = warnings is { Count: > 0 } ? warnings : null;
    }

    /// <summary>Whether the call succeeded (no errors).</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => _errors is null;

    /// <summary>Whether the call failed (one or more errors).</summary>
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsFailure => _errors is not null;

    /// <summary>The value of a successful call.</summary>
    /// <exception cref="InvalidOperationException">The call failed; the message lists its errors.</exception>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException("The result has errors and no value: " + string.Join("; ", Errors));

    /// <summary>The errors, in the order found; empty on success.</summary>
    public IReadOnlyList<AriaError> Errors => _errors ?? [];

    /// <summary>The warnings, in the order raised.</summary>
    public IReadOnlyList<AriaWarning> Warnings => _warnings ?? [];

    /// <summary>The value when the call succeeded.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    /// <summary>Whether one of the errors has <paramref name="code"/>.</summary>
    public bool HasError(AriaErrorCode code)
    {
        foreach (var error in Errors)
        {
            if (error.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A successful result.</summary>
    public static implicit operator AriaResult<T>(T value) => new(value, null, null);

    /// <summary>A failed result with one error.</summary>
    public static implicit operator AriaResult<T>(AriaError error) => new(default, [error], null);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success({_value})" : "Failure(" + string.Join("; ", Errors) + ")";
}
