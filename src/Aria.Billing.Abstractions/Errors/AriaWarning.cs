namespace Aria.Billing;

/// <summary>
/// Something the caller should know that did not stop the operation, such as a bill lag ignored on an anniversary change
/// or child changes that a parent's state will void.
/// </summary>
/// <param name="Code">A symbolic code naming the situation (for example <c>BILL_LAG_DAYS_IGNORED</c>).</param>
/// <param name="Message">What happened.</param>
public sealed record AriaWarning(AriaErrorCode Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
