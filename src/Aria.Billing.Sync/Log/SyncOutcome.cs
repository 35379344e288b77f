namespace Aria.Billing.Sync;

/// <summary>What a handler made of a sync record: COMPLETE, IGNORED, or ERROR with the code and message of the failure.</summary>
public readonly record struct SyncOutcome
{
    private SyncOutcome(SyncStatus status, string? errorCode, string? errorMessage, long? errorNumber)
    {
        Status = status;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ErrorNumber = errorNumber;
    }

    /// <summary>
    /// The most UTF-8 bytes of an error code as stored: a longer code is cut and ends with <see cref="TruncationMarker"/>.
    /// Before it is stored, every error code and message (of an outcome, or of an ingested message) also loses its NUL
    /// characters (U+0000), and each unpaired surrogate becomes U+FFFD, the same on every store.
    /// </summary>
    public const int ErrorCodeMaxBytes = 200;

    /// <summary>The most UTF-8 bytes of an error message as stored: a longer message is cut and ends with <see cref="TruncationMarker"/>.</summary>
    public const int ErrorMessageMaxBytes = 2000;

    /// <summary>What ends an error code or message cut to its maximum length.</summary>
    public const string TruncationMarker = "…[truncated]";

    /// <summary>COMPLETE, IGNORED or ERROR.</summary>
    public SyncStatus Status { get; }

    /// <summary>The error code of a failure.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error message of a failure.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The error number of a failure, if any.</summary>
    public long? ErrorNumber { get; }

    /// <summary>Processed successfully.</summary>
    public static SyncOutcome Complete => new(SyncStatus.Complete, null, null, null);

    /// <summary>Ignored by configuration.</summary>
    public static SyncOutcome Ignored => new(SyncStatus.Ignored, null, null, null);

    /// <summary>Failed with one of the codes this package knows (for example <see cref="SyncErrorCodes.AccountIsNotFound"/>).</summary>
    /// <param name="errorCode">The code.</param>
    /// <param name="errorMessage">What went wrong.</param>
    /// <param name="errorNumber">The rating engine's error number, if it gave one.</param>
    public static SyncOutcome Error(AriaErrorCode errorCode, string errorMessage, long? errorNumber = null) => Error(errorCode.Value, errorMessage, errorNumber);

    /// <summary>Failed with <paramref name="errorCode"/>, a code the host's handler reports as text (for example ACCOUNT_IS_NOT_FOUND).</summary>
    public static SyncOutcome Error(string errorCode, string errorMessage, long? errorNumber = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        return new(SyncStatus.Error, errorCode, errorMessage, errorNumber);
    }
}
