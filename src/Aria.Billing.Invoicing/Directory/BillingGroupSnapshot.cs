namespace Aria.Billing.Invoicing;

/// <summary>A billing group as the billing system holds it now: how it pays, and the due-date terms a rebill takes when it does not keep the original due date.</summary>
public sealed record BillingGroupSnapshot
{
    /// <summary>The billing group's id.</summary>
    public required string Id { get; init; }

    /// <summary>The payment method or terms the group collects by now (a rebill collects by it).</summary>
    public string? PaymentMethod { get; init; }

    /// <summary>The days until due of the group's payment method or terms.</summary>
    public int DaysUntilDue { get; init; }

    /// <summary>How <see cref="DaysUntilDue"/> is counted.</summary>
    public DaysUntilDueMethod DaysUntilDueMethod { get; init; }
}
