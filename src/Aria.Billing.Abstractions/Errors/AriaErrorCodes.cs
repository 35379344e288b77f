namespace Aria.Billing;

/// <summary>
/// The codes shared by every package. Each package adds the codes of its own spec file in a class of its own
/// (for example <c>PlanErrorCodes</c>).
/// </summary>
public static class AriaErrorCodes
{
    /// <summary>1001: unexpected error (an infrastructure failure surfaced to a caller).</summary>
    public static AriaErrorCode UnexpectedError { get; } = 1001;

    /// <summary>1004: authentication error (wrong or missing <c>client_no</c> / <c>auth_key</c>).</summary>
    public static AriaErrorCode AuthenticationError { get; } = 1004;

    /// <summary>1009: account does not exist.</summary>
    public static AriaErrorCode AccountDoesNotExist { get; } = 1009;

    /// <summary>1010: missing required parameters.</summary>
    public static AriaErrorCode MissingRequiredParameter { get; } = 1010;

    /// <summary>1024: invalid date format (dates are <c>yyyy-mm-dd</c>).</summary>
    public static AriaErrorCode InvalidDateFormat { get; } = 1024;

    /// <summary>1033: a parameter that represents a true or false value contains invalid input.</summary>
    public static AriaErrorCode InvalidBoolean { get; } = 1033;

    /// <summary>INVALID_CONTINUATION_TOKEN: a continuation token the search did not issue.</summary>
    public static AriaErrorCode InvalidContinuationToken { get; } = AriaErrorCode.Symbolic("INVALID_CONTINUATION_TOKEN");

    /// <summary>PAGE_SIZE_OUT_OF_RANGE: a page size outside [1-<see cref="PageRequest.MaxSize"/>].</summary>
    public static AriaErrorCode PageSizeOutOfRange { get; } = AriaErrorCode.Symbolic("PAGE_SIZE_OUT_OF_RANGE");

    /// <summary>An identifier (<c>client_no</c>, <c>acct_no</c>, <c>plan_no</c>, <c>plan_instance_no</c>) that is not a positive whole number.</summary>
    public static AriaErrorCode InvalidIdentifier { get; } = AriaErrorCode.Symbolic("INVALID_IDENTIFIER");
}
