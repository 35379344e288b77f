namespace Aria.Billing.Sync;

/// <summary>How the reprocessor says no: an error on the operation's scope, never an exception.</summary>
internal static class SyncOperationRefusal
{
    /// <summary>A refusal with <paramref name="code"/> and <paramref name="message"/>, naming the scope as the input at fault.</summary>
    internal static AriaError Of(AriaErrorCode code, string message) => new(code, message, "scope");
}
