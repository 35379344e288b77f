namespace Aria.Billing.Invoicing;

/// <summary>
/// The levels that can set a payment reminder row, highest precedence first (spec: release-6.50.txt, Enhanced Payment
/// Terms: reminders "can be overridden at the Payment Terms, Functional Account Group, and individual account levels").
/// </summary>
public enum ReminderLevel
{
    /// <summary>1. The account (Account Overview, Notification Method).</summary>
    Account = 1,

    /// <summary>2. The functional account group (its Notification Template Group).</summary>
    FunctionalAccountGroup = 2,

    /// <summary>3. The payment terms or payment method the invoice is collected by.</summary>
    PaymentTermsOrMethod = 3,
}
