namespace Aria.Billing.Plans.Queue;

/// <summary>
/// What is applied to the invoice that follows executed plan changes, in this order (spec: release-6.50.txt, Invoicing
/// Interactions: "Discounts, surcharges, credits, tax and payment surcharges are applied after plan changes execute").
/// </summary>
public enum InvoiceStep
{
    /// <summary>The plan changes of the billing group, all on one invoice.</summary>
    PlanChanges = 0,

    /// <summary>Discounts.</summary>
    Discounts = 1,

    /// <summary>Surcharges.</summary>
    Surcharges = 2,

    /// <summary>Credits.</summary>
    Credits = 3,

    /// <summary>Tax.</summary>
    Tax = 4,

    /// <summary>Payment surcharges.</summary>
    PaymentSurcharges = 5,
}
