namespace Aria.Billing.Invoicing;

/// <summary>The service a rebill line moves to.</summary>
/// <param name="ServiceNo">The new service's number.</param>
/// <param name="ChargeType">The new service's type: it must be the original line's type.</param>
/// <param name="ServiceName">The new service's name.</param>
public sealed record ServiceChange(long ServiceNo, ChargeType ChargeType, string? ServiceName = null);
