namespace Aria.Billing.Invoicing;

/// <summary>A client-defined reason code and what it may be used for.</summary>
/// <param name="Code">The code.</param>
/// <param name="Type">Credit memo, rebill or other.</param>
public sealed record ReasonCode(string Code, ReasonCodeType Type);
