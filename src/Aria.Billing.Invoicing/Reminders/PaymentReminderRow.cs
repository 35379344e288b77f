namespace Aria.Billing.Invoicing;

/// <summary>
/// One payment reminder (spec: release-6.50.txt, Enhanced Payment Terms - API, <c>pmt_reminder_row</c>): which of Payment
/// Reminders 01, 02 and 03 it is, how many days after the bill date it is sent while the invoice is unpaid, with which
/// template, to whom.
/// </summary>
public sealed record PaymentReminderRow
{
    /// <summary>
    /// Which reminder this is, 1 to 3 (<c>pmt_reminder_tmplt_no</c>, the reminder's template class: Payment Reminder 01, 02 or
    /// 03). It identifies the row: an override at the functional account group or account replaces the row of the same number.
    /// </summary>
    public required int ReminderNo { get; init; }

    /// <summary>
    /// The days after the account's bill date on which the reminder is sent while the invoice is unpaid
    /// (<c>pmt_reminder_days_until_notification</c>); zero or more.
    /// </summary>
    public required int DaysUntilNotification { get; init; }

    /// <summary>The e-mail template (<c>default_pmt_reminder_template</c>); <see langword="null"/>: the client's template of the reminder's class.</summary>
    public string? Template { get; init; }

    /// <summary>Who receives it (<c>pmt_reminder_notification_list</c>).</summary>
    public ReminderRecipients Recipients { get; init; }
}
