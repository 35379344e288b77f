namespace Aria.Billing.Invoicing;

/// <summary>Whether a credit memo still counts.</summary>
public enum CreditMemoState
{
    /// <summary>Applied to its invoice.</summary>
    Active = 0,

    /// <summary>Voided: no longer applied (event 949).</summary>
    Voided = 1,
}
