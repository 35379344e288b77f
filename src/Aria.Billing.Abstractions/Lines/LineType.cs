namespace Aria.Billing;

/// <summary>
/// The type of a line of an invoice or a quote, as the billing system numbers it (<c>line_type</c>, spec:
/// replace-acct-plan-m.txt, Output Fields). Every line the packages produce carries one.
/// </summary>
public enum LineType
{
    /// <summary>1: a recurring charge.</summary>
    RecurringCharge = 1,

    /// <summary>2: a tax charge.</summary>
    TaxCharge = 2,

    /// <summary>3: a service credit (a proration credit, a credit memo's, or usage that nets below zero).</summary>
    ServiceCredit = 3,

    /// <summary>4: a coupon credit.</summary>
    CouponCredit = 4,

    /// <summary>5: an activation charge.</summary>
    ActivationCharge = 5,

    /// <summary>6: a usage charge.</summary>
    UsageCharge = 6,

    /// <summary>7: a recurring charge billed in arrears.</summary>
    RecurringArrearsCharge = 7,

    /// <summary>8: an order charge.</summary>
    OrderCharge = 8,

    /// <summary>9: a surcharge.</summary>
    Surcharge = 9,
}
