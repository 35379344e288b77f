namespace Aria.Billing.Invoicing;

/// <summary>
/// Which contacts of an account receive a payment reminder (spec: release-6.50.txt, Enhanced Payment Terms, Notification
/// Recipients; Enhanced Payment Terms - API, <c>pmt_reminder_notification_list</c>). The UI and the API name the same four
/// choices differently (Default / Administrative / Billing / All against Default / Administrative / Statement / Both); one
/// enum takes both spellings (see <see cref="PaymentTermInputs.ParseRecipients"/>).
/// </summary>
public enum ReminderRecipients
{
    /// <summary>"Default": the account's default contact option.</summary>
    Default = 0,

    /// <summary>"Administrative": the account's administrative contact.</summary>
    Administrative = 1,

    /// <summary>UI "Billing", API "Statement": the billing (statement) contact.</summary>
    Billing = 2,

    /// <summary>UI "All", API "Both": every contact.</summary>
    All = 3,
}
