namespace Aria.Billing.Invoicing;

/// <summary>The contacts of an account the manuals order for notices and tax addresses.</summary>
public enum ContactRole
{
    /// <summary>The account contact.</summary>
    Account = 0,

    /// <summary>The billing contact (of the billing group).</summary>
    Billing = 1,

    /// <summary>The statement contact.</summary>
    Statement = 2,
}
