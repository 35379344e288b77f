namespace Aria.Billing.Invoicing;

/// <summary>
/// How a billing group pays (spec: release-6.50.txt, Enhanced Payment Terms - API, <c>payment_option</c>): "a Payment Term
/// or Payment Method is now required for a given Billing Group".
/// </summary>
public enum PaymentOption
{
    /// <summary>"Methods": primary and backup payment methods.</summary>
    Methods = 0,

    /// <summary>"Terms": payment terms.</summary>
    Terms = 1,
}
