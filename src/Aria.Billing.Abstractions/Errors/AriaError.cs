namespace Aria.Billing;

/// <summary>
/// A rule violation, returned as a value: the spec's code, a message a person can act on, and the names of the inputs
/// involved (the spec's "Associated Inputs", such as <c>assignment_directive</c>).
/// </summary>
public sealed record AriaError
{
    /// <summary>A rule violation.</summary>
    /// <param name="code">The spec's code.</param>
    /// <param name="message">What is wrong and, where it helps, what to do.</param>
    /// <param name="associatedInputs">The inputs the error is about; none when it is about the request as a whole.</param>
    public AriaError(AriaErrorCode code, string message, params IReadOnlyList<string> associatedInputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ArgumentNullException.ThrowIfNull(associatedInputs);
        if (code.Value is null)
        {
            throw new ArgumentException("An error needs a code.", nameof(code));
        }

        Code = code;
        Message = message;
        AssociatedInputs = associatedInputs;
    }

    /// <summary>The spec's code.</summary>
    public AriaErrorCode Code { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>The inputs the error is about.</summary>
    public IReadOnlyList<string> AssociatedInputs { get; }

    /// <inheritdoc />
    public bool Equals(AriaError? other) =>
        other is not null && Code == other.Code && Message == other.Message && AssociatedInputs.SequenceEqual(other.AssociatedInputs);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Message);

    /// <inheritdoc />
    public override string ToString() =>
        AssociatedInputs.Count == 0 ? $"{Code}: {Message}" : $"{Code}: {Message} ({string.Join(", ", AssociatedInputs)})";
}
