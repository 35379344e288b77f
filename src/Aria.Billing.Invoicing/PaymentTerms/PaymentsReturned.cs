namespace Aria.Billing.Invoicing;

/// <summary>
/// What <c>get_acct_payment_methods_and_terms</c> returns (spec: release-6.50.txt, Enhanced Payment Terms - API,
/// <c>payments_returned</c>): the spec's values are flags, so <c>HasFlag</c> answers whether terms or methods are included.
/// Parse the input with <see cref="PaymentTermInputs.ParsePaymentsReturned"/>.
/// </summary>
[Flags]
public enum PaymentsReturned
{
    /// <summary>1: only the payment terms.</summary>
    Terms = 1,

    /// <summary>2: only the payment methods.</summary>
    Methods = 2,

    /// <summary>3: both (the default).</summary>
    Both = Terms | Methods,
}
