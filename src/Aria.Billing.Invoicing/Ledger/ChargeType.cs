namespace Aria.Billing.Invoicing;

/// <summary>
/// The type of the service a charge line bills. A rebill may move a line only to a service of the same type, and never
/// an order-based or usage-based line (spec: release-6.50.txt, Rebilling an Invoice).
/// </summary>
public enum ChargeType
{
    /// <summary>A recurring charge.</summary>
    Recurring = 0,

    /// <summary>A usage charge: its units may be fractional on a rebill.</summary>
    Usage = 1,

    /// <summary>An activation fee.</summary>
    Activation = 2,

    /// <summary>An order-based (one-time) charge.</summary>
    Order = 3,

    /// <summary>Any other charge (minimum fee, cancellation fee …); its line type is a recurring charge.</summary>
    Other = 4,

    /// <summary>A recurring charge billed in arrears.</summary>
    RecurringArrears = 5,

    /// <summary>A surcharge.</summary>
    Surcharge = 6,
}
